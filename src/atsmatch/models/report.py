"""A resume scored against a posting: the formula, coverage, matched and missing keywords, advice."""

from __future__ import annotations

from pydantic import Field, PrivateAttr, computed_field, model_validator

from .base import SCHEMA_VERSION, Category, Derived, DocumentFormat, Frozen, RequirementLevel
from .document import Document
from .extraction import Extraction, KeywordSource, Mention
from .posting import PostingAnalysis
from .resume import ResumeChecks
from .suggestion import Suggestion, SuggestionKind, WhereToAdd

__all__ = [
    "CategoryCoverage",
    "DocumentSummary",
    "MatchReport",
    "MatchedKeyword",
    "MissingKeyword",
    "NearMiss",
    "ScoredKeyword",
    "ScoreFormula",
    "ScoringWeights",
    "Suggestion",
    "SuggestionKind",
    "WhereToAdd",
    "one_line",
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

    score_expression: str = Field(description="The score's formula with the numbers filled in")
    weight_expression: str = Field(description="The weight formula with the factors filled in")
    weights: ScoringWeights
    title_line: int | None = Field(description="The posting line taken as its job title")
    matched_weight: float
    total_weight: float


class CategoryCoverage(Derived):
    """How much of one category's posting weight the resume covers."""

    category: Category
    matched_count: int = Field(ge=0, description="How many of the category's posting keywords are matched")
    total_count: int = Field(ge=0, description="How many posting keywords the category has")
    matched_weight: float = Field(ge=0)
    total_weight: float = Field(ge=0)

    @computed_field(description="100 × matched_weight / total_weight; None when the posting has none")
    @property
    def percent(self) -> float | None:
        return round(100 * self.matched_weight / self.total_weight, 1) if self.total_weight else None


class ScoredKeyword(Derived):
    """What matched, missing and near-missed keywords share: a posting keyword, its weight and why
    (its category, requirement level, place in the title, and every mention in the posting)."""

    name: str
    category: Category
    source: KeywordSource = Field(default="lexicon", description="What found it in the posting")
    weight: float = Field(ge=0)
    requirement: RequirementLevel = "unspecified"
    in_title: bool = False
    posting_mentions: tuple[Mention, ...] = Field(min_length=1)


class MatchedKeyword(ScoredKeyword):
    """A posting keyword the resume covers, with where it stands in both documents."""

    resume_mentions: tuple[Mention, ...]
    same_phrasing: bool = Field(
        description="True when the resume uses a phrasing the posting uses (ATS literal match)"
    )
    satisfied_by: str | None = Field(
        default=None,
        description=(
            "A different resume keyword that meets it: a higher degree, a narrower skill (CLion for "
            "JetBrains IDEs), or a longer match that holds the posting's words"
        ),
    )


class MissingKeyword(ScoredKeyword):
    """A posting keyword the resume lacks; in a report, ``rank`` 1 is the most important."""

    alternatives: tuple[str, ...] = Field(
        default=(), description="Other keywords the posting accepts instead ('one of: …'); any one will do"
    )
    _rank: int | None = PrivateAttr(default=None)

    @computed_field(description="1 = most important: the keyword's place in the report's missing list")
    @property
    def rank(self) -> int | None:
        return self._rank


class NearMiss(ScoredKeyword):
    """Resume text that nearly spells a missing keyword: an ATS will not count it."""

    resume_mention: Mention
    similarity: float = Field(ge=0, le=100)

    @computed_field(description="The posting's most frequent way of writing the keyword")
    @property
    def posting_phrasing(self) -> str:
        texts = [one_line(m.text) for m in self.posting_mentions]
        return max(texts, key=texts.count)


def one_line(text: str) -> str:
    """A mention's text with any line break or run of spaces as one space, for printing."""
    return " ".join(text.split())


class DocumentSummary(Frozen):
    """A document's name, format and size, as a report carries it."""

    source: str | None
    format: DocumentFormat
    characters: int = Field(ge=0)
    keyword_count: int = Field(ge=0, description="How many keywords were found in it")


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

    @model_validator(mode="after")
    def _rank_missing(self) -> MatchReport:
        # A rank is a place in this list, so it is set here rather than stored in each keyword.
        for rank, keyword in enumerate(self.missing, start=1):
            keyword._rank = rank
        return self

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
