"""The facts around the keywords: the resume's ATS checks, and how the posting was read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ...models import MatchReport
from ..common import posting_facts
from .marks import IgnoredRange
from .parts import e, section, table

__all__ = ["checks_section", "posting_section"]

# (icon, words) for a check: passed, failed, worth a look.
CHECK = {True: ("✓", "ok"), False: ("✗", "problem"), None: ("!", "check")}


def _check_rows(report: MatchReport) -> list[tuple[bool | None, str, str]]:
    checks = report.resume_checks
    rows: list[tuple[bool | None, str, str]] = [
        (value is not None, label, value or "missing")
        for label, value in (("e-mail", checks.email), ("phone", checks.phone), ("LinkedIn", checks.linkedin))
    ]
    if checks.website:
        rows.append((True, "website", checks.website))
    found = list(dict.fromkeys(s.kind for s in checks.sections if s.heading))
    rows.append((bool(found), "standard headings", ", ".join(found) or "none found"))
    if checks.headings_missing:
        rows.append((False, "missing headings", ", ".join(checks.headings_missing)))
    if checks.job_title:
        line = checks.job_title_line
        where = f"on your resume, line {line}" if line else "not on your resume: add it to your headline"
        rows.append((line is not None, "job title", f"{checks.job_title}: {where}"))
    if checks.degree_requirement_met is not None:
        held = checks.highest_degree or "none found"
        if checks.degree_field:
            held += f" in {checks.degree_field}"
        met = "meets" if checks.degree_requirement_met else "does not meet"
        rows.append((checks.degree_requirement_met, "degree", f"{held}: {met} the posting's requirement"))
    for need in report.posting_analysis.experience:
        span = f"{need.years_min}-{need.years_max}" if need.years_max else f"{need.years_min}+"
        rows.append(
            (None, "years asked", f"{span} years of {need.subject} ({need.requirement}): check yours")
        )
    if checks.skills_only:
        rows.append((None, "only under Skills", ", ".join(checks.skills_only)))
    return rows


def checks_section(report: MatchReport, prefix: str) -> str:
    """Contact details, headings, title, degree, years: each with ✓, ✗ or ! in words as well."""
    items = []
    for ok, label, value in _check_rows(report):
        icon, words = CHECK[ok]
        state = {True: "ok", False: "bad", None: "warn"}[ok]
        items.append(
            f'<li class="check {state}"><span class="ic" aria-hidden="true">{icon}</span>'
            f'<span class="sr">{words}: </span><strong>{e(label)}</strong> {e(value)}</li>'
        )
    return section(
        f"{prefix}h-checks", "ATS checks of your resume", f'<ul class="checks">{"".join(items)}</ul>'
    )


def posting_section(report: MatchReport, ignored: Sequence[IgnoredRange], prefix: str) -> str:
    """Title, required/preferred counts, the sections found, and the lines not scored with why."""
    facts = "".join(f"<dt>{e(label)}</dt><dd>{e(value)}</dd>" for label, value in posting_facts(report))
    levels = Counter(k.requirement for k in (*report.matched, *report.missing))
    counted = ", ".join(f"{levels[level]} {level}" for level in ("required", "preferred", "unspecified"))
    facts += f"<dt>keywords scored</dt><dd>{e(counted)}</dd>"
    sections = [
        [
            e(s.heading or "(before the first heading)"),
            e(s.kind),
            f'<a href="#{prefix}p-L{s.start_line}">{s.start_line}</a>–{s.end_line}',
        ]
        for s in report.posting_analysis.sections
    ]
    ranges = "".join(
        f'<li><a href="#{prefix}p-L{r.start_line}">lines {r.start_line}–{r.end_line}</a>: {e(r.reason)}</li>'
        for r in ignored
    )
    ignored_html = f'<h3>Not scored</h3><ul class="ignored">{ranges}</ul>' if ranges else ""
    return (
        f'<section id="{prefix}posting-read" aria-labelledby="{prefix}h-read">'
        f'<h2 id="{prefix}h-read">How the posting was read</h2><dl class="facts">{facts}</dl>'
        f"{ignored_html}<h3>Sections</h3>{table(['heading', 'kind', 'lines'], sections)}</section>"
    )
