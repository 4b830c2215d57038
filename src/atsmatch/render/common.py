"""Wording shared by the renderers (text, Markdown, the posting view, HTML), so all say the same thing."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..models import DegreeRequirement, ExperienceCheck, MatchReport, Mention, PostingAnalysis
from ..models.report import one_line

# C0 and C1 control characters (ESC starts terminal escape sequences), DEL, and the Unicode line
# and paragraph separators: never printed raw.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def printable(text: str) -> str:
    """``text`` safe to print: a line break becomes a space, any other control character its
    visible escape (``\\x1b``), so a file name can't move the cursor or recolour the terminal."""
    return _CONTROL.sub(
        lambda m: " " if m.group() in "\n\r\t\u2028\u2029" else f"\\x{ord(m.group()):02x}", text
    )


# Why posting lines are not scored (models.IgnoredReason), in words: a short label for the HTML
# report's margin, and the sentence the text views print. tests/render/test_render.py checks that
# every reason has both.
IGNORED_REASON_WORDS: dict[str, tuple[str, str]] = {
    "before_body": ("before the posting starts", "page header before the posting"),
    "after_body": ("after the posting ends", "after the posting ends"),
    "navigation": ("site navigation", "navigation, breadcrumbs and buttons"),
    "counter": ("page counters", "views, applicants and dates"),
    "similar_jobs": ("similar jobs", "similar jobs"),
    "company_card": ("company card", "the employer's card"),
    "reviews": ("reviews", "reviews and ratings"),
    "salaries": ("salary tables", "salary tables"),
    "interview": ("interview statistics", "interview statistics and questions"),
    "news": ("news", "news items"),
    "job_criteria": ("job criteria box", "job criteria (seniority, employment type, industries)"),
    "footer": ("page footer", "the page footer"),
    "before_title": ("above the job title", "above the job title (site furniture)"),
    "company": ("company description", "the employer about itself"),
    "benefits": ("benefits", "benefits and perks"),
    "legal": ("legal text", "legal text"),
    "cruft": ("page furniture", "job-board furniture (similar jobs, reviews, news…)"),
    "furniture_line": ("page furniture", "a button, counter or navigation line"),
    "partner_function": ("partner teams", "a team the role works with, not a skill asked for"),
    "about_the_company": ("about the company", "the employer describing itself or its product"),
    "employer_name": ("the employer's name", "a word of the employer's name, not a skill asked for"),
    "not_keyword_like": (
        "a duty, not a keyword",
        "a phrase the tagger or list mining found that reads as a duty or a generic word",
    ),
}
IGNORED_REASON_TEXT = {reason: sentence for reason, (_, sentence) in IGNORED_REASON_WORDS.items()}
IGNORED_REASON_LABEL = {reason: label for reason, (label, _) in IGNORED_REASON_WORDS.items()}


CATEGORY_LABEL = {"hard_skill": "hard skill", "soft_skill": "soft skill", "certification": "certification"}
CATEGORY_PLURAL = {
    "hard_skill": "hard skills",
    "soft_skill": "soft skills",
    "certification": "certifications",
}


def where(mentions: Sequence[Mention], limit: int = 3) -> str:
    """'line 3, 7, 12 (+2)' for a list of mentions."""
    lines = list(dict.fromkeys(m.line for m in mentions))
    shown = ", ".join(str(n) for n in lines[:limit])
    more = f" (+{len(lines) - limit})" if len(lines) > limit else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def phrasings(mentions: Sequence[Mention], limit: int = 2) -> str:
    """The distinct ways a keyword is written: '"ML", "machine learning"'."""
    texts = list(dict.fromkeys(one_line(m.text) for m in mentions))
    shown = ", ".join(f'"{t}"' for t in texts[:limit])
    return shown + (f" (+{len(texts) - limit})" if len(texts) > limit else "")


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}%"


