"""What was read from a posting's structure: requirements, degrees, years, the title."""

from __future__ import annotations

from pydantic import Field

from .base import Frozen, RequirementLevel
from .document import Section

__all__ = ["DegreeRequirement", "ExperienceRequirement", "PostingAnalysis", "UnknownRequirement"]


class ExperienceRequirement(Frozen):
    """'5+ years of Python': years asked for, and the skill or field they qualify."""

    years_min: int = Field(ge=0)
    years_max: int | None = None
    subject: str = Field(description="The keyword's canonical name, or the field as written")
    keyword: str | None = Field(default=None, description="Canonical name when a keyword is the subject")
    requirement: RequirementLevel
    line: int
    text: str


class DegreeRequirement(Frozen):
    """A degree the posting names: its level, field, and whether experience may replace it."""

    name: str
    level: str
    field: str | None
    or_related: bool = Field(description="'or related field', 'a quantitative field': any field may do")
    or_equivalent: bool
    requirement: RequirementLevel
    line: int


class UnknownRequirement(Frozen):
    """An item of a posting's skills list that the lexicon doesn't know: reported, not dropped."""

    text: str
    line: int
    requirement: RequirementLevel


class PostingAnalysis(Frozen):
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
