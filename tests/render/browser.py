"""Headless Chromium from the command line: the DOM after the page's scripts ran, and screenshots.

No driver library: Chromium's own ``--dump-dom`` and ``--screenshot`` flags. Tests skip cleanly when
no browser is installed (CI installs Debian's ``chromium``; ATSMATCH_CHROMIUM names another binary).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Root in a container needs --no-sandbox; the rest keeps a test run off the network and quiet.
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--hide-scrollbars", "--mute-audio",
)  # fmt: skip


def find_chromium() -> str | None:
    named = os.environ.get("ATSMATCH_CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).exists() else None)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


def _run(binary: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="atsmatch-chromium-") as profile:
        return subprocess.run(
            [binary, *FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip


def dump_dom(binary: str, page: Path, *flags: str) -> str:
    """The page's DOM, serialised after it loaded and its scripts ran."""
    return _run(binary, *flags, "--dump-dom", page.as_uri()).stdout


def screenshot(binary: str, page: Path, out: Path, width: int, height: int) -> Path:
    """A PNG of the page in a ``width`` × ``height`` window (the page's top ``height`` pixels)."""
    _run(binary, f"--window-size={width},{height}", f"--screenshot={out}", page.as_uri())
    return out


def print_to_pdf(binary: str, page: Path, out: Path) -> Path:
    """The page printed (its @media print style) to a PDF."""
    _run(binary, "--no-pdf-header-footer", f"--print-to-pdf={out}", page.as_uri())
    return out


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])
