"""Batches: one row per resume × posting (a score or the error that stopped it), and the ranking."""

from __future__ import annotations

from pydantic import Field

from .base import SCHEMA_VERSION, Frozen
from .report import DocumentSummary

__all__ = ["BatchError", "CategoryPercents", "PairResult", "RankedResume", "Ranking", "RequirementChecks"]


class BatchError(Frozen):
    """Why a pair could not be scored: the exception's class name and its message."""

    kind: str = Field(
        description="The error class: an atsmatch InputError subclass, TimeLimitExceeded, WorkerCrashed..."
    )
    message: str
    side: str = Field(default="resume", description="Which document failed: resume or posting")


class CategoryPercents(Frozen):
    """Coverage per category in percent; None where the posting has no keyword of that category."""

    hard_skill: float | None = None
    soft_skill: float | None = None
    certification: float | None = None


class RequirementChecks(Frozen):
    """The posting's years and degree requirements next to what the resume shows.

    ``years_*`` beyond ``years_required`` are filled when the resume checks carry them; None means
    "not known", never "not met".
    """

    years_required: int | None = Field(
        default=None, description="Most years any required (else any) experience line asks for"
    )
    years_resume: float | None = Field(default=None, description="Years of experience the resume shows")
    years_met: bool | None = None
    degree_required: str | None = Field(default=None, description="The degree the posting names first")
    highest_degree: str | None = None
    degree_met: bool | None = None


class PairResult(Frozen):
    """One resume scored against one posting, or the error that stopped it (``score`` None)."""

    resume: str
    posting: str
    score: float | None = Field(default=None, ge=0, le=100)
    coverage: CategoryPercents = CategoryPercents()
    matched: int = 0
    missing: int = 0
    top_missing: tuple[str, ...] = Field(default=(), description="Most important missing keywords first")
    checks: RequirementChecks = RequirementChecks()
    warnings: tuple[str, ...] = Field(
        default=(), description="The report's warnings (a posting with no keyword)"
    )
    error: BatchError | None = None


class RankedResume(Frozen):
    """One resume's place in a batch ranking; ``error`` is set, and ``score`` None, if it failed."""

    source: str
    score: float | None
    matched_count: int = Field(default=0, ge=0)
    missing_count: int = Field(default=0, ge=0)
    top_missing: tuple[str, ...] = ()
    error: str | None = None


class Ranking(Frozen):
    """Resumes ranked against one posting, best first; failed files last, never dropped."""

    schema_version: str = SCHEMA_VERSION
    posting: DocumentSummary
    results: tuple[RankedResume, ...]
    warnings: tuple[str, ...] = ()
