"""A document's structure, read once: sections, each line's kind, the body, what is ignored and why.

``read_structure`` is the one place line kinds are decided; the matcher records them on mentions
and the posting reader reads them, so no stage re-runs heading or furniture checks.
"""

from __future__ import annotations

import re

from ..models import DocumentStructure, IgnoredRange, IgnoredReason, JobPostingData, Section, SectionKind
from .body import Body, find_body
from .furniture import furniture_reason, furniture_reasons
from .headings import find_sections, heading_kind, inline_label_kind
from .legal import legal_lines
from .vocabulary import HeadingVocabulary

__all__ = ["line_kinds", "read_structure"]

_LABEL_KINDS: frozenset[SectionKind] = frozenset(
    {"required", "preferred", "skills", "benefits", "responsibilities"}
)
_REQUIREMENT_KINDS: frozenset[SectionKind] = frozenset({"required", "preferred", "skills"})
_NEW_POSTING_KINDS: frozenset[SectionKind] = frozenset({"overview", "responsibilities"})
# Body lines of these kinds are the posting's but not asked of the candidate: listed as ignored.
_SCORED_ELSEWHERE: tuple[IgnoredReason, ...] = ("company", "benefits")
_BULLET = re.compile(r"^\s*(?:[•*·▪◦‣-]|\d{1,2}[.)])\s")


def read_structure(
    text: str,
    vocabulary: HeadingVocabulary | None = None,
    *,
    headline: str | None = None,
    posting_data: JobPostingData | None = None,
) -> DocumentStructure:
    """How ``text``'s lines are read: see ``DocumentStructure``.

    ``headline`` and ``posting_data`` (from the ``Document``) are carried on the result, so the
    posting reader sees them beside the lines.

    Each line gets its section's kind; an inline label (``Required skills: ...``) overrides its
    own line; a line of legal sentences is ``legal``; furniture lines and lines outside the body
    are ``cruft``. A bullet list after a legal section's text resumes the section before it.
    """
    lines = text.split("\n")
    furniture = furniture_reasons(lines)
    sections = _without_menu_headings(lines, find_sections(text, vocabulary))
    headings = {s.start_line - 1: s.kind for s in sections if s.heading is not None}
    kinds = _section_kinds(lines, sections, vocabulary)
    body = find_body(lines, kinds, headings, furniture)
    furniture = _furniture_sections(lines, sections, furniture)
    legal = legal_lines(lines, set(headings))
    _resume_after_legal(lines, kinds, sections, legal)
    reasons: list[IgnoredReason | None] = []
    for index, line in enumerate(lines):
        reason = _ignored_reason(index, line, body, furniture, legal, kinds)
        if reason == "legal":
            kinds[index] = "legal"
        elif reason is not None:
            kinds[index] = "cruft"
        elif line.strip() and kinds[index] in _SCORED_ELSEWHERE:
            reason = kinds[index]  # type: ignore[assignment]  # company or benefits, kind kept
        reasons.append(reason)
    body_lines = [
        i for i, line in enumerate(lines) if line.strip() and reasons[i] in (None, *_SCORED_ELSEWHERE)
    ]
    return DocumentStructure(
        sections=sections,
        line_kinds=tuple(kinds),
        body_start_line=body.first + 1 if body.first is not None else None,
        body_end_line=body.last + 1 if body.last is not None else None,
        ignored=_ranges(lines, reasons),
        out_of_body_line_count=sum(
            1 for i, line in enumerate(lines) if line.strip() and reasons[i] not in (None, *_SCORED_ELSEWHERE)
        ),
        ignored_line_count=sum(1 for i, line in enumerate(lines) if line.strip() and reasons[i]),
        body_line_count=len(body_lines),
        has_requirement_section=any(kinds[i] in _REQUIREMENT_KINDS for i in body_lines),
        posting_count=_posting_count(lines, kinds, headings, body_lines),
        headline=headline,
        posting_data=posting_data,
    )


def line_kinds(
    text: str, sections: tuple[Section, ...] = (), vocabulary: HeadingVocabulary | None = None
) -> list[SectionKind]:
    """The kind of every line (index 0 is line 1): ``read_structure(text).line_kinds`` as a list.

    Kept for callers that have not moved to ``Extraction.structure``; ``sections`` is ignored
    (the structure finds its own), and the result is the same as the carried structure's.
    """
    return list(read_structure(text, vocabulary).line_kinds)


