"""Headless Chromium driven by Playwright: one browser for the whole test session, a fresh page per
look. Playwright drives the system's Chromium (no browser download): CI installs Debian's
``chromium``; ATSMATCH_CHROMIUM names another binary. Tests skip cleanly without either.

One browser instead of a Chromium process per check: starting Chromium is most of a browser
test's cost, and a page of its own per test keeps the tests independent.
"""

from __future__ import annotations

import os
import shutil
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# Root in a container needs --no-sandbox; the rest keeps a test run off the network and quiet.
FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-extensions", "--hide-scrollbars", "--mute-audio",
]  # fmt: skip


def find_chromium() -> str | None:
    named = os.environ.get("ATSMATCH_CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).exists() else None)
    return next((found for name in CANDIDATES if (found := shutil.which(name))), None)


@contextmanager
def launch(binary: str) -> Iterator[Any]:
    """A headless Chromium (``binary``) with one Playwright ``BrowserContext``, closed on exit.

    One context for all pages: the report keeps no cookies or storage, and a context costs about
    as much as loading the page."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=binary, args=FLAGS, headless=True)
        try:
            yield browser.new_context(device_scale_factor=1)
        finally:
            browser.close()


@contextmanager
def open_page(browser: Any, page: Path, width: int = 1440, height: int = 900) -> Iterator[Any]:
    """``page`` loaded (its scripts ran) in a new tab of ``width`` × ``height``, closed on exit."""
    tab = browser.new_page()
    try:
        tab.set_viewport_size({"width": width, "height": height})
        tab.goto(page.as_uri(), wait_until="load")
        yield tab
    finally:
        tab.close()


def dump_dom(browser: Any, page: Path) -> str:
    """The page's DOM, serialised after it loaded and its scripts ran."""
    with open_page(browser, page) as tab:
        return tab.content()


def run_script(browser: Any, page: Path, script: str, width: int = 1440) -> Any:
    """Runs ``script`` on ``page`` once it loaded, in a ``width`` px viewport; the script has the
    document as ``d`` and returns a JSON-able value, which this returns.

    Playwright evaluates through the DevTools protocol, which the report's content policy does not
    govern; the report's own script still runs under that policy, as in any browser.
    """
    with open_page(browser, page, width) as tab:
        return tab.evaluate("() => (function (d) { " + script + " })(document)")


def screenshot(browser: Any, page: Path, out: Path, width: int, height: int) -> Path:
    """A PNG of the page in a ``width`` × ``height`` viewport (the page's top ``height`` pixels)."""
    with open_page(browser, page, width, height) as tab:
        tab.screenshot(path=str(out))
    return out


def print_to_pdf(browser: Any, page: Path, out: Path) -> Path:
    """The page printed (its @media print style) to a PDF, without header or footer."""
    with open_page(browser, page) as tab:
        tab.pdf(path=str(out))
    return out


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG's header."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])
