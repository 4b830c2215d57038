"""Items of a posting's skills list that no keyword covers: reported for a person to check."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..models import RequirementLevel, UnknownRequirement
from ..structure.headings import heading_kind

__all__ = ["unknown_items"]

_LIST_SEPARATOR = re.compile(r"\s*(?:[,;/]|\band\b|\bor\b)\s*")
_LIST_HEADING = re.compile(
    r"skills|stack|tools|technologies|requirements|must[- ]haves?|nice[- ]to[- ]haves?", re.I
)
_LABELLED_LIST = re.compile(r"^[•*\-\s]*([A-Za-z][A-Za-z &/-]{2,40}):\s*(.+)$")
_BULLET_ITEM = re.compile(r"^\s*[•*\-]\s*\S")
_NOT_AN_ITEM = re.compile(r"\d|\byears?\b|\bexperience\b|\betc\b|^(?:a|an|the|and|or|with|other|any)\b", re.I)


def unknown_items(
    lines: Sequence[str],
    offsets: Sequence[int],
    in_body: Callable[[int], bool],
    covered: Sequence[tuple[int, int]],
    level: Callable[[int, int], RequirementLevel],
) -> list[UnknownRequirement]:
    """Items of 'Required skills: A, B, C' lists (inline, or one per line) that no keyword covers.

    Args:
        lines, offsets: the posting's lines and where each starts in its text.
        in_body: whether a 1-based line belongs to the body.
        covered: spans of every keyword mention.
        level: the requirement level of a span.
    """
    items: list[UnknownRequirement] = []
    list_heading = False
    for number, line in enumerate(lines, start=1):
        if heading_kind(line):
            list_heading = bool(_LIST_HEADING.search(line))
            continue
        if not in_body(number):
            continue
        label = _LABELLED_LIST.match(line)
        if label and _LIST_HEADING.search(label.group(1)):
            candidates = _split_items(label.group(2), offsets[number - 1] + label.start(2))
        elif list_heading and _BULLET_ITEM.match(line) and len(line.split()) <= 5:
            stripped = line.lstrip(" •*-")
            candidates = [(stripped.strip(), offsets[number - 1] + len(line) - len(stripped))]
        else:
            continue
        for item, start in candidates:
            end = start + len(item)
            if any(s < end and start < e for s, e in covered):
                continue
            items.append(UnknownRequirement(text=item, line=number, requirement=level(start, end)))
    return items


def _split_items(listing: str, offset: int) -> list[tuple[str, int]]:
    items = []
    position = 0
    for part in _LIST_SEPARATOR.split(listing):
        index = listing.find(part, position)
        position = index + len(part)
        item = part.strip(" .")
        if 1 < len(item) <= 40 and len(item.split()) <= 4 and not _NOT_AN_ITEM.search(item):
            items.append((item, offset + index + part.find(item)))
    return items