def _without_menu_headings(lines: list[str], sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """The sections without the furniture headings that are menu items: "Company reviews" between
    "Find jobs" and "Find salaries" in a job board's menu opens no section (it would swallow the
    title card below it); its lines join the section before."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    place = {line: position for position, line in enumerate(filled)}
    kept: list[Section] = []
    for section in sections:
        heading = section.start_line - 1
        if section.kind == "cruft" and section.heading is not None:
            at = place[heading]
            around = filled[max(0, at - 1) : at] + filled[at + 1 : at + 2]
            # Each neighbour on its own (a similar-jobs rail's titles are furniture only as a rail).
            if len(around) == 2 and all(furniture_reason(lines[i]) is not None for i in around):
                if kept:
                    kept[-1] = kept[-1].model_copy(update={"end_line": section.end_line})
                else:
                    kept.append(section.model_copy(update={"kind": "preamble", "heading": None}))
                continue
        kept.append(section)
    return tuple(kept)


def _section_kinds(
    lines: list[str], sections: tuple[Section, ...], vocabulary: HeadingVocabulary | None
) -> list[SectionKind]:
    kinds: list[SectionKind] = ["preamble"] * len(lines)
    for section in sections:
        for number in range(section.start_line, min(section.end_line, len(lines)) + 1):
            kinds[number - 1] = section.kind
    for index, line in enumerate(lines):
        label = inline_label_kind(line, vocabulary)
        if label in _LABEL_KINDS:
            kinds[index] = label
    return kinds


# A furniture section's heading says what its lines are.
_SECTION_REASONS: tuple[tuple[str, IgnoredReason], ...] = (
    ("similar", "similar_jobs"), ("ähnlich", "similar_jobs"), ("liknande", "similar_jobs"), ("offres", "similar_jobs"), ("review", "reviews"), ("salar", "salaries"), ("pay", "salaries"),
    ("interview", "interview"), ("news", "news"), ("app", "footer"), ("job", "similar_jobs"),
)  # fmt: skip


def _furniture_sections(
    lines: list[str], sections: tuple[Section, ...], furniture: list[IgnoredReason | None]
) -> list[IgnoredReason | None]:
    """Furniture kinds with the lines of a ``cruft`` section named after its heading."""
    named = list(furniture)
    for section in sections:
        if section.kind != "cruft" or not section.heading:
            continue
        heading = section.heading.lower()
        reason = next((r for word, r in _SECTION_REASONS if word in heading), None)
        for index in range(section.start_line - 1, min(section.end_line, len(lines))):
            if reason and named[index] is None and lines[index].strip():
                named[index] = reason
    return named


def _resume_after_legal(
    lines: list[str], kinds: list[SectionKind], sections: tuple[Section, ...], legal: set[int]
) -> None:
    """In a legal section, a bullet list (and what follows it) is the posting again."""
    previous: SectionKind = "preamble"
    for section in sections:
        if section.kind == "legal":
            resumed = False
            for index in range(section.start_line, min(section.end_line, len(lines))):
                resumed = resumed or (bool(_BULLET.match(lines[index])) and index not in legal)
                if resumed:
                    kinds[index] = previous
        else:
            previous = section.kind


def _ignored_reason(
    index: int,
    line: str,
    body: Body,
    furniture: list[IgnoredReason | None],
    legal: set[int],
    kinds: list[SectionKind],
) -> IgnoredReason | None:
    if not line.strip():
        return None
    if furniture[index] is not None:
        return furniture[index]
    if index in legal or (kinds[index] == "legal" and heading_kind(line) == "legal"):
        return "legal"
    if index not in body:
        return "before_body" if body.first is not None and index < body.first else "after_body"
    return None


def _ranges(lines: list[str], reasons: list[IgnoredReason | None]) -> tuple[IgnoredRange, ...]:
    """Runs of lines with one reason; blank lines inside a run don't break it."""
    ranges: list[IgnoredRange] = []
    current: tuple[int, int, IgnoredReason] | None = None
    for index, reason in enumerate(reasons):
        if reason is None:
            if lines[index].strip() and current is not None:
                ranges.append(
                    IgnoredRange(start_line=current[0] + 1, end_line=current[1] + 1, reason=current[2])
                )
                current = None
            continue
        if current is not None and current[2] == reason:
            current = (current[0], index, reason)
            continue
        if current is not None:
            ranges.append(IgnoredRange(start_line=current[0] + 1, end_line=current[1] + 1, reason=current[2]))
        current = (index, index, reason)
    if current is not None:
        ranges.append(IgnoredRange(start_line=current[0] + 1, end_line=current[1] + 1, reason=current[2]))
    return tuple(ranges)


def _posting_count(
    lines: list[str], kinds: list[SectionKind], headings: dict[int, SectionKind], body_lines: list[int]
) -> int:
    """Requirement sections each after its own role (an overview or duties heading since the last)."""
    if not body_lines:
        return 0
    count, new_role = 0, True
    for index in body_lines:
        kind = headings.get(index)
        if kind in _NEW_POSTING_KINDS:
            new_role = True
        elif kind == "required" and new_role:
            count, new_role = count + 1, False
    return max(count, 1)
