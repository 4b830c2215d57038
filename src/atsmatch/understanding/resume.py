"""ATS checks of a resume: contact details, standard headings, the posting's job title, skills named
only in a Skills list, and the highest degree."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

from ..models import DegreeRequirement, ExperienceRequirement, Extraction, ResumeChecks
from .degrees import degree_field, field_matches, level_rank
from .resume_years import compare_years, read_resume_years

__all__ = ["STANDARD_HEADINGS", "check_resume"]

STANDARD_HEADINGS = ("experience", "education", "skills")
# The lookbehind starts a match only at the start of a word: without it a long word with no "@"
# is rescanned from each of its letters (quadratic: 40k letters took 5.4 s).
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w])\+?\(?\d[\d ().-]{7,}\d(?![\w])")
_LINKEDIN = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/in/[\w%-]+/?", re.I)
_WEBSITE = re.compile(r"(?:https?://|www\.)[^\s|,;]+|\b(?:github|gitlab)\.com/[\w-]+", re.I)
_SENIORITY = re.compile(
    r"\b(?:senior|sr\.?|junior|jr\.?|lead|staff|principal|head|chief|i{1,3}|iv|entry[- ]level)\b", re.I
)
_EXPERIENCE_SECTIONS = frozenset({"experience", "projects", "summary", "volunteer", "publications"})


def check_resume(
    resume: Extraction,
    *,
    job_title: str | None,
    degrees: tuple[DegreeRequirement, ...],
    experience: tuple[ExperienceRequirement, ...] = (),
    degree_levels: Mapping[str, str] | None = None,
    today: date | None = None,
) -> ResumeChecks:
    """What an ATS or a recruiter's search would look for beyond keywords.

    Args:
        resume: the resume's extraction, with its sections.
        job_title: the posting's job title, if found (None: no title advice).
        degrees: the posting's degree requirements.
        experience: the posting's years requirements, compared with the resume's dated roles.
        degree_levels: canonical name → degree level, from the lexicon (``Analyzer.degree_levels``).
        today: the date an open role ("Jan 2019 – Present") runs to; today by default.
    """
    text = resume.text
    present = {section.kind for section in resume.sections}
    linkedin = _first(_LINKEDIN, text)
    website = next(
        (m.group(0) for m in _WEBSITE.finditer(text) if "linkedin" not in m.group(0).lower()), None
    )
    phone = next(
        (m.group(0) for m in _PHONE.finditer(text) if sum(c.isdigit() for c in m.group(0)) >= 9), None
    )
    highest, field, highest_name = _highest_degree(resume, degree_levels or {})
    years = read_resume_years(resume, today=today or date.today())
    return ResumeChecks(
        email=_first(_EMAIL, text),
        phone=phone.strip() if phone else None,
        linkedin=linkedin,
        website=website,
        sections=resume.sections,
        headings_missing=tuple(h for h in STANDARD_HEADINGS if h not in present),
        job_title=job_title,
        job_title_line=_title_line(text, job_title) if job_title else None,
        skills_only=tuple(_skills_only(resume)),
        highest_degree=highest,
        degree_field=field,
        degree_requirement_met=_degree_met(highest, field, degrees),
        highest_degree_name=highest_name,
        experience_years=round(years.total_months / 12, 1) if years.total_months is not None else None,
        experience=compare_years(years, experience),
    )


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None


def _title_line(text: str, title: str) -> int | None:
    """The resume line holding the job title, or the title without seniority words ('Data Engineer')."""
    folded = text.casefold()
    candidates = [title, _SENIORITY.sub(" ", title)]
    for candidate in candidates:
        words = candidate.split()
        if not words:
            continue
        pattern = re.compile(r"\b" + r"\s+".join(re.escape(w.casefold()) for w in words) + r"\b")
        match = pattern.search(folded)
        if match:
            return folded.count("\n", 0, match.start()) + 1
    return None


def _skills_only(resume: Extraction) -> list[str]:
    """Keywords listed under Skills but shown in no Experience, Projects or Summary text."""
    names = []
    for keyword in resume.keywords:
        sections = {m.section for m in keyword.mentions}
        if "skills" in sections and not sections & _EXPERIENCE_SECTIONS:
            names.append(keyword.name)
    return names


def _highest_degree(
    resume: Extraction, levels: Mapping[str, str]
) -> tuple[str | None, str | None, str | None]:
    """The highest degree level on the resume, the field written after it, and its keyword."""
    best: tuple[int, str, str | None, str] | None = None
    for keyword in resume.keywords:
        level = levels.get(keyword.name)
        if level is None:
            continue
        for mention in keyword.mentions:
            line_end = resume.text.find("\n", mention.end)
            field = degree_field(resume.text[mention.end : line_end if line_end != -1 else None])
            candidate = (level_rank(level), level, field, keyword.name)
            if best is None or candidate[0] > best[0] or (candidate[0] == best[0] and best[2] is None):
                best = candidate
    return (best[1], best[2], best[3]) if best else (None, None, None)


def _degree_met(
    highest: str | None, field: str | None, degrees: tuple[DegreeRequirement, ...]
) -> bool | None:
    """Whether the resume's highest degree reaches the lowest required level in a fitting field."""
    if not degrees:
        return None
    required = [d for d in degrees if d.requirement != "preferred"] or list(degrees)
    lowest = min(required, key=lambda d: level_rank(d.level))
    if highest is None or level_rank(highest) < level_rank(lowest.level):
        return False
    wanted = lowest.fields or (lowest.field,)
    fits = [field_matches(f, field, lenient=lowest.or_related) for f in wanted]
    return any(fit is not False for fit in fits) if fits else True
