"""One rule for how a posting asks for something: required, preferred or unspecified.

The clause around the thing decides first ("… is a strong plus", "3+ years of Kubernetes is a must"),
then the label leading its line ("(Not Required): IPv4, IPv6", "Nice to have: Go"), then the section
it stands in. Keywords, years and degrees all ask this one function, so one line never gets two levels.
"""

from __future__ import annotations

import re

from ..models import RequirementLevel, SectionKind

__all__ = ["clause_around", "clause_bounds", "evidence", "level_at", "marked_level", "sentence_around"]

_PREFERRED_MARKER = re.compile(
    r"\b(?:preferred|preferable|preferably|nice[- ]to[- ]have|nice to haves?|(?:is |are |would be |be )?"
    r"an? (?:\w+ )?(?:plus|bonus|advantage)|plus if|bonus if|bonus points?|ideally|desirable|desired|"
    r"advantageous|good to have|not required|not mandatory|not essential|optional|even better|"
    r"would be great|appreciated)\b",
    re.I,
)
_REQUIRED_MARKER = re.compile(
    r"\b(?:required|requirements?|must|minimum|at least|essential|mandatory|you have|you will have|"
    r"you(?:'ll| will) need|need to have|necessary|proven|(?:is|are) expected)\b",
    re.I,
)
_REQUIRED_SECTIONS: frozenset[SectionKind] = frozenset(
    {"required", "skills", "experience", "education", "certifications"}
)
# A clause ends at ", and" / ", but" / ", while", a dash between spaces, or a slash between spaces.
# "…, ideally in a large team" qualifies what follows it, not what came before.
_CLAUSE_BREAK = re.compile(r"\s[-–—]\s|,\s*(?:and|but|while|whereas)\s|\s/\s|,\s*(?=ideally|preferably)")
# A full stop after these does not end a sentence: "a cloud, e.g. AWS, GCP".
_ABBREVIATION = re.compile(r"(?:\be\.g|\bi\.e|\beg|\bincl|\bvs|\bapprox|\bca)$", re.I)
_LINE_LABEL = re.compile(r"^[\s•*\-–]*(?:\(?(?P<label>[A-Za-z][\w ,'/-]{1,40}?)\)?)\s*:")


def marked_level(text: str) -> RequirementLevel | None:
    """The level a piece of text says outright, or None: preferred markers win ('not required')."""
    text = " ".join(text.split())  # a sentence wrapped by the page: "is a\nbonus"
    if _PREFERRED_MARKER.search(text):
        return "preferred"
    if _REQUIRED_MARKER.search(text):
        return "required"
    return None


def level_at(text: str, start: int, end: int, kind: SectionKind) -> RequirementLevel:
    """How the posting asks for ``text[start:end]``: its clause, then its line's label, then its section."""
    clause = clause_around(text, start, end)
    level = marked_level(clause) or _level_after_brackets(text, start, end)
    if level is None:
        line_start = text.rfind("\n", 0, start) + 1
        label = _LINE_LABEL.match(text[line_start:start])
        level = marked_level(label.group("label")) if label else None
    if level is not None:
        return level
    if kind == "preferred":
        return "preferred"
    if kind in _REQUIRED_SECTIONS:
        return "required"
    return "unspecified"


# "Experience with feature stores (Feast or Tecton) is a bonus": the words after the brackets say
# how what stands before them, and in them, is asked for.
_TAIL_VERB = re.compile(r"^\s*(?:is|are|would be|will be|would be considered)\b", re.I)


def _level_after_brackets(text: str, start: int, end: int) -> RequirementLevel | None:
    _, right = sentence_around(text, start, end)
    if right >= len(text) or text[right] not in "()":
        return None
    line_end = text.find("\n", right)
    close = text.find(")", right, line_end if line_end != -1 else len(text))
    if close == -1:
        return None
    _, tail_end = sentence_around(text, close + 1, close + 1)
    tail = text[close + 1 : tail_end]
    return marked_level(tail) if _TAIL_VERB.match(tail) else None


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around ``text[start:end]``.

    A sentence ends at . ; ! ? ( ) or at a line break, unless the next line goes on in lowercase
    (a sentence wrapped by the page, not a new list item). A full stop inside a word ("Node.js",
    "e.g.") does not end it.
    """
    left = start
    while left > 0:
        char = text[left - 1]
        if char in ";!?()" or (char == "." and _ends_sentence(text, left - 1)):
            break
        if char == "\n" and not text[left : left + 1].islower():
            break
        left -= 1
    right = end
    while right < len(text):
        char = text[right]
        if char in ";!?()" or (char == "." and _ends_sentence(text, right)):
            break
        if char == "\n" and not text[right + 1 : right + 2].islower():
            break
        right += 1
    return left, right


def _ends_sentence(text: str, index: int) -> bool:
    after = text[index + 1 : index + 2]
    if after and not after.isspace():
        return False
    return not _ABBREVIATION.search(text, max(0, index - 6), index)


def clause_around(text: str, start: int, end: int) -> str:
    """The clause of the sentence around ``text[start:end]`` (split at ', and', ', but' and ' - ')."""
    left, right = clause_bounds(text, start, end)
    return text[left:right]


def clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around ``text[start:end]``: see ``clause_around``."""
    left, right = sentence_around(text, start, end)
    clause_start, clause_end = left, right
    for match in _CLAUSE_BREAK.finditer(text, left, right):
        if match.end() <= start:
            clause_start = match.end()
        elif match.start() >= end:
            clause_end = match.start()
            break
    return clause_start, clause_end


def evidence(text: str, start: int, end: int, limit: int = 160) -> str:
    """A short span of the clause around ``text[start:end]``, on one line, for a report."""
    left, right = clause_bounds(text, start, end)
    if right - left > limit:
        left = max(left, start - limit // 4)
        right = min(right, left + limit)
    span = " ".join(text[left:right].split()).strip(" •*-–,")
    return span if len(span) <= limit else span[: limit - 1] + "…"
