"""The data passed between atsmatch's stages: frozen pydantic models whose JSON is the public contract.

``Document`` (read) → ``Extraction`` of ``Keyword``/``Mention`` (match) → ``MatchReport`` (score).
Every ``start``/``end`` indexes the ``text`` of the document it came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "Category",
    "CategoryCoverage",
    "Document",
    "DocumentFormat",
    "DocumentSummary",
    "Extraction",
    "Keyword",
    "MatchReport",
    "MatchedKeyword",
    "Mention",
    "MissingKeyword",
    "NearMiss",
    "RankedResume",
    "Ranking",
    "ScoreFormula",
    "ScoringWeights",
    "Suggestion",
    "CATEGORIES",
    "SCHEMA_VERSION",
]

SCHEMA_VERSION = "1"

Category = Literal["hard_skill", "soft_skill", "certification"]
CATEGORIES: tuple[Category, ...] = ("hard_skill", "soft_skill", "certification")
DocumentFormat = Literal["pdf", "docx", "html", "markdown", "text"]
MatchRule = Literal["name", "alias", "acronym", "variant"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(_Frozen):
    """A document's text, normalised once at read time; every offset elsewhere indexes ``text``."""

    text: str
    format: DocumentFormat
    source: str | None = Field(default=None, description="File name, '<stdin>', or None for text")
    pages: int | None = Field(default=None, description="Page count, for PDFs")


class Mention(_Frozen):
    """One place a keyword stands in a document: ``text == document.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line number in the document text")
    rule: MatchRule = Field(description="Which lexicon form matched: name, alias, acronym or variant")
    form: str = Field(description="The lexicon form that matched (as written in the lexicon)")
    confirmed_by: str | None = Field(
        default=None,
        description="For ambiguous words (Go, R, Excel): the context that confirmed the match",
    )


class Keyword(_Frozen):
    """A canonical skill found in a document, with every mention of it."""

    name: str
    category: Category
    group: str | None = None
    count: int = Field(default=0, description="How many mentions (always len(mentions))")
    mentions: tuple[Mention, ...]

    @model_validator(mode="after")
    def _count_mentions(self) -> Keyword:
        # Derived, but carried in the JSON for readers; a stale count in input is corrected.
        object.__setattr__(self, "count", len(self.mentions))
        return self


class Extraction(_Frozen):
    """The keywords found in one document."""

    source: str | None
    format: DocumentFormat
    text: str
    keywords: tuple[Keyword, ...]
    lexicon_hash: str = Field(description="Content hash of the lexicon used, for reproducibility")

    def keyword(self, name: str) -> Keyword | None:
        """The keyword with this canonical name (case-insensitive), or None."""
        folded = name.casefold()
        return next((k for k in self.keywords if k.name.casefold() == folded), None)


class ScoringWeights(_Frozen):
    """How much each posting keyword weighs; every factor is shown in the report's formula."""

    hard_skill: float = Field(default=1.0, ge=0)
    soft_skill: float = Field(default=0.5, ge=0)
    certification: float = Field(default=1.0, ge=0)
    title_boost: float = Field(default=1.5, ge=1, description="Factor for keywords in the job title")
    repeat_step: float = Field(
        default=0.5, ge=0, description="Extra weight per doubling of the posting's mentions"
    )

    def for_category(self, category: Category) -> float:
        return float(getattr(self, category))


class ScoreFormula(_Frozen):
    """The score's arithmetic, as data: enough to recompute it by hand."""

    score: str
    weight: str
    weights: ScoringWeights
    title_line: int | None = Field(description="The posting line taken as its job title")
    matched_weight: float
    total_weight: float


class CategoryCoverage(_Frozen):
    category: Category
    matched: int
    total: int
    matched_weight: float
    total_weight: float
    percent: float | None = Field(
        default=None, ge=0, le=100, description="None when the posting has no keyword of this category"
    )


class MatchedKeyword(_Frozen):
    """A posting keyword the resume covers, with where it stands in both documents."""

    name: str
    category: Category
    weight: float
    in_title: bool = False
    posting_mentions: tuple[Mention, ...]
    resume_mentions: tuple[Mention, ...]
    same_phrasing: bool = Field(
        description="True when the resume uses a phrasing the posting uses (ATS literal match)"
    )


class MissingKeyword(_Frozen):
    """A posting keyword the resume lacks; ``rank`` 1 is the most important."""

    name: str
    category: Category
    weight: float
    rank: int = Field(ge=1)
    in_title: bool = False
    posting_mentions: tuple[Mention, ...]


class NearMiss(_Frozen):
    """Resume text that nearly spells a missing keyword: an ATS will not count it."""

    name: str
    category: Category
    weight: float
    posting_phrasing: str
    resume_mention: Mention
    similarity: float = Field(ge=0, le=100)


SuggestionKind = Literal["add_missing", "fix_near_miss", "use_posting_phrasing"]


class Suggestion(_Frozen):
    kind: SuggestionKind
    keyword: str
    message: str


class DocumentSummary(_Frozen):
    source: str | None
    format: DocumentFormat
    characters: int
    keywords: int


class MatchReport(_Frozen):
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
    warnings: tuple[str, ...] = ()


class RankedResume(_Frozen):
    """One resume's place in a batch ranking; ``error`` is set, and ``score`` None, if it failed."""

    source: str
    score: float | None
    matched: int = 0
    missing: int = 0
    top_missing: tuple[str, ...] = ()
    error: str | None = None


class Ranking(_Frozen):
    """Resumes ranked against one posting, best first; failed files last, never dropped."""

    schema_version: str = SCHEMA_VERSION
    posting: DocumentSummary
    results: tuple[RankedResume, ...]
