"""Which lines list mining needs to split: the others can change nothing it finds.

A line of prose (more than five words with a letter or digit) is no short item of a one-per-line
list, and unless two lexicon mentions on it may each be a whole item (nothing that belongs to an
item between them and a separator or the line's edge), it holds no enumeration with two known
items. Splitting a line at its separators is the costly part of list mining; these checks are
cheap, and each only ever says "may matter" where the split could find something.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["disjoint", "lines_with_two_items", "prefix_length", "prose_line"]

_BULLET = re.compile(r"^\s*(?:[-*•·▪●◦‣+]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"[^,:;|]{1,40}:\s*")  # "Skills: ...", "Tech stack: ...", matched after the bullet
_ALNUM = re.compile(r"[^\W_]")  # a letter or digit, as str.isalnum() has them
_AND_OR = re.compile(r"\band\b|\bor\b", re.IGNORECASE)  # the separators made of letters
_AND_OR_WORDS = frozenset({"and", "or"})
_SEPARATOR_CHARACTERS = frozenset(",;|/•·▪●()&")  # as in list_items._SEPARATOR
_MAX_LINE_WORDS = 5  # as in list_items


def prefix_length(line: str) -> int:
    """Characters of the line's bullet and label ("- Skills: "), which no item holds."""
    bullet = _BULLET.match(line)
    length = bullet.end() if bullet else 0
    label = _LABEL.match(line, length) if ":" in line else None  # a label ends in a colon
    return label.end() if label else length


def lines_with_two_items(
    text: str, lines: list[str], lexicon: list[tuple[int, int, str]], starts: list[int]
) -> set[int]:
    """0-based indices of the lines on which two or more lexicon mentions may each be a whole item
    (nothing that belongs to an item between them and a separator or the line's edge)."""
    by_line: dict[int, list[tuple[int, int]]] = {}
    for start, end, _ in lexicon:
        first = bisect.bisect_right(starts, start) - 1
        last = bisect.bisect_right(starts, max(start, end - 1)) - 1
        for line in range(first, last + 1):  # one over a line break counts on each line, as an item
            by_line.setdefault(line, []).append((start, end) if first == last else (-1, -1))
    found = set()
    for line, mentions in by_line.items():
        if len(mentions) < 2:
            continue
        body, line_end = starts[line] + prefix_length(lines[line]), starts[line] + len(lines[line])
        whole = sum(
            1 for s, e in mentions if s < 0 or _clear_left(text, body, s) and _clear_right(text, e, line_end)
        )
        if whole >= 2:
            found.add(line)
    return found


def _clear_left(text: str, body: int, start: int) -> bool:
    """Whether only separators and what trimming drops stand between ``body`` (or a separator)
    and ``start``: an item could begin at ``start``."""
    position = start
    while position > body:
        char = text[position - 1]
        if char in _SEPARATOR_CHARACTERS:
            return True
        if char.isalnum() or char == ".":
            word = position
            while word > body and text[word - 1].isalnum():
                word -= 1
            return text[word:position].lower() in _AND_OR_WORDS  # "SQL and Go": "and" separates
        position -= 1
    return True


def _clear_right(text: str, end: int, line_end: int) -> bool:
    """Whether only separators and what trimming drops stand between ``end`` and a separator (or
    the line's end): an item could end at ``end``."""
    position = end
    while position < line_end:
        char = text[position]
        if char in _SEPARATOR_CHARACTERS:
            return True
        if char.isalnum() or char in "+#":
            word = position
            while word < line_end and text[word].isalnum():
                word += 1
            return text[position:word].lower() in _AND_OR_WORDS
        position += 1
    return True


def disjoint(claimed: list[tuple[int, int]]) -> bool:
    """Whether no two of the sorted mentions overlap."""
    return all(claimed[i][1] <= claimed[i + 1][0] for i in range(len(claimed) - 1))


def prose_line(line: str, prefix: int) -> bool:
    """Whether more than ``_MAX_LINE_WORDS`` words after the prefix hold a letter or digit outside
    an "and" or "or": then no single item of the line is that short (each such word reaches into
    an item)."""
    words = line[prefix:].split()
    if len(words) <= _MAX_LINE_WORDS:
        return False
    # Most words are plain letters: only the others ("-", "and", "(and)") may hold no name.
    others = [w for w in words if not w.isalnum() or len(w) <= 3 and w.lower() in _AND_OR_WORDS]
    nameless = sum(1 for w in others if not _ALNUM.search(_AND_OR.sub(" ", w)))
    return len(words) - nameless > _MAX_LINE_WORDS
