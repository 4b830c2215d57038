"""A resume scored against a posting: the formula, coverage, matched and missing keywords, advice."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import SCHEMA_VERSION, Category, DocumentFormat, Frozen, RequirementLevel
from .document import Document
from .extraction import Extraction, Mention
from .posting import PostingAnalysis
from .resume import ResumeChecks

__all__ = [
    "CategoryCoverage",
    "DocumentSummary",
    "MatchReport",
    "MatchedKeyword",
    "MissingKeyword",
    "NearMiss",
    "ScoreFormula",
    "ScoringWeights",
    "Suggestion",
    "SuggestionKind",
]


class ScoringWeights(Frozen):
    """How much each posting keyword weighs; every factor is shown in the report's formula."""

    hard_skill: float = Field(default=1.0, ge=0)
    soft_skill: float = Field(default=0.5, ge=0)
    certification: float = Field(default=1.0, ge=0)
    required: float = Field(default=1.0, ge=0, description="Factor for required keywords")
    unspecified: float = Field(
        default=0.75, ge=0, description="Factor for keywords named outside requirement sections"
    )
    preferred: float = Field(default=0.5, ge=0, description="Factor for preferred / nice-to-have keywords")
    title_boost: float = Field(default=1.5, ge=1, description="Factor for keywords in the job title")
    repeat_step: float = Field(
        default=0.5, ge=0, description="Extra weight per doubling of the posting's mentions"
    )

    def for_category(self, category: Category) -> float:
        return float(getattr(self, category))

    def for_requirement(self, requirement: RequirementLevel) -> float:
        return float(getattr(self, requirement))


class ScoreFormula(Frozen):
    """The score's arithmetic, as data: enough to recompute it by hand."""

    score: str
    weight: str
    weights: ScoringWeights
    title_line: int | None = Field(description="The posting line taken as its job title")
    matched_weight: float
    total_weight: float


class CategoryCoverage(Frozen):
    category: Category
    matched: int
    total: int
    matched_weight: float
    total_weight: float
    percent: float | None = Field(
        default=None, ge=0, le=100, description="None when the posting has no keyword of this category"
    )


class MatchedKeyword(Frozen):
    """A posting keyword the resume covers, with where it stands in both documents."""

    name: str
    category: Category
    weight: float
    requirement: RequirementLevel = "unspecified"
    in_title: bool = False
    posting_mentions: tuple[Mention, ...]
    resume_mentions: tuple[Mention, ...]
    same_phrasing: bool = Field(
        description="True when the resume uses a phrasing the posting uses (ATS literal match)"
    )
    satisfied_by: str | None = Field(
        default=None, description="A different resume keyword that meets it (a higher degree)"
    )


class MissingKeyword(Frozen):
    """A posting keyword the resume lacks; ``rank`` 1 is the most important."""

    name: str
    category: Category
    weight: float
    rank: int = Field(ge=1)
    requirement: RequirementLevel = "unspecified"
    in_title: bool = False
    posting_mentions: tuple[Mention, ...]


class NearMiss(Frozen):
    """Resume text that nearly spells a missing keyword: an ATS will not count it."""

    name: str
    category: Category
    weight: float
    posting_phrasing: str
    resume_mention: Mention
    similarity: float = Field(ge=0, le=100)


SuggestionKind = Literal[
    "fix_near_miss",
    "add_missing",
    "use_posting_phrasing",
    "show_in_experience",
    "add_job_title",
    "add_contact",
    "add_heading",
]


class Suggestion(Frozen):
    kind: SuggestionKind
    keyword: str
    message: str


class DocumentSummary(Frozen):
    source: str | None
    format: DocumentFormat
    characters: int
    keywords: int


class MatchReport(Frozen):
    """How a resume scores against a posting, and why."""

    schema_version: str = SCHEMA_VERSION
    score: float = Field(ge=0, le=100)
    formula: ScoreFormula
    coverage: tuple[CategoryCoverage, ...]
    matched: tuple[MatchedKeyword, ...]
    missing: tuple[MissingKeyword, ...]
    near_misses: tuple[NearMiss, ...]
    suggestions: tuple[Suggestion, ...]
    resume: DocumentSummary
    posting: DocumentSummary
    posting_analysis: PostingAnalysis
    resume_checks: ResumeChecks
    warnings: tuple[str, ...] = ()

    def to_html(
        self,
        *,
        resume: Extraction | Document | str | None = None,
        posting: Extraction | Document | str | None = None,
    ) -> str:
        """This report as one self-contained HTML page (no requests, readable without JavaScript).

        ``resume`` and ``posting``, the documents scored (``Extraction``, ``Document`` or text), are
        shown side by side with every keyword highlighted; without them the page has the rest.
        """
        from ..render.html import render_report_html  # the renderer loads only when asked for

        return render_report_html(self, resume=resume, posting=posting)
