"""Years of experience a resume shows: its dated roles ("Jan 2019 – Present", "2016-2020") and its
claims ("6+ years of Python"), compared with a posting's years requirements."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..models import ExperienceCheck, ExperienceRequirement, Extraction, SectionKind
from .experience import NUMBER, number_value

__all__ = ["ResumeYears", "compare_years", "read_resume_years"]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"


def _date(prefix: str) -> str:
    """A month-and-year or a year, its groups named after ``prefix``."""
    return (
        rf"(?:(?P<{prefix}m>{_MONTH})\s+|(?P<{prefix}n>\d{{1,2}})\s*[/.-]\s*)?"
        rf"(?P<{prefix}y>(?:19|20)\d{{2}})"
    )


_RANGE = re.compile(
    _date("a")
    + r"\s*(?:-|–|—|to|until|till)\s*(?:"
    + _date("b")
    + r"|(?P<open>present|current|now|today|date|ongoing))\b",
    re.I,
)
_CLAIM = re.compile(
    rf"\b(?P<n>{NUMBER})\s*\+?\s*(?:years?|yrs?)(?:'|’)?\s*\+?\s+(?:of\s+)?"
    r"(?:(?:professional|commercial|hands-on|industry|relevant|working)\s+)?(?:experience\b)?",
    re.I,
)
# Dates in these sections are study, awards or talks, not work.
_NOT_WORK: frozenset[SectionKind] = frozenset(
    {"education", "certifications", "awards", "publications", "interests", "languages", "projects"}
)
_CLAIM_REACH = 80
_SENTENCE_END = re.compile(r"[.;!?]\s|\n(?![a-z])")


@dataclass(frozen=True)
class ResumeYears:
    """What the resume shows: months covered by dated roles, per keyword too, and explicit claims."""

    total_months: int | None  # None when the resume has no dated role
    months_by_keyword: dict[str, int]
    claims: dict[str | None, tuple[int, int]]  # keyword name (None: in general) → (years, line)


def read_resume_years(resume: Extraction, *, today: date) -> ResumeYears:
    """The dated roles and year claims of a resume; a role's keywords are those named in its block
    (from its dates to the next role's)."""
    text = resume.text
    lines = text.split("\n")
    kinds = _kinds(resume, len(lines))
    roles: list[tuple[int, int, int]] = []  # (line, first month, last month)
    starts = _line_starts(text)
    for match in _RANGE.finditer(text):  # across lines too: "June 2022 -\nPresent"
        number = bisect.bisect_right(starts, match.start())
        if kinds[number - 1] in _NOT_WORK:
            continue
        first = _month(match, "a")
        last = _today(today) if match.group("open") else _month(match, "b", end=True)
        if first is not None and last is not None and last >= first:
            roles.append((number, first, last))
    keyword_lines = {k.name: {m.line for m in k.mentions} for k in resume.keywords}
    by_keyword = {}
    for name, where in keyword_lines.items():
        spans = [(first, last) for index, (line, first, last) in enumerate(roles)
                 if any(line <= n < _block_end(roles, index, kinds) for n in where)]  # fmt: skip
        if spans:
            by_keyword[name] = _covered(spans)
    return ResumeYears(
        total_months=_covered([(first, last) for _, first, last in roles]) if roles else None,
        months_by_keyword=by_keyword,
        claims=_claims(resume, text),
    )


def compare_years(
    shown: ResumeYears, requirements: Sequence[ExperienceRequirement]
) -> tuple[ExperienceCheck, ...]:
    """Each years requirement (the highest per subject) against what the resume shows."""
    strongest: dict[str | None, ExperienceRequirement] = {}
    for need in requirements:
        held = strongest.get(need.keyword or need.subject)
        if held is None or need.years_min > held.years_min:
            strongest[need.keyword or need.subject] = need
    checks = []
    for need in strongest.values():
        years, evidence = _years_for(shown, need.keyword)
        checks.append(
            ExperienceCheck(
                subject=need.subject,
                years_required=need.years_min,
                years_found=years,
                met=None if years is None else years >= need.years_min,
                requirement=need.requirement,
                evidence=evidence,
            )
        )
    return tuple(checks)


def _years_for(shown: ResumeYears, keyword: str | None) -> tuple[float | None, str | None]:
    claim = shown.claims.get(keyword)
    months = shown.months_by_keyword.get(keyword) if keyword else shown.total_months
    from_roles = round(months / 12, 1) if months is not None else None
    if claim and (from_roles is None or claim[0] >= from_roles):
        return float(claim[0]), f"the resume says {claim[0]}+ years (line {claim[1]})"
    if from_roles is not None:
        return from_roles, f"dated roles naming {keyword}" if keyword else "dated roles"
    if keyword and shown.total_months is not None:
        return 0.0, f"no dated role names {keyword}"
    return None, None


def _claims(resume: Extraction, text: str) -> dict[str | None, tuple[int, int]]:
    mentions = sorted((m.start, m.end, k.name) for k in resume.keywords for m in k.mentions)
    claims: dict[str | None, tuple[int, int]] = {}
    starts = _line_starts(text)
    for match in _CLAIM.finditer(text):
        years = number_value(match.group("n"))
        line = bisect.bisect_right(starts, match.start())
        sentence_end = _SENTENCE_END.search(text, match.end())
        reach = min(match.end() + _CLAIM_REACH, sentence_end.start() if sentence_end else len(text))
        # the mentions from the claim's end on (sorted by start): not a scan of all of them per claim
        after = mentions[bisect.bisect_left(mentions, (match.end(),)) :]
        named = []
        for start, end, name in after:
            if start >= reach:
                break
            if end <= reach:
                named.append(name)
        for name in named or [None]:
            if name not in claims or claims[name][0] < years:
                claims[name] = (years, line)
    return claims


def _line_starts(text: str) -> list[int]:
    """Where each line starts: the 1-based line of a position is ``bisect_right(starts, position)``."""
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _kinds(resume: Extraction, count: int) -> list[SectionKind | None]:
    kinds: list[SectionKind | None] = [None] * count
    for section in resume.sections:
        for number in range(section.start_line, min(section.end_line, count) + 1):
            kinds[number - 1] = section.kind
    return kinds


def _month(match: re.Match[str], prefix: str, *, end: bool = False) -> int | None:
    year = match.group(f"{prefix}y")
    if year is None:
        return None
    name, number = match.group(f"{prefix}m"), match.group(f"{prefix}n")
    if name:
        month = _MONTHS.index(name[:3].lower()) + 1
    elif number and 1 <= int(number) <= 12:
        month = int(number)
    else:
        month = 12 if end else 1  # a bare year: "2016-2020" covers Jan 2016 to Dec 2020
    return int(year) * 12 + month - 1


def _today(today: date) -> int:
    return today.year * 12 + today.month - 1


def _block_end(roles: list[tuple[int, int, int]], index: int, kinds: list[SectionKind | None]) -> int:
    """The line after a role's block: the next role's line, or the end of the role's section."""
    line = roles[index][0]
    end = roles[index + 1][0] if index + 1 < len(roles) else len(kinds) + 1
    section = kinds[line - 1]
    return next((n for n in range(line + 1, end) if kinds[n - 1] != section), end)


def _covered(spans: list[tuple[int, int]]) -> int:
    """Months covered by inclusive (first, last) month spans, overlaps counted once."""
    months: set[int] = set()
    for first, last in spans:
        months.update(range(first, last + 1))
    return len(months)
