"""Sections from headings: one heading vocabulary for resumes and postings.

What a section means for the score is decided later (``understanding/``). Lines are 1-based, as in
``Mention.line``. The vocabulary is a ``HeadingVocabulary`` (``structure/vocabulary.py``); every
function takes one, the built-in one by default.
"""

from __future__ import annotations

import re

from ..models import Section, SectionKind
from .vocabulary import HeadingVocabulary, default_vocabulary

__all__ = ["find_sections", "heading_kind", "inline_label_kind"]

_HEADING_STRIP = re.compile(r"^[#*•\-\s]+|[:*#\s]+$")
# A count a job board puts after a heading: "Similar Jobs (5)", "Reviews [1,204]".
_HEADING_COUNT = re.compile(r"\s*(?:\(\d[\d,.+]*\)|\[\d[\d,.+]*\])$")
_INLINE_LABEL = re.compile(r"^[#*•\-\s]*([^\W\d_][^\W\d_ &'/-]*(?:[ &'/-]+[^\W\d_]+){0,5}?)\s*:\s+\S")
_MAX_HEADING_CHARS = 60


def find_sections(text: str, vocabulary: HeadingVocabulary | None = None) -> tuple[Section, ...]:
    """Sections in reading order, each from its heading line to the line before the next heading.

    A heading is a short line (≤ ``vocabulary.max_words`` words, not ending in a full stop) that
    names a known section, optionally with Markdown ``#``, bullets or a trailing colon. Lines
    before the first heading form a ``preamble``.
    """
    lines = text.split("\n")
    starts: list[tuple[int, SectionKind, str | None]] = [(1, "preamble", None)]
    for number, line in enumerate(lines, start=1):
        kind = heading_kind(line, vocabulary)
        if kind:
            starts.append((number, kind, line.strip()))
    if len(starts) > 1 and starts[1][0] == 1:
        starts.pop(0)
    sections = []
    for index, (start, kind, heading) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
        sections.append(Section(kind=kind, heading=heading, start_line=start, end_line=max(end, start)))
    return tuple(sections)


def heading_kind(line: str, vocabulary: HeadingVocabulary | None = None) -> SectionKind | None:
    """The section a heading line opens, or None if the line is not a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_HEADING_CHARS or stripped.endswith((".", ",", ";")):
        return None
    vocabulary = vocabulary or default_vocabulary()
    known, kind = vocabulary.remembered(stripped)
    if known:
        return kind
    words = _HEADING_STRIP.sub("", _HEADING_COUNT.sub("", stripped))
    kind = None if not words or len(words.split()) > vocabulary.max_words else vocabulary.match(words)
    vocabulary.remember(stripped, kind)
    return kind


def inline_label_kind(line: str, vocabulary: HeadingVocabulary | None = None) -> SectionKind | None:
    """The kind named by a line's leading label, as in ``Required skills: Python, SQL``."""
    if ":" not in line:  # cheaper than the label regex on every line
        return None
    match = _INLINE_LABEL.match(line)
    return heading_kind(match.group(1), vocabulary) if match else None
