"""Which posting lines are its body, and why each other line is left out of the score."""

from __future__ import annotations

from ..models import IgnoredLines, SectionKind
from ..models.posting import IgnoredReason
from ..structure.furniture import is_cruft_line

__all__ = ["IGNORED_SECTIONS", "ignored_ranges", "line_reasons"]

# Sections whose keywords are not requirements: the employer talking about itself, perks, legal
# text, and job-board furniture.
IGNORED_SECTIONS: dict[SectionKind, IgnoredReason] = {
    "company": "company", "benefits": "benefits", "legal": "legal", "cruft": "cruft",
}  # fmt: skip


def line_reasons(
    lines: list[str],
    kinds: list[SectionKind],
    body_starts_at: int | None,
    structure: object = None,
) -> list[IgnoredReason | None]:
    """For every line (index 0 is line 1): None if it is the posting's body, else why it is not.

    Args:
        lines: the posting's lines.
        kinds: each line's section kind.
        body_starts_at: the title's line when the title heads the page: lines above it are the
            site's furniture.
        structure: the extraction's ``DocumentStructure`` when it carries one: its ignored ranges
            and their reasons come first.
    """
    page = [None] * len(lines)
    for ignored in getattr(structure, "ignored", ()):
        for number in range(ignored.start_line, min(ignored.end_line, len(lines)) + 1):
            page[number - 1] = ignored.reason
    reasons: list[IgnoredReason | None] = []
    for number, (line, kind) in enumerate(zip(lines, kinds, strict=True), start=1):
        if page[number - 1] is not None:
            reasons.append(page[number - 1])
        elif body_starts_at is not None and number < body_starts_at:
            reasons.append("before_title")
        elif kind in IGNORED_SECTIONS:
            reasons.append(IGNORED_SECTIONS[kind])
        elif is_cruft_line(line):
            reasons.append("furniture_line")
        else:
            reasons.append(None)
    return reasons


def ignored_ranges(lines: list[str], reasons: list[IgnoredReason | None]) -> list[IgnoredLines]:
    """Runs of non-blank lines left out for one reason (blank lines inside a run are absorbed)."""
    ranges: list[IgnoredLines] = []
    for number, (line, reason) in enumerate(zip(lines, reasons, strict=True), start=1):
        if reason is None or not line.strip():
            continue
        last = ranges[-1] if ranges else None
        if (
            last is not None
            and last.reason == reason
            and all(not lines[i - 1].strip() for i in range(last.end_line + 1, number))
        ):
            ranges[-1] = last.model_copy(update={"end_line": number})
        else:
            ranges.append(IgnoredLines(start_line=number, end_line=number, reason=reason))
    return ranges
