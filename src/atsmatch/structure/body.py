"""The posting's body: the run of lines that read like a posting, between the page's furniture.

The text is cut into segments at *barriers*: a furniture section (a ``cruft`` heading such as
"Similar jobs", up to the next other heading) or three or more furniture lines in a row (a
navigation bar, a criteria block). Each segment is scored by its *posting lines*: headings of a
posting's sections, and sentences or bullet clauses addressed to the candidate or naming duties
and requirements. The body runs from the first to the last segment holding a good share of the
best segment's posting lines (or two of them); without any posting line, the whole text is the body.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..models import IgnoredReason, SectionKind
from .roles import names_a_role

__all__ = ["Body", "find_body", "has_posting_cue", "is_posting_line", "is_title_like"]

_BARRIER_RUN = 3  # furniture lines in a row that end a segment
_SHARE_OF_BEST = 0.25
_ENOUGH_POSTING_LINES = 2  # a segment with this many posting lines is the posting's (a PDF's last page)
_POSTING_HEADINGS: frozenset[SectionKind] = frozenset(
    {"overview", "responsibilities", "required", "preferred", "skills", "benefits", "company", "experience",
     "education", "summary", "projects", "certifications"}
)  # fmt: skip
# Words of sentences addressed to a candidate, or of duties and requirements (en, de, fr, es, sv).
_CUE = re.compile(
    r"\b(?:you|your|we|our|us|will|candidate|experience[ds]?|years?|skills?|knowledge|ability|able|degree|"
    r"required|requirements?|must|plus|responsible|responsibilities|develop\w*|build\w*|design\w*|work\w*|"
    r"team\w*|proficien\w*|familiar\w*|understanding|strong|including|support\w*|manag\w*|ensur\w*|"
    r"du|sie|wir|ihr|dein|deine|ihre|erfahrung\w*|kenntnisse|vous|nous|votre|expérience|compétences|"
    r"tu|tus|experiencia|conocimientos|buscamos|erfarenhet|vi|dig|har)\b",
    re.I,
)
# The same cues as words and word beginnings: on ASCII lines (lowercasing then is what re.I does)
# a set lookup per word is many times faster than the alternation tried at every character.
_CUE_WORDS = frozenset(
    {
        "you", "your", "we", "our", "us", "will", "candidate", "experience", "experienced", "experiences",
        "year", "years", "skill", "skills", "knowledge", "ability", "able", "degree", "required",
        "requirement", "requirements", "must", "plus", "responsible", "responsibilities", "understanding",
        "strong", "including", "du", "sie", "wir", "ihr", "dein", "deine", "ihre", "kenntnisse", "vous",
        "nous", "votre", "tu", "tus", "experiencia", "conocimientos", "buscamos", "erfarenhet", "vi", "dig",
        "har",
    }
)  # fmt: skip
_CUE_PREFIXES = ("develop", "build", "design", "work", "team", "proficien", "familiar", "support", "manag",
                 "ensur", "erfahrung")  # fmt: skip
_WORD_RUN = re.compile(r"\w+")
_BULLET = re.compile(r"^\s*(?:[•*·▪◦‣-]|\d{1,2}[.)])\s+\S")
# The posting's title line may stand above the action bar (Apply / Save / counters) that separates
# it from the body.
_TITLE_LOOKBACK = 8
_GENDER = re.compile(r"\((?:m/w/d|w/m/d|m/f/d|h/f|f/h|m/f|f/m|m/w|all genders?)\)", re.I)


@dataclass(frozen=True)
class Body:
    """The body's first and last line indices (0-based, inclusive); None when the text is empty."""

    first: int | None
    last: int | None

    def __contains__(self, index: int) -> bool:
        return self.first is not None and self.last is not None and self.first <= index <= self.last


def has_posting_cue(line: str) -> bool:
    """Whether a line holds a word of a posting's sentences (you, experience, required...)."""
    if not line.isascii():
        return _CUE.search(line) is not None
    return any(w in _CUE_WORDS or w.startswith(_CUE_PREFIXES) for w in _WORD_RUN.findall(line.lower()))


