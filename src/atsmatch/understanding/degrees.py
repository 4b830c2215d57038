"""Degree levels and fields: does a resume's degree meet a posting's degree requirement?"""

from __future__ import annotations

import re

__all__ = [
    "DEGREE_LEVELS",
    "LENIENT_FIELD",
    "degree_field",
    "degree_level",
    "field_matches",
    "level_rank",
    "normalise_field",
]

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
_NOT_A_FIELD = re.compile(
    r"^(?:or|and|degree|required|preferred|a|an|the|equivalent|related|field|from|plus)\b", re.I
)


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


# Short forms people write for fields of study; compared after lowercasing.
_FIELD_SYNONYMS = {
    "cs": "computer science", "comp sci": "computer science", "ce": "computer engineering",
    "ee": "electrical engineering", "ece": "electrical and computer engineering",
    "me": "mechanical engineering", "math": "mathematics", "maths": "mathematics",
    "stats": "statistics", "econ": "economics", "is": "information systems",
    "it": "information technology", "bio": "biology", "chem": "chemistry", "phys": "physics",
}  # fmt: skip
LENIENT_FIELD = re.compile(r"\b(?:related|quantitative|technical|relevant|similar|stem|any)\b", re.I)


def normalise_field(field: str) -> str:
    """Lowercased, with common short forms spelled out (``CS`` → ``computer science``)."""
    folded = re.sub(r"\s+", " ", field.strip().lower())
    return _FIELD_SYNONYMS.get(folded, folded)


def field_matches(required: str | None, held: str | None, *, lenient: bool = False) -> bool | None:
    """Whether a held degree's field fits the required one; None when either is unknown.

    "Computer Science or related field" or "a quantitative field" accept any field: a person must
    judge relatedness. Otherwise the fields must share a word after normalising (``CS`` fits
    ``Computer Science``, ``Applied Mathematics`` fits ``Mathematics``).
    """
    if required is None or held is None:
        return None
    if lenient or LENIENT_FIELD.search(required):
        return True
    wanted = set(normalise_field(required).split()) - {"and", "of", "in", "or"}
    have = set(normalise_field(held).split()) - {"and", "of", "in", "or"}
    return bool(wanted & have)
