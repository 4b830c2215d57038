"""A document pasted as one paragraph gets its lines back: a long line holding several inline
section labels ("… Responsibilities: Build dashboards; … Requirements: 2+ years … Nice to have:
dbt …") is split before each label, so the sections, the title and the furniture read as they
would on the page.

Only labels the heading vocabulary knows count, and only on long lines with at least two of them:
an ordinary sentence with one colon stays whole.
"""

from __future__ import annotations

import re

from .headings import heading_kind
from .vocabulary import HeadingVocabulary

__all__ = ["reflow_flat_lines"]

MIN_CHARS = 300  # shorter lines are lines as written
_MAX_LABEL_WORDS = 6
# A label is up to six words before a colon, none of them across a sentence end, a semicolon or a
# bracket, the first capitalised.
_COLON = re.compile(r":(?=\s)")
_WORD = re.compile(r"[^\s:;.!?()]+")


def reflow_flat_lines(text: str, vocabulary: HeadingVocabulary | None = None) -> str:
    """``text`` with each long line split before the section labels it holds (two or more); the
    very same ``text`` object when no line is split."""
    lines, split = [], False
    for line in text.split("\n"):
        cuts = _label_starts(line, vocabulary) if len(line) >= MIN_CHARS else []
        if len(cuts) < 2:
            lines.append(line)
            continue
        split = True
        bounds = [0, *(c for c in cuts if c > 0), len(line)]
        lines += [line[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False) if line[a:b].strip()]
    return "\n".join(lines) if split else text


def _label_starts(line: str, vocabulary: HeadingVocabulary | None) -> list[int]:
    """Where each inline section label of ``line`` starts."""
    starts = []
    for colon in _COLON.finditer(line):
        words = list(_WORD.finditer(line[max(0, colon.start() - 80) : colon.start()]))
        offset = max(0, colon.start() - 80)
        words = [w for w in words if not _breaks_between(line, offset + w.end(), colon.start())]
        # The longest run of words ending at the colon that is a heading and starts a phrase.
        for count in range(min(len(words), _MAX_LABEL_WORDS), 0, -1):
            first = words[-count]
            start = offset + first.start()
            label = line[start : colon.start()]
            if first.group()[:1].isupper() and _opens_phrase(line, start) and heading_kind(label, vocabulary):
                starts.append(start)
                break
    return starts


def _breaks_between(line: str, start: int, end: int) -> bool:
    return bool(re.search(r"[.;!?()]", line[start:end]))


def _opens_phrase(line: str, start: int) -> bool:
    """Whether a label may start at ``start``: not inside a list or a clause ("SQL, Skills:")."""
    before = line[max(0, start - 80) : start].rstrip()  # a short look back: linear in the line
    return start == 0 or not before or before[-1] not in ",:&/-"
