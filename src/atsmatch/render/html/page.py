"""The page around a report or a batch: one self-contained file, its style and script inline.

A Content-Security-Policy allows no request of any kind and only the page's own script (by hash):
even if document text ever slipped past escaping, a browser would not run it or fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from importlib.resources import files

from ... import __version__
from .parts import e

__all__ = ["page"]


@cache
def _asset(name: str) -> str:
    # Read on first render, not at import: nothing is loaded until an HTML report is asked for.
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def page(title: str, body: str, extra_css: str = "") -> str:
    """A whole HTML document: ``body`` (already escaped) with the shared style and script."""
    script = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    policy = (
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
        f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{e(policy)}">
<meta name="generator" content="atsmatch {e(__version__)}">
<title>{e(title)}</title>
<style>
{_asset("report.css")}{extra_css}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<main id="main">
{body}
</main>
<footer><p>Made by atsmatch {e(__version__)}, offline: this file makes no network requests.</p></footer>
<script>{script}</script>
</body>
</html>
"""
