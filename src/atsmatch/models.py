"""The data passed between atsmatch's stages: frozen pydantic models whose JSON is the public contract.

``Document`` (read) → ``Extraction`` of ``Keyword``/``Mention`` (match) → ``MatchReport`` (score).
Every ``start``/``end`` indexes the ``text`` of the document it came from.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .sections import Section, SectionKind

__all__ = [
    "Category",
    "CategoryCoverage",
    "Document",
    "DocumentFormat",
    "DegreeRequirement",
    "DocumentSummary",
    "ExperienceRequirement",
    "Extraction",
    "Keyword",
    "MatchReport",
    "MatchedKeyword",
    "Mention",
    "MissingKeyword",
    "NearMiss",
    "PostingAnalysis",
    "RankedResume",
    "Ranking",
    "RequirementLevel",
    "ResumeChecks",
    "ScoreFormula",
    "ScoringWeights",
    "Suggestion",
    "UnknownRequirement",
    "CATEGORIES",
    "SCHEMA_VERSION",
]

SCHEMA_VERSION = "1"

Category = Literal["hard_skill", "soft_skill", "certification"]
CATEGORIES: tuple[Category, ...] = ("hard_skill", "soft_skill", "certification")
DocumentFormat = Literal["pdf", "docx", "html", "markdown", "text"]
MatchRule = Literal["name", "alias", "acronym", "variant"]
RequirementLevel = Literal["required", "preferred", "unspecified"]


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
    section: SectionKind | None = Field(
        default=None, description="The kind of section the mention stands in (skills, required...)"
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
    sections: tuple[Section, ...] = ()
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


class MissingKeyword(_Frozen):
    """A posting keyword the resume lacks; ``rank`` 1 is the most important."""

    name: str
    category: Category
    weight: float
    rank: int = Field(ge=1)
    requirement: RequirementLevel = "unspecified"
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


SuggestionKind = Literal[
    "fix_near_miss",
    "add_missing",
    "use_posting_phrasing",
    "show_in_experience",
    "add_job_title",
    "add_contact",
    "add_heading",
]


class ExperienceRequirement(_Frozen):
    """'5+ years of Python': years asked for, and the skill or field they qualify."""

    years_min: int = Field(ge=0)
    years_max: int | None = None
    subject: str = Field(description="The keyword's canonical name, or the field as written")
    keyword: str | None = Field(default=None, description="Canonical name when a keyword is the subject")
    requirement: RequirementLevel
    line: int
    text: str


class DegreeRequirement(_Frozen):
    """A degree the posting names: its level, field, and whether experience may replace it."""

    name: str
    level: str
    field: str | None
    or_related: bool = Field(description="'or related field', 'a quantitative field': any field may do")
    or_equivalent: bool
    requirement: RequirementLevel
    line: int


class UnknownRequirement(_Frozen):
    """An item of a posting's skills list that the lexicon doesn't know: reported, not dropped."""

    text: str
    line: int
    requirement: RequirementLevel


class PostingAnalysis(_Frozen):
    """What atsmatch read from the posting's structure."""

    title: str | None
    title_line: int | None
    sections: tuple[Section, ...]
    ignored_keywords: tuple[str, ...] = Field(
        description="Keywords named only in page cruft, benefits, legal or company text: not scored"
    )
    experience: tuple[ExperienceRequirement, ...]
    degrees: tuple[DegreeRequirement, ...]
    unknown_requirements: tuple[UnknownRequirement, ...]


class ResumeChecks(_Frozen):
    """ATS checks of the resume: contact details, standard headings, job title, placement, degree."""

    email: str | None
    phone: str | None
    linkedin: str | None
    website: str | None
    sections: tuple[Section, ...]
    headings_missing: tuple[str, ...]
    job_title: str | None = Field(description="The posting's job title")
    job_title_line: int | None = Field(description="Resume line with the title or a close variant")
    skills_only: tuple[str, ...] = Field(
        description="Matched keywords named in the Skills list but in no Experience or Projects text"
    )
    highest_degree: str | None
    degree_field: str | None = Field(default=None, description="Field of the highest degree, as written")
    degree_requirement_met: bool | None = Field(
        description="Level reached and field fitting; None when the posting names no degree"
    )


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
    posting_analysis: PostingAnalysis
    resume_checks: ResumeChecks
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
