"""Degree levels and fields: does a resume's degree meet a posting's degree requirement?

A degree's level comes from the lexicon (``degree_level:`` on an entry), never from its name: a
certification called "… – Associate" or "Certified ScrumMaster" is not a degree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

__all__ = [
    "DEGREE_LEVELS",
    "LENIENT_FIELD",
    "degree_field",
    "degree_fields",
    "degree_levels",
    "field_matches",
    "level_rank",
    "lowest",
    "normalise_field",
]

# Lowest to highest; a degree meets any requirement of the same or a lower level.
DEGREE_LEVELS = ("high school", "associate", "bachelor", "master", "doctorate")

_FIELD = re.compile(
    r"^\s*(?:degree\b)?\s*(?:(?:in|of)\b|[,:-])?\s*(?P<field>[A-Za-z][A-Za-z&/ .'-]{1,60}?)"
    r"\s*(?=$|[;.(),]|\bor\b|\band\b|\bwith\b|\bfrom\b|\d)",
    re.I,
)
_NOT_A_FIELD = re.compile(
    r"^(?:or|and|degree|required|preferred|a|an|the|equivalent|related|field|from|plus|experience|"
    r"with|is|are|preferably|ideally|qualification|level|programme|program|holder)\b",
    re.I,
)
LENIENT_FIELD = re.compile(
    r"\b(?:related|quantitative|technical|relevant|similar|comparable|stem|any)\b", re.I
)
# Where the fields start after a degree's name: "degree in", "(Hons) in", ": ", "of".
_FIELDS_START = re.compile(
    r"^(?:\s*(?:degree|diploma|qualification)s?\b)?(?:\s*\([^)\n]{1,20}\))?\s*(?:in|of|:|,|-|–)\s+", re.I
)
_FIELDS_END = re.compile(r"[.;()\n]|\b(?:with|from|at|preferred|required|is|are|and/or|plus)\b|\d", re.I)
_FIELD_SEPARATOR = re.compile(r"\s*,\s*(?:or\s+|and\s+)?|\s+or\s+|\s+and\s+|\s*/\s*", re.I)
_FIELD_ITEM = re.compile(r"^[A-Za-z][A-Za-z&.' -]{1,50}$")
# Words that end a field written in lowercase: "software engineering also welcome".
_FIELD_STOP = re.compile(
    r"\s+(?:also|welcome|would|will|is|are|preferred|required|desirable|strongly|highly|a|an|the|as|for|"
    r"to|being|very|especially|ideally|who|which|that)\b.*$",
    re.I,
)
_MAX_FIELD_WORDS = 5


def degree_levels(entries: Iterable[object]) -> dict[str, str]:
    """Canonical name → degree level, for the lexicon entries that carry one."""
    levels = {}
    for entry in entries:
        level = getattr(entry, "degree_level", None)
        if level:
            levels[entry.name] = level  # type: ignore[attr-defined]
    return levels


def level_rank(level: str) -> int:
    """Position of a level in ``DEGREE_LEVELS`` (higher is more advanced)."""
    return DEGREE_LEVELS.index(level)


def lowest(levels: Mapping[str, str], names: Iterable[str]) -> str:
    """The name of the lowest-level degree among ``names``."""
    return min(names, key=lambda name: level_rank(levels[name]))


def degree_field(text_after: str) -> str | None:
    """The field written right after a degree: ``in Computer Science or related`` → ``Computer Science``."""
    match = _FIELD.match(text_after)
    if not match:
        return None
    field = match.group("field").strip(" .-'")
    if not field or _NOT_A_FIELD.match(field):
        return None
    return field


def degree_fields(text_after: str) -> tuple[tuple[str, ...], int, bool]:
    """Every field written after a degree's name, where the first one ends, and 'or related'.

    ``in Computer Science, Mathematics, Engineering, or a related field`` →
    ``(("Computer Science", "Mathematics", "Engineering"), 20, True)``.
    """
    start = _FIELDS_START.match(text_after)
    if not start:
        # No "in" / "of": only a capitalised field right after the name ("MSc Physics").
        field = degree_field(text_after)
        lenient = bool(LENIENT_FIELD.search(re.split(r"[.;\n]", text_after, maxsplit=1)[0]))
        if field is None or not field[:1].isupper():
            return (), 0, lenient
        return (field,), text_after.find(field) + len(field), lenient
    tail_end = _FIELDS_END.search(text_after, start.end())
    tail = text_after[start.end() : tail_end.start() if tail_end else len(text_after)]
    fields: list[str] = []
    first_end = 0
    lenient = False
    position = start.end()
    for item in _FIELD_SEPARATOR.split(tail):
        found = text_after.find(item, position)
        position = found + len(item) if found >= 0 else position
        item = _FIELD_STOP.sub("", item.strip(" .'-"))
        if not item:
            continue
        if LENIENT_FIELD.search(item):
            lenient = True
            break
        if _NOT_A_FIELD.match(item) or not _FIELD_ITEM.match(item) or len(item.split()) > _MAX_FIELD_WORDS:
            break
        if not fields:
            first_end = found + len(item)
        fields.append(item)
    if not lenient and LENIENT_FIELD.search(text_after[: (tail_end.start() if tail_end else None)]):
        lenient = True
    return tuple(fields), first_end, lenient


# Short forms people write for fields of study; compared after lowercasing.
_FIELD_SYNONYMS = {
    "cs": "computer science", "comp sci": "computer science", "ce": "computer engineering",
    "ee": "electrical engineering", "ece": "electrical and computer engineering",
    "me": "mechanical engineering", "math": "mathematics", "maths": "mathematics",
    "stats": "statistics", "econ": "economics", "is": "information systems",
    "it": "information technology", "bio": "biology", "chem": "chemistry", "phys": "physics",
}  # fmt: skip


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
