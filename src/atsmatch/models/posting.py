"""What was read from a posting: its title and why, requirements with their level and alternatives,
years, degrees, the lines left out of the score and why, and warnings about the input."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import SCHEMA_VERSION, Category, DocumentFormat, Frozen, RequirementLevel
from .document import IgnoredReason, Section

__all__ = [
    "AlternativeGroup",
    "DegreeRequirement",
    "ExperienceRequirement",
    "IgnoredKeyword",
    "IgnoredLines",
    "PostingAnalysis",
    "PostingReport",
    "PostingRequirement",
    "TitleEvidence",
    "TitleRule",
    "UnknownRequirement",
]

TitleRule = Literal[
    "given", "schema_org", "h1", "labelled", "company_colon", "breadcrumb", "wanted", "role_line", "as_a"
]  # fmt: skip


class TitleEvidence(Frozen):
    """Why a title was taken: which rule read it, from which line or field, as written there."""

    rule: TitleRule = Field(
        description="given (--title / title=), schema_org (JobPosting.title), h1, labelled ('Job title: …'), "
        "company_colon ('Company : Title'), breadcrumb, wanted ('… wanted'), role_line, as_a ('As a …, you')"
    )
    line: int | None = Field(description="The posting line holding the title; None when only in metadata")
    text: str = Field(description="The line or field the title was read from, as written (≤ 200 characters)")


class ExperienceRequirement(Frozen):
    """'5+ years of Python': years asked for, and the skill or field they qualify."""

    years_min: int = Field(ge=0)
    years_max: int | None = None
    subject: str | None = Field(
        description="The keyword's canonical name, or the field as written; None for experience in general"
    )
    keyword: str | None = Field(default=None, description="Canonical name when a keyword is the subject")
    requirement: RequirementLevel
    line: int
    text: str = Field(description="The clause that asks for the years (≤ 160 characters)")


class DegreeRequirement(Frozen):
    """A degree the posting names: its level, fields, and whether experience may replace it."""

    name: str = Field(description="The degree keyword's canonical name, or 'Degree' for 'a degree in …'")
    as_written: str = Field(description="The degree as the posting writes it: 'Ph.D. in Computer Science'")
    level: str
    field: str | None = Field(description="The first field named, as written")
    fields: tuple[str, ...] = Field(default=(), description="Every field named, as written")
    or_related: bool = Field(description="'or related field', 'a quantitative field': any field may do")
    or_equivalent: bool
    alternatives: tuple[str, ...] = Field(
        default=(), description="Higher degrees the posting accepts instead ('BS/MS': the master's)"
    )
    requirement: RequirementLevel
    line: int


class UnknownRequirement(Frozen):
    """An item of a posting's skills list that the lexicon doesn't know: reported, not dropped."""

    text: str
    line: int
    requirement: RequirementLevel


class PostingRequirement(Frozen):
    """A keyword as the posting asks for it."""

    name: str
    category: Category
    requirement: RequirementLevel
    alternatives: str | None = Field(
        default=None, description="Id of the AlternativeGroup it belongs to: any one member satisfies it"
    )
    in_title: bool
    lines: tuple[int, ...] = Field(description="Body lines that name it")


class AlternativeGroup(Frozen):
    """'one of: Python, Perl, PHP', 'PyTorch or TensorFlow': one requirement any member satisfies."""

    id: str
    keywords: tuple[str, ...]
    requirement: RequirementLevel
    line: int
    text: str = Field(description="The clause that offers the choice (≤ 160 characters)")


class IgnoredLines(Frozen):
    """A run of posting lines whose keywords are not scored, and why."""

    start_line: int
    end_line: int
    reason: IgnoredReason


class IgnoredKeyword(Frozen):
    """A keyword the posting names only where it asks nothing of the candidate."""

    name: str
    lines: tuple[int, ...]
    reason: IgnoredReason = Field(description="The reason of its first mention")


class PostingAnalysis(Frozen):
    """What atsmatch read from the posting."""

    title: str | None = Field(description="The job title; None when the evidence is too weak to say")
    title_line: int | None
    title_evidence: TitleEvidence | None = None
    sections: tuple[Section, ...]
    requirements: tuple[PostingRequirement, ...] = ()
    alternatives: tuple[AlternativeGroup, ...] = ()
    ignored_keywords: tuple[IgnoredKeyword, ...] = Field(
        description="Keywords named only in page cruft, benefits, legal or company text, or as partner "
        "teams: not scored"
    )
    ignored_lines: tuple[IgnoredLines, ...] = ()
    experience: tuple[ExperienceRequirement, ...]
    degrees: tuple[DegreeRequirement, ...]
    unknown_requirements: tuple[UnknownRequirement, ...]
    warnings: tuple[str, ...] = Field(default=(), description="Signs that the input is not one posting")


class PostingReport(Frozen):
    """`atsmatch posting FILE`: how one posting was read, on its own."""

    schema_version: str = SCHEMA_VERSION
    source: str | None
    format: DocumentFormat
    lines: int = Field(description="How many lines the posting's text has")
    analysis: PostingAnalysis