def _cue_count(line: str) -> int:
    """How many words of ``line`` are posting cues (``len(_CUE.findall(line))``)."""
    if not line.isascii():
        return len(_CUE.findall(line))
    return sum(1 for w in _WORD_RUN.findall(line.lower()) if w in _CUE_WORDS or w.startswith(_CUE_PREFIXES))


def is_title_like(line: str) -> bool:
    """Whether a short line names a role ("Senior Engineer", "Ingénieur Data (H/F)")."""
    return 0 < len(line.split()) <= 10 and (names_a_role(line) or _GENDER.search(line) is not None)


def is_posting_line(line: str) -> bool:
    """Whether a line reads like a posting's: a sentence or bullet clause with a posting cue."""
    words = line.split()
    if len(words) < 4:
        return False
    letters = [w for w in words if w[:1].isalpha()]
    if len(letters) < 0.6 * len(words):
        return False
    cues = _cue_count(line)
    return cues >= 2 or (cues >= 1 and (bool(_BULLET.match(line)) or line.rstrip().endswith(".")))


def find_body(
    lines: list[str],
    kinds: list[SectionKind],
    headings: dict[int, SectionKind],
    furniture: list[IgnoredReason | None],
) -> Body:
    """The body of a document given each line's section kind, its headings and furniture kinds."""
    segments = _segments(lines, kinds, headings, furniture)
    if not segments:
        return Body(None, None)
    scores = [_score(lines, headings, furniture, first, last) for first, last in segments]
    best = max(scores)
    if best == 0:
        kept = segments
    else:
        least = max(1, min(_ENOUGH_POSTING_LINES, _SHARE_OF_BEST * best))
        kept = [s for s, score in zip(segments, scores, strict=True) if score >= least]
    first, last = kept[0][0], kept[-1][1]
    return Body(_title_above(lines, furniture, first), last)


# A segment's score matters only up to the share of the best that makes it the body's: beyond
# this many posting lines every segment's verdict is the same, so the rest are not read.
_SCORE_CAP = math.ceil(_ENOUGH_POSTING_LINES / _SHARE_OF_BEST)


def _score(
    lines: list[str],
    headings: dict[int, SectionKind],
    furniture: list[IgnoredReason | None],
    first: int,
    last: int,
) -> int:
    """The segment's posting lines (headings of a posting's sections, posting sentences), up to
    ``_SCORE_CAP``."""
    score = 0
    for index in range(first, last + 1):
        if furniture[index] is not None:
            continue
        kind = headings.get(index)
        if kind in _POSTING_HEADINGS or (index not in headings and is_posting_line(lines[index])):
            score += 1
            if score == _SCORE_CAP:
                break
    return score


def _title_above(lines: list[str], furniture: list[IgnoredReason | None], first: int) -> int:
    """The body's first line moved up to a title line standing just above it, if there is one."""
    for index in range(first - 1, max(-1, first - 1 - _TITLE_LOOKBACK), -1):
        line = lines[index]
        if furniture[index] is None and is_title_like(line):
            return index
    return first


def _segments(
    lines: list[str],
    kinds: list[SectionKind],
    headings: dict[int, SectionKind],
    furniture: list[IgnoredReason | None],
) -> list[tuple[int, int]]:
    """Runs of lines between barriers, trimmed of blank and furniture lines at both ends."""
    barrier = [kind == "cruft" for kind in kinds]  # a furniture section, heading to next heading
    run: list[int] = []
    for index, line in enumerate(lines):
        if furniture[index] is not None:
            run.append(index)
            continue
        if line.strip():
            if len(run) >= _BARRIER_RUN:
                for member in run:
                    barrier[member] = True
            run = []
    if len(run) >= _BARRIER_RUN:
        for member in run:
            barrier[member] = True
    segments: list[tuple[int, int]] = []
    start: int | None = None
    for index in range(len(lines) + 1):
        open_line = index < len(lines) and not barrier[index]
        if open_line and start is None:
            start = index
        elif not open_line and start is not None:
            trimmed = [i for i in range(start, index) if lines[i].strip() and furniture[i] is None]
            if trimmed:
                segments.append((trimmed[0], trimmed[-1]))
            start = None
    return segments
