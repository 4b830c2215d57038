"""The limits that keep one huge or hostile file from stalling a run."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ReadLimits"]


class ReadLimits(BaseModel):
    """Limits that keep one huge or hostile file from stalling a run; raise them if you need to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(default=20 * 1024 * 1024, gt=0, description="File size limit")
    max_pages: int = Field(default=50, gt=0, description="PDF page limit")
    max_chars: int = Field(default=500_000, gt=0, description="Limit on the extracted text")
