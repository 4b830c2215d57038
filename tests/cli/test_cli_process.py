"""The installed ``atsmatch`` entry point in a real process: exit codes survive its fast exit.

A real process only because ``os._exit`` is the point: one row per way ``main`` ends (success, a
typer.Exit code, a usage error); every other exit code is checked through CliRunner.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from ..conftest import DATA

MAIN = "from atsmatch.cli import main; main()"


@pytest.mark.parametrize(
    ("args", "code", "stream", "text"),
    [
        ([DATA / "resume.txt", DATA / "posting.txt"], 0, "stdout", "Score "),
        ([DATA / "resume.txt", DATA / "posting.txt", "--min-score", "99"], 1, "stderr", "below --min-score"),
        ([DATA / "resume.txt"], 2, "stderr", "Missing argument"),
    ],
)
def test_entry_point_exit_codes(args, code, stream, text, tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", MAIN, "score", *map(str, args)],
        capture_output=True,
        text=True,
        env={"XDG_CACHE_HOME": str(tmp_path), "PATH": "", "COLUMNS": "100"},
    )
    assert result.returncode == code
    assert text in getattr(result, stream)
    assert "Traceback" not in result.stderr
