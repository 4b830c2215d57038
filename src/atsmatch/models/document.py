"""A document as read, and its structure: the first stages' output.

``Document`` is what a reader produced (text normalised once, plus what an HTML page declared about
itself); ``DocumentStructure`` is what the structure stage read from that text, computed once per
document and carried on the ``Extraction``.
"""

from __future__ import annotations

import bisect
from functools import cached_property
from typing import Literal

from pydantic import Field

from .base import DocumentFormat, Frozen

__all__ = [
    "Document",
    "DocumentStructure",
    "IgnoredRange",
    "IgnoredReason",
    "JobPostingData",
    "Section",
    "SectionKind",
]

SectionKind = Literal[
    "preamble", "title", "company", "overview", "responsibilities", "required", "preferred",
    "benefits", "legal", "cruft", "contact", "summary", "experience", "education", "skills",
    "certifications", "projects", "publications", "awards", "languages", "volunteer", "interests",
]  # fmt: skip

# Why lines of a posting are not scored: the page structure's reasons (structure/furniture.py,
# DocumentStructure.ignored) and the posting reader's (understanding/, PostingAnalysis.ignored_*).
IgnoredReason = Literal[
    "before_body",  # page header lines before the posting starts
    "after_body",  # lines after the posting ends that match no furniture kind below
    "navigation",  # menus, breadcrumbs, buttons, "Skip to content", category breadcrumbs
    "counter",  # views, applicants, "Posted 5 days ago", page numbers
    "similar_jobs",  # "Similar jobs" rails: Job title / Company · City pairs, job categories
    "company_card",  # employee counts, headquarters, founded, the employer's card
    "reviews",  # ratings, review counts, rating categories, pros and cons
    "salaries",  # salary tables with levels
    "interview",  # interview statistics, process, "Common Questions: ..."
    "news",  # news items: headline - outlet, "Source: MSN", "5w ago"
    "job_criteria",  # LinkedIn-style Seniority level / Employment type / Job function / Industries
    "footer",  # copyright, app-store badges, language pickers, privacy/terms
    # the posting reader's: the lines above a title that heads the page, sections that ask
    # nothing, partner teams and the employer describing itself
    "before_title", "company", "benefits", "legal", "cruft", "furniture_line", "partner_function",
    "about_the_company",
    "employer_name",  # a word of the employer's name: "Fjordline Logistics" asks for no logistics
    "not_keyword_like",  # a phrase only the tagger or list mining found that reads as a duty
]  # fmt: skip


class JobPostingData(Frozen):
    """What a page's schema.org ``JobPosting`` (JSON-LD) says about the posting, as plain text.

    ``description`` is the description converted from HTML to lines of text. When
    ``description_is_text`` is true the document's ``text`` *is* that description (with the title
    as its first line), because it held the posting; otherwise the page's own text was kept.
    """

    title: str | None = Field(default=None, description="JobPosting.title")
    company: str | None = Field(default=None, description="JobPosting.hiringOrganization.name")
    description: str | None = Field(default=None, description="JobPosting.description as text")
    skills: tuple[str, ...] = Field(default=(), description="JobPosting.skills")
    qualifications: tuple[str, ...] = Field(default=(), description="JobPosting.qualifications")
    education_requirements: tuple[str, ...] = Field(
        default=(), description="JobPosting.educationRequirements (credentialCategory or text)"
    )
    experience_requirements: tuple[str, ...] = Field(
        default=(),
        description="JobPosting.experienceRequirements (text, or 'N months' from monthsOfExperience)",
    )
    employment_type: tuple[str, ...] = Field(default=(), description="JobPosting.employmentType")
    description_is_text: bool = Field(
        default=False, description="Whether Document.text is this description (True) or the page text"
    )


class Document(Frozen):
    """A document's text, normalised once at read time; every offset elsewhere indexes ``text``."""

    text: str
    format: DocumentFormat
    source: str | None = Field(default=None, description="File name, '<stdin>', or None for text")
    pages: int | None = Field(default=None, description="Page count, for PDFs")
    headline: str | None = Field(
        default=None, description="An HTML page's first <h1> text (the title finder's evidence)"
    )
    posting_data: JobPostingData | None = Field(
        default=None, description="The page's schema.org JobPosting, when it embeds one (HTML only)"
    )


class Section(Frozen):
    """A run of lines under one heading; ``heading`` is None for the preamble."""

    kind: SectionKind
    heading: str | None
    start_line: int
    end_line: int


class IgnoredRange(Frozen):
    """Lines ``start_line``..``end_line`` (1-based, inclusive) left out of the posting, and why."""

    start_line: int = Field(ge=1)
    end_line: int = Field(ge=1)
    reason: IgnoredReason


class DocumentStructure(Frozen):
    """How a document's lines were read, computed once: sections, each line's kind, the body.

    Lines are 1-based as in ``Mention.line``; ``line_kinds[0]`` is line 1. A line outside the body
    or of page furniture has kind ``cruft`` (``legal`` for legal sentences), so readers of
    ``line_kinds`` alone leave it out; ``ignored`` says why, range by range.
    """

    sections: tuple[Section, ...]
    line_kinds: tuple[SectionKind, ...]
    body_start_line: int | None = Field(description="First line of the posting's body; None if none found")
    body_end_line: int | None = Field(description="Last line of the posting's body")
    ignored: tuple[IgnoredRange, ...] = Field(description="Every ignored line range with its reason")
    out_of_body_line_count: int = Field(
        ge=0, description="Non-blank lines before or after the body, or furniture inside it"
    )
    ignored_line_count: int = Field(
        ge=0, description="Non-blank lines ignored (outside body, furniture, legal)"
    )
    body_line_count: int = Field(ge=0, description="Non-blank lines kept as the posting's body")
    has_requirement_section: bool = Field(
        description="A required/preferred/skills heading or inline label was found in the body"
    )
    posting_count: int = Field(
        ge=0, description="Job-title blocks each with its own requirement section (over 1: several postings)"
    )
    headline: str | None = Field(default=None, description="Document.headline (an HTML page's <h1>), carried")
    posting_data: JobPostingData | None = Field(
        default=None,
        description="Document.posting_data (schema.org JobPosting), carried for the title finder",
    )

    @cached_property
    def ignored_starts(self) -> list[int]:
        """Each ignored range's first line, in order: the lookup below bisects them (the ranges
        are disjoint and sorted, as ``read_structure`` writes them)."""
        return [r.start_line for r in self.ignored]

    def ignored_reason(self, line: int) -> IgnoredReason | None:
        """Why 1-based ``line`` is ignored, or None if it is part of the body (or blank)."""
        # Asked for every line of a page: a scan of the ranges each time was quadratic.
        at = bisect.bisect_right(self.ignored_starts, line) - 1
        return self.ignored[at].reason if at >= 0 and line <= self.ignored[at].end_line else None

    def in_body(self, line: int) -> bool:
        """Whether 1-based ``line`` is part of the posting's body (not furniture, legal or outside).

        Company and benefits lines are in the body (the posting wrote them) though not scored.
        """
        if self.body_start_line is None or not self.body_start_line <= line <= (self.body_end_line or 0):
            return False
        return self.ignored_reason(line) in (None, "company", "benefits")

    @property
    def looks_like_several_postings(self) -> bool:
        """Whether the text reads as several postings (e.g. a company page listing roles)."""
        return self.posting_count > 1