def posting_facts(report: MatchReport) -> list[tuple[str, str]]:
    """What was read from the posting, as (label, value) rows: title, years, degree, unknown items."""
    analysis = report.posting_analysis
    rows = [("job title", title_fact(analysis))]
    for need in analysis.experience:
        span = f"{need.years_min}-{need.years_max}" if need.years_max else f"{need.years_min}+"
        subject = need.subject or "experience"
        rows.append(("experience", f"{span} years of {subject} ({need.requirement}, line {need.line})"))
    for degree in analysis.degrees:
        rows.append(("degree", degree_fact(degree)))
    if analysis.unknown_requirements:
        items = ", ".join(f'"{u.text}"' for u in analysis.unknown_requirements)
        rows.append(("not in the lexicon", f"{items}: listed as requirements, check them by hand"))
    for group in analysis.alternatives:
        rows.append(("any one of", f"{', '.join(group.keywords)} ({group.requirement}, line {group.line})"))
    rows.extend(("warning", warning) for warning in analysis.warnings)
    if analysis.ignored_keywords:
        ignored = ", ".join(k.name for k in analysis.ignored_keywords)
        rows.append(("not scored", f"{ignored} (only in company text, benefits, legal text or page cruft)"))
    return rows


def title_fact(analysis: PostingAnalysis) -> str:
    """'Senior Data Engineer (line 3, role_line)', or why no title is shown."""
    evidence = analysis.title_evidence
    if analysis.title is None or evidence is None:
        return "unknown: no line reads as a job title (pass --title to give it)"
    where = f"line {evidence.line}, " if evidence.line else ""
    return f"{analysis.title} ({where}{evidence.rule})"


def degree_fact(degree: DegreeRequirement) -> str:
    """'bachelor: "BS/MS degree in Computer Science" (required, or master, or related field, line 22)'."""
    notes = [degree.requirement]
    notes += [f"or {name}" for name in degree.alternatives]
    if degree.or_related:
        notes.append("or a related field")
    if degree.or_equivalent:
        notes.append("or equivalent experience")
    return f"{degree.level}: {degree.as_written!r} ({', '.join(notes)}, line {degree.line})"


def resume_facts(report: MatchReport) -> list[tuple[str, str]]:
    """The resume's ATS checks as (label, value) rows: contact, headings, title, degree, placement."""
    checks = report.resume_checks
    rows = [(label, value or "missing") for label, value in
            (("e-mail", checks.email), ("phone", checks.phone), ("LinkedIn", checks.linkedin))]  # fmt: skip
    found = [s.kind for s in checks.sections if s.heading]
    rows.append(("sections", ", ".join(dict.fromkeys(found)) or "no standard headings found"))
    if checks.headings_missing:
        rows.append(("missing headings", ", ".join(checks.headings_missing)))
    if checks.job_title:
        where = f"line {checks.job_title_line}" if checks.job_title_line else "not on your resume"
        rows.append(("job title", f"{checks.job_title}: {where}"))
    if checks.degree_requirement_met is not None:
        met = "meets" if checks.degree_requirement_met else "does not meet"
        held = checks.highest_degree or "none found"
        if checks.degree_field:
            held += f" in {checks.degree_field}"
        rows.append(("degree", f"{held}: {met} the posting's requirement"))
    for need in checks.experience:
        rows.append(("years", experience_fact(need)))
    if checks.skills_only:
        rows.append(("only under Skills", ", ".join(checks.skills_only)))
    return rows


def experience_fact(need: ExperienceCheck) -> str:
    """'5+ years of Python: 3.5 shown (dated roles naming Python): not met'."""
    subject = need.subject or "experience"
    if need.years_found is None:
        return f"{need.years_required}+ years of {subject} ({need.requirement}): no dated roles to compare"
    verdict = "met" if need.met else "NOT met"
    return (
        f"{need.years_required}+ years of {subject} ({need.requirement}): "
        f"{need.years_found:g} shown ({need.evidence}): {verdict}"
    )
