"""Years of experience a posting asks for, each tied to its skill or field by a short evidence span."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence

from ..models import ExperienceRequirement, RequirementLevel

__all__ = ["NUMBER", "YEARS", "number_value", "read_experience"]

_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}  # fmt: skip
NUMBER = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
YEARS = re.compile(
    rf"\b(?P<min>{NUMBER})\s*(?:\+|plus)?\s*(?:(?:-|to|–)\s*(?P<max>{NUMBER})\s*\+?\s*)?"
    r"(?:years?|yrs?)\b(?:'|’)?(?:\s*\+)?",
    re.I,
)
# German, French, Spanish and Swedish (the languages whose headings structure/ reads): only with the
# word for experience after the years, since "depuis 10 ans" or "seit 20 Jahren" is the employer's
# history. "Mindestens 3 Jahre Erfahrung", "3 à 5 ans d'expérience", "3 años de experiencia".
_YEARS_OF_EXPERIENCE = re.compile(
    r"\b(?P<min>\d{1,2})\s*\+?\s*(?:(?:-|–|bis|à|a|till)\s*(?P<max>\d{1,2})\s*\+?\s*)?"
    r"(?:jahre?n?|ans|années|años|års?)\s+(?:\w+\s+){0,2}?"
    r"(?:berufserfahrung|erfahrung|d['’]\s?exp[ée]riences?|de\s+experiencia|erfarenhet)\b",
    re.I,
)
# Years that are not experience: "a 2-year degree", "3 years ago", "a 12 year contract".
_NOT_EXPERIENCE = re.compile(
    r"^[\s'’-]*(?:old|ago|degree|diploma|course|program|programme|contract|fixed|warranty|guarantee|"
    r"anniversary|history|running|in a row|of (?:age|study|university|college))\b"
    # the employer's history: "For more than 40 years, our teams have helped hospitals"
    r"|^\s*,\s*(?:our|we|we've|we're|they|the company)\b",
    re.I,
)
_LEADING = re.compile(
    r"^(?:[\s,:'’]|\bof\b|\bprofessional\b|\brelevant\b|\bhands-on\b|\bindustry\b|\bpractical\b|"
    r"\bcommercial\b|\bworking\b|\bwork\b|\bproven\b|\bprogressive\b|\brelated\b|\bpost-?graduate\b|"
    r"\bexperience\b|\bexp\.?|\bwith\b|\bin\b|\busing\b|\bas\b|\bon\b|\bdoing\b|\bacross\b|\bwithin\b|"
    r"\ban?\b|\bthe\b|\bminimum\b|\bof\b|"
    # what follows the years and the word for experience in the other languages
    r"\bmit\b|\bim\b|\bder\b|\bdans\b|\bcon\b|\bde\b|\ben\b|\bmed\b|\binom\b)+",
    re.I,
)
_SUBJECT_STOP = re.compile(
    r"[.;:()]|\s[-–—]\s|,\s*(?:and|but|while)\s|\b(?:using|with|is|are|preferred|required|including|"
    r"experience|ideally|in a|in an|within|where|which|that|who)\b",
    re.I,
)
_TRAILING = re.compile(r"(?:[\s,/&-]|\b(?:and|or|of|in|a|an|the|with|similar|related)\b)+$", re.I)
_MAX_SUBJECT_WORDS = 8
_SUBJECT_REACH = 80
_MAX_TEXT = 160

# A keyword named in the clause: (start, end, canonical name, is a degree).
NamedSpan = tuple[int, int, str, bool]


def number_value(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def read_experience(
    text: str,
    line_offsets: Sequence[int],
    in_body: Callable[[int], bool],
    named: Sequence[NamedSpan],
    level: Callable[[int, int], RequirementLevel],
    clause: Callable[[int, int], tuple[int, int]],
    evidence: Callable[[int, int], str],
) -> list[ExperienceRequirement]:
    """Every "N years of X" in the posting's body, with X the first keyword of its clause after the
    years (a degree never is), else the words that follow, else None: experience in general.

    Args:
        text: the posting's text.
        line_offsets: where each line starts (index 0 is line 1).
        in_body: whether a 1-based line belongs to the posting's body.
        named: the body's keyword mentions, sorted by start.
        level: the requirement level of a span (``levels.level_at`` bound to the posting).
        clause: the clause bounds of a span; ``evidence``: its short evidence span.
    """
    found: list[ExperienceRequirement] = []
    seen: set[tuple[int, int | None, str | None, int]] = set()
    for match in _year_matches(text):
        line = _line_of(line_offsets, match.start())
        if not in_body(line) or _NOT_EXPERIENCE.match(text[match.end() : match.end() + 40]):
            continue
        left, right = clause(match.start(), match.end())
        keyword = _keyword_after(named, match.end(), min(right, match.end() + _SUBJECT_REACH))
        subject = keyword or _subject(text[match.end() : right])
        years_min = number_value(match.group("min"))
        years_max = number_value(match.group("max")) if match.group("max") else None
        key = (years_min, years_max, subject, line)
        if key in seen:
            continue
        seen.add(key)
        found.append(
            ExperienceRequirement(
                years_min=years_min,
                years_max=years_max,
                subject=subject,
                keyword=keyword,
                requirement=level(match.start(), match.end()),
                line=line,
                text=evidence(match.start(), match.end()),
            )
        )
    return found


def _year_matches(text: str) -> list[re.Match[str]]:
    """The English "N years" and the other languages' "N Jahre Erfahrung", in text order."""
    english = list(YEARS.finditer(text))
    ends = [m.end() for m in english]  # English matches don't overlap: starts and ends both ascend
    other = []
    for match in _YEARS_OF_EXPERIENCE.finditer(text):
        # the first English match ending after this one starts: overlapping if it starts before its end
        first = bisect.bisect_right(ends, match.start())
        if first == len(english) or english[first].start() >= match.end():
            other.append(match)
    return sorted(english + other, key=lambda m: m.start())


def _keyword_after(named: Sequence[NamedSpan], start: int, stop: int) -> str | None:
    # ``named`` is sorted by start: look only from the first span starting at ``start`` (a scan of
    # them all for every "N years" was quadratic on a long posting).
    first = bisect.bisect_left(named, (start,))
    for s, e, name, degree in named[first:]:
        if s >= stop:
            return None
        if e <= stop and not degree:
            return name
    return None


def _subject(rest: str) -> str | None:
    """The skill or field written after the years: '5+ years of of' → None, 'of building X' → 'building X'."""
    stripped = _LEADING.sub("", rest.lstrip(), count=1)
    stop = _SUBJECT_STOP.search(stripped)
    phrase = stripped[: stop.start()] if stop else stripped
    words = phrase.split()[:_MAX_SUBJECT_WORDS]
    subject = _TRAILING.sub("", " ".join(words)).strip(" ,")
    return subject or None


def _line_of(line_offsets: Sequence[int], position: int) -> int:
    low, high = 0, len(line_offsets) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if line_offsets[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low + 1
