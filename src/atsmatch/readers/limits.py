"""The limits that keep one huge or hostile file from stalling a run, and one document's budget.

Every limit is a field of ``ReadLimits`` (documented in docs/limits.md); every breach raises
``DocumentTooLargeError`` naming the field, so the message says exactly what to raise.
"""

from __future__ import annotations

import math
import time

from pydantic import BaseModel, ConfigDict, Field

from ..errors import DocumentTooLargeError

__all__ = ["ReadBudget", "ReadLimits", "bytes_from_mib", "mib"]

_MIB = 1_048_576


class ReadLimits(BaseModel):
    """Limits that keep one huge or hostile file from stalling a run; raise them if you need to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(default=20 * _MIB, gt=0, description="File size limit, checked while reading")
    max_pages: int = Field(default=50, gt=0, description="PDF page limit")
    max_chars: int = Field(
        default=500_000, gt=0, description="Limit on the extracted text, checked while extracting"
    )
    max_stream_bytes: int = Field(
        default=8 * _MIB, gt=0, description="Decompressed bytes of one PDF stream (a page's content)"
    )
    max_stream_tokens: int = Field(
        default=500_000, gt=0, description="Operators and operands pypdf parses in one PDF content stream"
    )
    max_part_bytes: int = Field(
        default=32 * _MIB, gt=0, description="Decompressed bytes of one DOCX part (word/document.xml)"
    )
    max_unpacked_bytes: int = Field(
        default=128 * _MIB, gt=0, description="Decompressed bytes of all streams or parts of one document"
    )
    max_seconds: float = Field(
        default=10.0, gt=0, description="Wall-clock budget for extracting one document's text"
    )


def mib(size: float) -> str:
    """A byte count for a person: ``'20.0 MiB'``."""
    return f"{size / _MIB:.1f} MiB"


class ReadBudget:
    """One document's running counts against its limits; made for one read, never shared.

    Readers whose cost is not bounded by the file's size (a small PDF can decode to millions of
    text operators) call ``check_time`` as they go; every counter raises the moment it is over.
    """

    def __init__(self, limits: ReadLimits, label: str) -> None:
        self.limits = limits
        self.label = label
        self.unpacked = 0
        self._deadline = time.monotonic() + limits.max_seconds

    def over(self, what: str, field: str, value: str, why: str = "") -> DocumentTooLargeError:
        """The error for a breached limit: what is over, which field to raise, and its value."""
        why = why or "Is this really a resume or a job posting?"
        return DocumentTooLargeError(
            f"{what}, over the limit of {value} (ReadLimits.{field}). {why} If the file is genuine, "
            f"raise ReadLimits.{field} in the API{_CLI_OPTION.get(field, '')}.",
            source=self.label,
        )

    def check_time(self) -> None:
        if time.monotonic() > self._deadline:
            raise self.over(
                "took too long to read", "max_seconds", f"{self.limits.max_seconds:g} s",
                "Its text layer is unusually expensive to decode.",
            )  # fmt: skip

    def check_chars(self, count: int) -> None:
        if count > self.limits.max_chars:
            raise self.over(
                f"holds more than {self.limits.max_chars:,} characters of text",
                "max_chars", f"{self.limits.max_chars:,}",
            )  # fmt: skip

    def count_unpacked(self, size: int) -> None:
        """Add ``size`` decompressed bytes to the document's total."""
        self.unpacked += size
        if self.unpacked > self.limits.max_unpacked_bytes:
            raise self.over(
                f"decompresses to more than {mib(self.limits.max_unpacked_bytes)}",
                "max_unpacked_bytes", mib(self.limits.max_unpacked_bytes),
                "It may be a decompression bomb.",
            )  # fmt: skip


_CLI_OPTION = {"max_bytes": " (--max-mib in the CLI)"}


def bytes_from_mib(value: float) -> int:
    """MiB (a float, maybe ``inf``) as a byte count that fits ``ReadLimits.max_bytes``."""
    if math.isnan(value) or value <= 0:
        raise ValueError("a size in MiB must be a positive number")
    return int(min(value * _MIB, 2**62))
