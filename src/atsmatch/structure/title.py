"""The posting's job title."""

from __future__ import annotations

import re

from .furniture import is_cruft_line
from .headings import heading_kind

__all__ = ["find_title_line", "title_text"]

# Head nouns of job titles; a short early line holding one is taken as the title.
_ROLE = re.compile(
    r"\b(engineer|developer|programmer|architect|scientist|analyst|manager|director|designer|"
    r"consultant|specialist|administrator|technician|coordinator|assistant|associate|officer|"
    r"representative|lead|head|intern|accountant|nurse|teacher|instructor|advisor|adviser|"
    r"writer|editor|researcher|strategist|planner|operator|supervisor|executive|clerk|"
    r"recruiter|agent|therapist|pharmacist|physician|technologist|mechanic|electrician|"
    r"driver|chef|cook|attendant|auditor|controller|buyer|owner|partner|expert|professional)s?\b",
    re.I,
)
_SEARCHED_LINES = 25
_MAX_TITLE_WORDS = 12


def find_title_line(text: str) -> int | None:
    """The 1-based line that most likely holds a posting's job title, or None.

    The first short line (≤ 12 words) within the first 25 that names a role (``Engineer``,
    ``Nurse``...) and is neither a heading nor page cruft; failing that, the first such line
    without a role noun.
    """
    fallback = None
    for number, line in enumerate(text.split("\n")[:_SEARCHED_LINES], start=1):
        words = line.split()
        if not words or is_cruft_line(line) or heading_kind(line):
            continue
        fallback = fallback or number
        if len(words) <= _MAX_TITLE_WORDS and _ROLE.search(line):
            return number
    return fallback


def title_text(line: str) -> str:
    """The job title alone: company, location and pay cut off."""
    title = re.split(r"\s(?:[·|•@-]|at)\s|\s*\(|,\s", line.strip(), maxsplit=1)[0]
    return title.strip(" #*")
