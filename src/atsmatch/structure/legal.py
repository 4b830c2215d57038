"""Legal wording, sentence by sentence: equal-opportunity, accommodation and similar statements.

Only the sentences that are legal are legal: a flat posting ending in an EEO sentence keeps
everything before it, and whatever follows (a heading, a list, the next page) is the posting again.
"""

from __future__ import annotations

import bisect
import re

__all__ = ["legal_lines"]

_LEGAL_SENTENCE = re.compile(
    r"equal (?:employment )?opportunity|without regard to|do(?:es)? not discriminate|non-?discriminat|"
    r"reasonable accommodation|affirmative action|protected (?:veteran|status|characteristic)|e-verify|"
    r"celebrate diversity|inclusive (?:environment|workplace) for all|national origin|sexual orientation|"
    r"gender identity|genetic information|pay transparency|fair chance|arrest (?:and|or) conviction|"
    r"égalité des chances|chancengleichheit|chancengerechtigkeit|igualdad de oportunidades|lika möjligheter|"
    r"diskriminier|discrimination|discriminación|diskriminering",
    re.I,
)
_HINTS = ("opportunit", "regard to", "discrimina", "accommodation", "affirmative", "veteran", "protected",
          "e-verify", "diversity", "inclusive", "origin", "orientation", "identity", "genetic", "transparency",
          "fair chance", "conviction", "égalité", "chancen", "igualdad", "lika möjlig", "diskrimin")  # fmt: skip
# A sentence ends at . ! ? followed by a space or the end of a line.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")
_BULLET = re.compile(r"^\s*(?:[•*·▪◦‣-]|\d{1,2}[.)])\s")


def legal_lines(lines: list[str], headings: set[int]) -> set[int]:
    """Indices of the lines whose every sentence is legal wording.

    A sentence may wrap over lines (the next line goes on in lowercase); it ends at a full stop,
    a blank line, a heading (``headings`` holds their indices), a bullet, or a line starting in
    uppercase. A line holding legal and other sentences stays the posting's.

    Only passages (lines a sentence may run through) of more than one line, or of one line with
    a hint and legal wording, are read sentence by sentence: any other line has no legal sentence.
    """
    hinted = _hinted_lines(lines)
    if not hinted:
        return set()  # the sentence pass is slower; most text has no legal wording
    legal: set[int] = set()
    other: set[int] = set()  # lines holding some text that is not legal
    first = 0
    for index in range(1, len(lines) + 1):
        if index < len(lines) and _goes_on(lines, headings, index):
            continue
        if index - first > 1 or (first in hinted and _LEGAL_SENTENCE.search(lines[first])):
            _read_passage(lines, headings, range(first, index), legal, other)
        first = index
    return legal - other


def _goes_on(lines: list[str], headings: set[int], index: int) -> bool:
    """Whether a sentence of the line above may go on into line ``index`` (it starts in lowercase)."""
    line = lines[index]
    return (
        line.lstrip()[:1].islower()
        and index not in headings
        and index - 1 not in headings
        and lines[index - 1].strip() != ""  # after a blank line a new sentence starts anyway
        and not _BULLET.match(line)
    )


def _read_passage(
    lines: list[str], headings: set[int], passage: range, legal: set[int], other: set[int]
) -> None:
    """Mark the passage's lines holding a legal sentence in ``legal``, any other in ``other``."""
    sentence: list[tuple[int, int, int]] = []  # (line index, start, end) pieces of the open sentence

    def close() -> None:
        text = " ".join(lines[i][s:e] for i, s, e in sentence)
        lowered = text.lower()
        is_legal = any(hint in lowered for hint in _HINTS) and _LEGAL_SENTENCE.search(text) is not None
        marked = legal if is_legal else other
        marked.update(i for i, s, e in sentence if lines[i][s:e].strip())
        sentence.clear()

    for index in passage:
        line = lines[index]
        if not line.strip():
            continue  # a blank line is a passage of its own
        start = 0
        for end in _SENTENCE_END.finditer(line):
            sentence.append((index, start, end.end()))
            close()
            start = end.end()
        if line[start:].strip():
            sentence.append((index, start, len(line)))
    close()


def _hinted_lines(lines: list[str]) -> set[int]:
    """Indices of the lines holding a hint (no hint spans a line): each hint looked for in the
    whole text with ``str.find``, far faster than an alternation tried at every character."""
    whole = "\n".join(lines).lower()
    found = []
    for hint in _HINTS:
        position = whole.find(hint)
        while position != -1:
            found.append(position)
            position = whole.find(hint, position + 1)
    if not found:
        return set()
    if len(whole) != sum(map(len, lines)) + len(lines) - 1:
        return set(range(len(lines)))  # lowercasing changed lengths ("İ"): every line may hold one
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    return {bisect.bisect_right(starts, position) - 1 for position in found}
