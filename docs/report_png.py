"""Regenerate docs/report.png: the bundled example's HTML report, shot in headless Chromium.

Run from the repository root: python docs/report_png.py (needs chromium, and Pillow from the dev
extra). The top 1280 × 1500 px of the page, scaled to 1024 px wide, in 256 colours (~130 KB).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
]  # fmt: skip


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        page, shot = Path(tmp) / "report.html", Path(tmp) / "report.png"
        subprocess.run(
            [sys.executable, "-m", "atsmatch.cli", "score", "examples/resume.pdf", "examples/posting.txt",
             "--format", "html", "-o", str(page)],
            cwd=ROOT, check=True,
        )  # fmt: skip
        subprocess.run(
            ["chromium", *FLAGS, f"--user-data-dir={tmp}/profile", "--window-size=1280,1500",
             f"--screenshot={shot}", page.as_uri()],
            check=True, capture_output=True,
        )  # fmt: skip
        image = Image.open(shot).convert("RGB").resize((1024, 1200), Image.LANCZOS)
        small = image.quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
        small.save(ROOT / "docs" / "report.png", optimize=True)
    print(f"docs/report.png: {(ROOT / 'docs' / 'report.png').stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
