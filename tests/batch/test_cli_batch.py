"""`atsmatch rank` and `atsmatch match`: every format, -o files, stdin lists, a batch with hostile
files, exit codes, the progress bar on a terminal, and Ctrl-C in a real process.

In this process (typer's runner) without the tagger, except where a real process is the point
(Ctrl-C's exit code and its workers); a pool of two only where the pool is the point."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from atsmatch.batch.output import CSV_COLUMNS
from atsmatch.cli import EXIT_INPUT, app

from .conftest import POSTING, POSTINGS, resume_variants
from .conftest import run_cli as run


def test_rank_table_names_every_resume_and_a_failure_exits_3(resume_folder, ranked_folder, tmp_path):
    gone = tmp_path / "resume_gone.pdf"
    result = run("rank", POSTING, resume_folder, gone, "--jobs", "1", "--width", "120", "--no-tagger")
    assert result.exit_code == EXIT_INPUT, result.output
    assert f"13 resumes against {POSTING}" in result.stdout
    assert "top missing" in result.stdout
    rows = [line for line in result.stdout.splitlines() if re.match(r"│\s+(\d+|-) │", line)]
    assert len(rows) == 13 and re.match(r"│\s+- │.*│ error │", rows[-1])  # the failure, last
    scores = [row["score"] for row in json.loads(ranked_folder.stdout)["rows"]]  # best first, as in JSON
    numbered = re.findall(r"^│\s+(\d+) │.*?│\s+([\d.]+) │", result.stdout, flags=re.MULTILINE)
    assert numbered == [(str(n), f"{score:.1f}") for n, score in enumerate(scores, start=1)]


@pytest.mark.parametrize("format", ["json", "jsonl", "csv"])
def test_rank_formats_carry_the_same_rows(resume_folder, ranked_folder, format, tmp_path):
    reference = json.loads(ranked_folder.stdout)["rows"]
    out = tmp_path / f"ranking.{format}"
    result = run("rank", POSTING, resume_folder, "-j", "1", "-f", format, "-o", out, "--no-tagger")
    assert result.exit_code == 0 and result.stdout == ""
    text = out.read_text()
    if format == "json":
        rows = json.loads(text)["rows"]
    elif format == "jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
    else:
        table = list(csv.DictReader(io.StringIO(text)))
        assert tuple(table[0]) == CSV_COLUMNS and table[0]["rank"] == "1"
        assert [float(r["score"]) for r in table] == [r["score"] for r in reference]
        assert table[0]["top_missing"] == "; ".join(reference[0]["top_missing"])
        return
    assert rows == reference
    assert {"score", "coverage", "matched", "missing", "top_missing", "checks", "error"} <= set(rows[0])
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed, not left behind


def test_match_from_a_stdin_list(tmp_path):
    resume = tmp_path / "me.txt"
    resume.write_text(resume_variants(1)[0])
    listing = "".join(f"{p}\n" for p in POSTINGS)
    result = run("match", resume, "-", "-f", "jsonl", "-j", "1", "--no-tagger", input=listing)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["posting"] for r in rows) == sorted(map(str, POSTINGS))
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert all(r["resume"] == str(resume) for r in rows)


def test_nothing_to_read_is_a_usage_error(tmp_path):
    result = run("rank", POSTING, tmp_path)
    assert result.exit_code == 2 and "no documents found" in result.output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_invalid_lexicon_exits_4_before_any_pair(tmp_path, jobs):
    bad = tmp_path / "mine.yaml"
    bad.write_text("entries:\n  - name: Zorblax\n    category: not_a_category\n")
    result = run("rank", POSTING, POSTING, POSTINGS[0], "--lexicon", bad, "-j", jobs)  # 2 tasks: a pool
    assert result.exit_code == 4 and "mine.yaml" in result.output and "Traceback" not in result.output


def test_unreadable_posting_exits_3_with_one_line(tmp_path):
    result = run("rank", tmp_path / "gone.txt", POSTING)
    assert result.exit_code == EXIT_INPUT
    assert result.output.strip() == f"atsmatch: error: {tmp_path / 'gone.txt'}: no such file. Check the path."


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_keeps_the_rows_done(tmp_path, jobs):
    """SIGINT once the progress bar (on a pseudo-terminal) shows a few pairs done."""
    import pty

    total = 300
    for number, text in enumerate(resume_variants(total)):
        (tmp_path / f"resume_{number:03}.txt").write_text(text)
    out = tmp_path / "out.csv"
    command = [sys.executable, "-c", "from atsmatch.cli import main; main()", "rank", str(POSTING),
               str(tmp_path), "-j", jobs, "-f", "csv", "-o", str(out), "--no-tagger"]  # fmt: skip
    controller, terminal = pty.openpty()
    # SIGINT as a terminal delivers it, even when this test runs where it is ignored (a background
    # job of a non-interactive shell inherits SIG_IGN, and a Python started so never raises it).
    process = subprocess.Popen(
        command, stderr=terminal, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL)
    )
    os.close(terminal)
    shown = _read_until(controller, re.compile(rf"\b([3-9]|\d\d+)/{total}\b"))
    process.send_signal(signal.SIGINT)
    shown += _read_until(controller, None)
    process.wait(timeout=60)
    os.close(controller)
    assert process.returncode == 130, shown
    assert "Traceback" not in shown and re.search(r"interrupted: \d+ pairs not scored", shown)
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == total  # every input has a row
    scored = [r for r in rows if r["score"]]
    stopped = [r for r in rows if r["error_kind"] == "Interrupted"]
    assert len(scored) >= 3 and stopped and len(scored) + len(stopped) == total
    assert all(r["error_kind"] == "" for r in scored) and rows[-len(stopped) :] == stopped


def _read_until(controller: int, pattern, timeout: float = 120.0) -> str:
    """What the terminal shows until ``pattern`` appears (None: until the process closes it)."""
    import select

    shown, deadline = "", time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(controller, 4096).decode(errors="replace")
        except OSError:  # the process closed the terminal
            return shown
        shown += chunk
        if pattern is not None and pattern.search(shown):
            return shown
    raise AssertionError(f"the terminal never showed {pattern}: {shown[-500:]!r}")


def _stderr_in_a_terminal(args: list[str], monkeypatch) -> str:
    """Run the CLI here with stderr on a pseudo-terminal (stdout a buffer); what the terminal showed."""
    import pty
    import threading

    controller, terminal = pty.openpty()
    shown: list[bytes] = []

    def read() -> None:  # drained as it is written, so the terminal's buffer never fills
        while True:
            try:
                chunk = os.read(controller, 4096)
            except OSError:  # the terminal side was closed
                return
            if not chunk:
                return
            shown.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    with os.fdopen(terminal, "w", encoding="utf-8") as stderr:
        monkeypatch.setattr(sys, "stderr", stderr)
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        code = app(args, standalone_mode=False)
        monkeypatch.undo()
    reader.join(timeout=10)
    os.close(controller)
    assert code in (None, 0)
    return b"".join(shown).decode(errors="replace")


@pytest.mark.parametrize(("quiet", "expected"), [(False, True), (True, False)])
def test_progress_bar_only_in_a_terminal_and_not_with_quiet(resume_folder, quiet, expected, monkeypatch):
    two = sorted(map(str, resume_folder.rglob("*.txt")))[:2]  # the bar is drawn when it starts
    args = ["rank", str(POSTING), *two, "-j", "1", "-f", "jsonl", "--no-tagger"]
    assert ("scoring" in _stderr_in_a_terminal(args + ["--quiet"] * quiet, monkeypatch)) is expected


def test_no_progress_bar_when_stderr_is_not_a_terminal(ranked_folder):
    assert ranked_folder.exit_code == 0 and ranked_folder.stderr == "" and ranked_folder.stdout
