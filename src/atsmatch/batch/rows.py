"""``MatchReport`` or an error → one ``PairResult`` row, and the order rows are shown in."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..models import BatchError, CategoryPercents, MatchReport, PairResult, RequirementChecks
from ..models.posting import PostingAnalysis
from ..models.resume import ResumeChecks

__all__ = ["TOP_MISSING", "error_row", "pair_row", "sort_rows"]

TOP_MISSING = 5

# Fields the resume checks may carry once years of experience are compared (read if present).
_YEARS_FIELDS = ("years_experience", "experience_years", "years_of_experience", "total_years")
_YEARS_MET_FIELDS = ("years_requirement_met", "experience_requirement_met", "years_met")


def pair_row(report: MatchReport, resume: str, posting: str, *, top_missing: int = TOP_MISSING) -> PairResult:
    """The row of a scored pair: score, coverage per category, counts, top missing, requirement checks."""
    percents = {c.category: c.percent for c in report.coverage}
    return PairResult(
        resume=resume,
        posting=posting,
        score=report.score,
        coverage=CategoryPercents(**percents),
        matched=len(report.matched),
        missing=len(report.missing),
        top_missing=tuple(k.name for k in report.missing[:top_missing]),
        checks=requirement_checks(report.posting_analysis, report.resume_checks),
        warnings=tuple(report.warnings),
    )


def requirement_checks(analysis: PostingAnalysis, checks: ResumeChecks) -> RequirementChecks:
    """Years and degree: what the posting asks, what the resume shows, whether it is met."""
    required = [e.years_min for e in analysis.experience if e.requirement == "required"]
    years = required or [e.years_min for e in analysis.experience]
    return RequirementChecks(
        years_required=max(years) if years else None,
        years_resume=_first_field(checks, _YEARS_FIELDS, (int, float)),
        years_met=_years_met(checks),
        degree_required=analysis.degrees[0].name if analysis.degrees else None,
        highest_degree=checks.highest_degree,
        degree_met=checks.degree_requirement_met,
    )


def _years_met(checks: ResumeChecks) -> bool | None:
    """From the per-requirement comparisons when the checks carry them (``experience``: items with
    ``met`` and ``requirement``): False if a required one is unmet, True if all are met."""
    compared = [c for c in getattr(checks, "experience", None) or () if hasattr(c, "met")]
    required = [c for c in compared if getattr(c, "requirement", "required") == "required"] or compared
    if required:
        verdicts = [c.met for c in required]
        return False if False in verdicts else True if all(v is True for v in verdicts) else None
    return _first_field(checks, _YEARS_MET_FIELDS, (bool,))


def _first_field(checks: ResumeChecks, names: Sequence[str], types: tuple[type, ...]) -> object:
    for name in names:
        value = getattr(checks, name, None)
        if isinstance(value, types) and (bool in types or not isinstance(value, bool)):
            return value
    return None


def error_row(resume: str, posting: str, kind: str, message: str, *, side: str = "resume") -> PairResult:
    """The row of a pair that failed: no score, the error's class name and message."""
    return PairResult(resume=resume, posting=posting, error=BatchError(kind=kind, message=message, side=side))


def sort_rows(rows: Iterable[tuple[int, PairResult]]) -> list[PairResult]:
    """Best score first, ties and errors in input order, errors last: the same for any worker count."""
    ordered = sorted(rows, key=lambda item: (item[1].score is None, -(item[1].score or 0.0), item[0]))
    return [row for _, row in ordered]
