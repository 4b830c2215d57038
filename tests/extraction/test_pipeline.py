"""The extraction pipeline: one token list and one structure carried through, the collector paused
for long texts and given back as it was found."""

from __future__ import annotations

import gc

import pytest

from atsmatch import Document
from atsmatch.extraction.pipeline import PAUSE_COLLECTOR_CHARS, extract_document

LINE = "Experience with Python, Go and Spark on AWS.\nSkills: Excel, R, C\n"


@pytest.mark.parametrize(
    ("chars", "enabled_before"),
    [
        (200, True),  # short: the collector is not touched
        (PAUSE_COLLECTOR_CHARS + 100, True),  # long: paused, then on again
        (PAUSE_COLLECTOR_CHARS + 100, False),  # a caller's choice to keep it off is kept
    ],
)
def test_collector_is_left_as_found(full_analyzer, chars: int, enabled_before: bool) -> None:
    text = (LINE * (chars // len(LINE) + 1))[:chars]
    (gc.enable if enabled_before else gc.disable)()
    try:
        extraction = extract_document(Document(text=text, format="text"), full_analyzer.matcher)
        assert gc.isenabled() is enabled_before
    finally:
        gc.enable()
    assert {k.name for k in extraction.keywords} >= {"Python", "Apache Spark", "Amazon Web Services"}


def test_long_text_same_keywords_as_its_parts(full_analyzer) -> None:
    """Paused or not, the same mentions: a long text is its short halves' mentions, shifted."""
    half = (LINE * (PAUSE_COLLECTOR_CHARS // len(LINE) // 2 + 1)).rstrip("\n")
    whole = full_analyzer.extract(half + "\n" + half)
    part = full_analyzer.extract(half)
    assert len(half) < PAUSE_COLLECTOR_CHARS <= len(half) * 2
    counts = {k.name: k.count for k in whole.keywords}
    assert counts == {k.name: 2 * k.count for k in part.keywords}
