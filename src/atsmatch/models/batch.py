"""Many resumes against one posting."""

from __future__ import annotations

from pydantic import Field

from .base import SCHEMA_VERSION, Frozen
from .report import DocumentSummary

__all__ = ["RankedResume", "Ranking"]


class RankedResume(Frozen):
    """One resume's place in a batch ranking; ``error`` is set, and ``score`` None, if it failed."""

    source: str
    score: float | None
    matched_count: int = Field(default=0, ge=0)
    missing_count: int = Field(default=0, ge=0)
    top_missing: tuple[str, ...] = ()
    error: str | None = None


class Ranking(Frozen):
    """Resumes ranked against one posting, best first; failed files last, never dropped."""

    schema_version: str = SCHEMA_VERSION
    posting: DocumentSummary
    results: tuple[RankedResume, ...]
    warnings: tuple[str, ...] = ()
