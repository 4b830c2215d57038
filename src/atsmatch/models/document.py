"""A document as read, and its sections: the first stage's output."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import DocumentFormat, Frozen

__all__ = ["Document", "Section", "SectionKind"]

SectionKind = Literal[
    "preamble", "title", "company", "overview", "responsibilities", "required", "preferred",
    "benefits", "legal", "cruft", "contact", "summary", "experience", "education", "skills",
    "certifications", "projects", "publications", "awards", "languages", "volunteer", "interests",
]  # fmt: skip


class Document(Frozen):
    """A document's text, normalised once at read time; every offset elsewhere indexes ``text``."""

    text: str
    format: DocumentFormat
    source: str | None = Field(default=None, description="File name, '<stdin>', or None for text")
    pages: int | None = Field(default=None, description="Page count, for PDFs")


class Section(Frozen):
    """A run of lines under one heading; ``heading`` is None for the preamble."""

    kind: SectionKind
    heading: str | None
    start_line: int
    end_line: int
