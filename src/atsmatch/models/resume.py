"""ATS checks of a resume beyond keywords."""

from __future__ import annotations

from pydantic import Field

from .base import Frozen, RequirementLevel
from .document import Section

__all__ = ["ExperienceCheck", "ResumeChecks"]


class ExperienceCheck(Frozen):
    """A posting's years-of-experience requirement against the years the resume shows."""

    subject: str | None = Field(description="As in ExperienceRequirement; None for experience in general")
    years_required: int
    years_found: float | None = Field(description="Years the resume shows; None when it shows no dates")
    met: bool | None = Field(description="None when the resume gives nothing to compare")
    requirement: RequirementLevel
    evidence: str | None = Field(
        default=None, description="How the years were read: a claim ('6+ years of Python') or dated roles"
    )


class ResumeChecks(Frozen):
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
    highest_degree_name: str | None = Field(
        default=None, description="The keyword of the highest degree (a lexicon entry with a degree level)"
    )
    experience_years: float | None = Field(
        default=None, description="Years covered by the resume's dated roles, overlaps counted once"
    )
    experience: tuple[ExperienceCheck, ...] = Field(
        default=(), description="Each of the posting's years requirements, compared (knock-out questions)"
    )
