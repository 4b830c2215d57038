"""ATS checks of a resume beyond keywords."""

from __future__ import annotations

from pydantic import Field

from .base import Frozen
from .document import Section

__all__ = ["ResumeChecks"]


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
