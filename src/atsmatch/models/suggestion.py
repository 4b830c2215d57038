"""Advice as data: a kind and the facts behind it; the English ``message`` is rendered from them."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, computed_field

from .base import Category, Derived, RequirementLevel

__all__ = ["Suggestion", "SuggestionKind", "WhereToAdd", "suggestion_message"]

SuggestionKind = Literal[
    "fix_near_miss",
    "add_missing",
    "use_posting_phrasing",
    "show_in_experience",
    "add_job_title",
    "add_contact",
    "add_heading",
]
# Where on the resume the change belongs.
WhereToAdd = Literal[
    "skills_and_experience", "experience", "certifications", "headline", "header", "headings"
]


class Suggestion(Derived):
    """One thing to change on the resume. ``message`` says it in English, from the other fields."""

    kind: SuggestionKind
    keyword: str = Field(
        description="What it is about: a keyword, the job title, a contact field or a heading"
    )
    category: Category | None = None
    requirement: RequirementLevel | None = None
    posting_phrasing: str | None = Field(default=None, description="How the posting writes it")
    resume_phrasing: str | None = Field(default=None, description="How the resume writes it")
    line: int | None = Field(default=None, description="The resume line it is about")
    times_in_posting: int | None = Field(default=None, ge=1, description="How often the posting names it")
    in_title: bool = False
    where_to_add: WhereToAdd | None = None
    related_held: tuple[str, ...] = Field(
        default=(), description="For a missing keyword: related skills the resume has (the lexicon's related)"
    )
    alternatives: tuple[str, ...] = Field(
        default=(), description="Other keywords the posting accepts instead ('one of: …'): any one will do"
    )

    @computed_field(description="The suggestion in English, rendered from the fields")
    @property
    def message(self) -> str:
        return suggestion_message(self)


_CATEGORY_LABEL = {"hard_skill": "hard skill", "soft_skill": "soft skill", "certification": "certification"}
_WHERE = {
    "skills_and_experience": (
        "if you have it, add it to Skills and show it in an Experience bullet where you used it"
    ),
    "experience": "show it in an Experience bullet with a concrete example, rather than listing it",
    "certifications": "if you hold it, list it under Certifications or Education with its exact name",
}
_CONTACT = {"email": "an e-mail address", "phone": "a phone number", "linkedin": "a LinkedIn URL"}


def suggestion_message(s: Suggestion) -> str:
    """The English sentence for a suggestion (one template per kind)."""
    if s.kind == "fix_near_miss":
        return (
            f"Your resume writes {s.resume_phrasing!r} (line {s.line}); the posting writes "
            f"{s.posting_phrasing!r}. An ATS matches literally: use the posting's exact spelling."
        )
    if s.kind == "add_job_title":
        return (
            f"Recruiters search an ATS by job title: put {s.keyword!r} (or the closest title you have "
            "really held) in your headline or summary."
        )
    if s.kind == "add_missing":
        return _add_missing(s)
    if s.kind == "use_posting_phrasing":
        return (
            f"The posting writes {s.posting_phrasing!r}; your resume writes {s.resume_phrasing!r}. "
            "Some ATSs match literally: use the posting's phrasing at least once "
            f"(e.g. '{s.posting_phrasing} ({s.resume_phrasing})')."
        )
    if s.kind == "show_in_experience":
        return (
            f"{s.keyword!r} appears only in your Skills list. Show it in an Experience or Projects "
            "bullet too: where you used it and what came of it."
        )
    if s.kind == "add_contact":
        label = _CONTACT.get(s.keyword, s.keyword)
        return f"Add {label} at the top: ATSs parse contact details from the resume's header."
    return (
        f"Use a standard '{s.keyword.title()}' heading: ATSs file your text under the headings they "
        "recognise."
    )


def _add_missing(s: Suggestion) -> str:
    phrasing = s.posting_phrasing or s.keyword
    times = s.times_in_posting or 1
    emphasis = (
        f"{s.requirement}, named {times}× in the posting"
        if times > 1
        else f"{s.requirement}, named once in the posting"
    )
    if s.in_title:
        emphasis += ", in the job title"
    named = f"{phrasing!r}" if phrasing.casefold() == s.keyword.casefold() else f"{phrasing!r} ({s.keyword})"
    if s.alternatives:
        named += f" or one of {', '.join(s.alternatives)} (the posting accepts any one)"
    category = _CATEGORY_LABEL.get(s.category or "", "keyword")
    where = _WHERE.get(s.where_to_add or "", "add it where it is true of you")
    hint = ""
    if s.related_held:
        names = " and ".join(repr(name) for name in s.related_held)
        hint = f" You have the related {names}: if your work there covered it, say so by name."
    return f"Add {named}, {category}, {emphasis}: {where}.{hint}"
