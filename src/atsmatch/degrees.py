"""Degree levels and fields: does a resume's degree meet a posting's degree requirement?"""

from __future__ import annotations

import re

__all__ = ["DEGREE_LEVELS", "degree_field", "degree_level", "level_rank"]

# Lowest to highest; a degree meets any requirement of the same or a lower level.
DEGREE_LEVELS = ("high school", "associate", "bachelor", "master", "doctorate")

_LEVEL_PATTERNS = (
    ("doctorate", re.compile(r"doctor|ph\.?\s?d|doctoral|\bd\.?phil|\bm\.?d\b|\bj\.?d\b|pharm\.?\s?d|\bdnp\b|\bed\.?d\b", re.I)),
    ("master", re.compile(r"master|\bmba\b|\bm\.?\s?sc?\b|\bm\.?eng\b|\bmsn\b|\bmph\b|\bm\.?a\b|\bmfa\b|\bllm\b", re.I)),
    ("bachelor", re.compile(r"bachelor|\bbsn\b|\bb\.?\s?sc?\b|\bb\.?eng\b|\bb\.?a\b|\bbba\b|undergraduate", re.I)),
    ("associate", re.compile(r"associate", re.I)),
    ("high school", re.compile(r"high school|\bged\b|secondary school", re.I)),
)  # fmt: skip
_FIELD = re.compile(
    r"^\s*(?:degree\b)?\s*(?:(?:in|of)\b|[,:-])?\s*(?P<field>[A-Za-z][A-Za-z&/ .'-]{1,60}?)"
    r"\s*(?=$|[;.(),]|\bor\b|\band\b|\bwith\b|\bfrom\b|\d)",
    re.I,
)
_NOT_A_FIELD = re.compile(r"^(?:or|and|degree|required|preferred|a|an|the|equivalent|related|field|from|plus)\b", re.I)


def degree_level(name: str) -> str | None:
    """The level of a degree keyword's canonical name (``Master's Degree`` → ``master``), or None."""
    for level, pattern in _LEVEL_PATTERNS:
        if pattern.search(name):
            return level
    return None


def level_rank(level: str) -> int:
    """Position of a level in ``DEGREE_LEVELS`` (higher is more advanced)."""
    return DEGREE_LEVELS.index(level)


def degree_field(text_after: str) -> str | None:
    """The field written right after a degree: ``in Computer Science or related`` → ``Computer Science``."""
    match = _FIELD.match(text_after)
    if not match:
        return None
    field = match.group("field").strip(" .-'")
    if not field or _NOT_A_FIELD.match(field):
        return None
    return field
