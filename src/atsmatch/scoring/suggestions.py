"""Advice from a scored report, as data: spelling fixes, missing keywords and where they belong,
phrasing, placement, contact details and headings. The English is rendered by ``Suggestion``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import (
    MatchedKeyword,
    MissingKeyword,
    NearMiss,
    ResumeChecks,
    ScoredKeyword,
    Suggestion,
    SuggestionKind,
    WhereToAdd,
)
from ..models.report import one_line

__all__ = ["suggestions"]

_WHERE: dict[str, WhereToAdd] = {
    "hard_skill": "skills_and_experience",
    "soft_skill": "experience",
    "certification": "certifications",
}
_CONTACT_FIELDS = ("email", "phone", "linkedin")


def suggestions(
    matched: list[MatchedKeyword],
    missing: list[MissingKeyword],
    near: list[NearMiss],
    checks: ResumeChecks,
    *,
    related_held: Mapping[str, Sequence[str]] | None = None,
) -> list[Suggestion]:
    """Every suggestion for a report, most useful first; ``related_held`` names, for a missing
    keyword, the related skills the resume has (the lexicon's ``related``)."""
    related_held = related_held or {}
    out = [_fix_near_miss(miss) for miss in near]
    if checks.job_title and checks.job_title_line is None:
        out.append(Suggestion(kind="add_job_title", keyword=checks.job_title, where_to_add="headline"))
    near_names = {n.name for n in near}
    out += [
        _add_missing(keyword, related_held.get(keyword.name, ()))
        for keyword in missing
        if keyword.name not in near_names
    ]
    out += [_use_posting_phrasing(keyword) for keyword in matched if not keyword.same_phrasing]
    wanted = {k.name for k in matched}
    out += [
        Suggestion(kind="show_in_experience", keyword=name, where_to_add="experience")
        for name in checks.skills_only
        if name in wanted
    ]
    out += [
        Suggestion(kind="add_contact", keyword=field, where_to_add="header")
        for field in _CONTACT_FIELDS
        if getattr(checks, field) is None
    ]
    out += [
        Suggestion(kind="add_heading", keyword=heading, where_to_add="headings")
        for heading in checks.headings_missing
    ]
    return out


def _about(kind: SuggestionKind, keyword: ScoredKeyword, **fields: Any) -> Suggestion:
    """A suggestion about a posting keyword: its name, category, level and the posting's spelling."""
    return Suggestion(
        kind=kind,
        keyword=keyword.name,
        category=keyword.category,
        requirement=keyword.requirement,
        posting_phrasing=fields.pop("posting_phrasing", one_line(keyword.posting_mentions[0].text)),
        **fields,
    )


def _fix_near_miss(miss: NearMiss) -> Suggestion:
    return _about(
        "fix_near_miss", miss, posting_phrasing=miss.posting_phrasing,
        resume_phrasing=one_line(miss.resume_mention.text), line=miss.resume_mention.line,
    )  # fmt: skip


def _add_missing(keyword: MissingKeyword, related: Sequence[str] = ()) -> Suggestion:
    return _about(
        "add_missing", keyword, times_in_posting=len(keyword.posting_mentions),
        in_title=keyword.in_title, where_to_add=_WHERE[keyword.category], related_held=tuple(related),
        alternatives=keyword.alternatives,
    )  # fmt: skip


def _use_posting_phrasing(keyword: MatchedKeyword) -> Suggestion:
    first = keyword.resume_mentions[0]
    return _about("use_posting_phrasing", keyword, resume_phrasing=one_line(first.text), line=first.line)
