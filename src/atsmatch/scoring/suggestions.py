"""Advice from a scored report: spelling fixes, missing keywords and where they belong, phrasing."""

from __future__ import annotations

from ..models import MatchedKeyword, MissingKeyword, NearMiss, ResumeChecks, Suggestion

__all__ = ["suggestions"]

_CATEGORY_LABEL = {"hard_skill": "hard skill", "soft_skill": "soft skill", "certification": "certification"}


def suggestions(
    matched: list[MatchedKeyword], missing: list[MissingKeyword], near: list[NearMiss], checks: ResumeChecks
) -> list[Suggestion]:
    suggestions = []
    for miss in near:
        suggestions.append(
            Suggestion(
                kind="fix_near_miss",
                keyword=miss.name,
                message=(
                    f"Your resume writes {miss.resume_mention.text!r} (line {miss.resume_mention.line}); "
                    f"the posting writes {miss.posting_phrasing!r}. An ATS matches literally: use the "
                    "posting's exact spelling."
                ),
            )
        )
    if checks.job_title and checks.job_title_line is None:
        suggestions.append(
            Suggestion(
                kind="add_job_title",
                keyword=checks.job_title,
                message=(
                    f"Recruiters search an ATS by job title: put {checks.job_title!r} (or the closest "
                    "title you have really held) in your headline or summary."
                ),
            )
        )
    near_names = {n.name for n in near}
    for keyword in missing:
        if keyword.name in near_names:
            continue
        suggestions.append(
            Suggestion(kind="add_missing", keyword=keyword.name, message=_add_message(keyword))
        )
    for keyword in matched:
        if keyword.same_phrasing:
            continue
        posting_phrasing = keyword.posting_mentions[0].text
        resume_phrasing = keyword.resume_mentions[0].text
        suggestions.append(
            Suggestion(
                kind="use_posting_phrasing",
                keyword=keyword.name,
                message=(
                    f"The posting writes {posting_phrasing!r}; your resume writes {resume_phrasing!r}. "
                    "Some ATSs match literally: use the posting's phrasing at least once "
                    f"(e.g. '{posting_phrasing} ({resume_phrasing})')."
                ),
            )
        )
    wanted = {k.name for k in matched}
    for name in checks.skills_only:
        if name in wanted:
            suggestions.append(
                Suggestion(
                    kind="show_in_experience",
                    keyword=name,
                    message=(
                        f"{name!r} appears only in your Skills list. Show it in an Experience or "
                        "Projects bullet too: where you used it and what came of it."
                    ),
                )
            )
    for field, label in (
        ("email", "an e-mail address"),
        ("phone", "a phone number"),
        ("linkedin", "a LinkedIn URL"),
    ):
        if getattr(checks, field) is None:
            suggestions.append(
                Suggestion(
                    kind="add_contact",
                    keyword=field,
                    message=f"Add {label} at the top: ATSs parse contact details from the resume's header.",
                )
            )
    for heading in checks.headings_missing:
        suggestions.append(
            Suggestion(
                kind="add_heading",
                keyword=heading,
                message=(
                    f"Use a standard '{heading.title()}' heading: ATSs file your text under the "
                    "headings they recognise."
                ),
            )
        )
    return suggestions


def _add_message(keyword: MissingKeyword) -> str:
    phrasing = keyword.posting_mentions[0].text
    times = len(keyword.posting_mentions)
    emphasis = (
        f"{keyword.requirement}, named {times}× in the posting"
        if times > 1
        else f"{keyword.requirement}, named once in the posting"
    )
    if keyword.in_title:
        emphasis += ", in the job title"
    where = {
        "hard_skill": (
            "if you have it, add it to Skills and show it in an Experience bullet where you used it"
        ),
        "soft_skill": "show it in an Experience bullet with a concrete example, rather than listing it",
        "certification": "if you hold it, list it under Certifications or Education with its exact name",
    }[keyword.category]
    named = (
        f"{phrasing!r}"
        if phrasing.casefold() == keyword.name.casefold()
        else f"{phrasing!r} ({keyword.name})"
    )
    return f"Add {named}, {_CATEGORY_LABEL[keyword.category]}, {emphasis}: {where}."
