"""Warnings about the posting as read: several postings in one text, most keywords outside the body,
no requirement section. Each says what it saw and what to do."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Section, SectionKind
from ..structure.headings import heading_kind
from ..structure.title import reads_as_title

__all__ = ["posting_warnings"]

_REQUIREMENT_KINDS: frozenset[SectionKind] = frozenset({"required", "preferred", "skills"})
_MANY_TITLES = 3
# Below this, a text is a snippet (a test, a pasted list), not a posting that lacks a section.
_POSTING_CHARACTERS = 400


def posting_warnings(
    lines: Sequence[str],
    kinds: Sequence[SectionKind],
    sections: Sequence[Section],
    *,
    kept: int,
    ignored: int,
    in_body: Sequence[bool],
    structure: object = None,
) -> list[str]:
    """What a person should know before trusting the score.

    Args:
        lines, kinds: the posting's lines and each line's section kind.
        sections: its sections.
        kept, ignored: how many keywords are scored and how many were left out.
        in_body: whether each line is the posting's body.
        structure: the extraction's ``DocumentStructure``, when carried: its posting count and
            requirement-section finding are used too.
    """
    warnings = []
    titles = [
        line.strip() for line, body in zip(lines, in_body, strict=True)
        if body and len(line.split()) <= 8 and not heading_kind(line) and reads_as_title(line.strip())
    ]  # fmt: skip
    distinct = list(dict.fromkeys(t.casefold() for t in titles))
    requirement_headings = sum(1 for s in sections if s.kind == "required")
    several = getattr(structure, "posting_count", 0) > 1
    if len(distinct) >= _MANY_TITLES or (requirement_headings >= 2 or several) and len(distinct) >= 2:
        shown = ", ".join(repr(t) for t in list(dict.fromkeys(titles))[:4])
        warnings.append(
            f"The text names {len(distinct)} job titles ({shown}): it may be a page of several postings. "
            "Score one posting at a time: copy the one you apply for into its own file."
        )
    if ignored > kept and ignored >= 3:
        warnings.append(
            f"{ignored} of the posting's {ignored + kept} keywords stand outside its body (company text, "
            "benefits, legal text or page furniture) and are not scored: check that the file is the "
            "posting itself, or paste only the posting's text."
        )
    sectioned = (
        getattr(structure, "has_requirement_section", False)
        or any(k in _REQUIREMENT_KINDS for k in kinds)
        or any(s.kind in _REQUIREMENT_KINDS for s in sections)
    )
    if not sectioned and sum(len(line) + 1 for line in lines) >= _POSTING_CHARACTERS:
        warnings.append(
            "No requirements section (Requirements, Qualifications, Skills…) was found: every keyword "
            "counts as 'unspecified' unless its sentence says required or preferred."
        )
    return warnings
