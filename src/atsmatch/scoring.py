"""Pure arithmetic: a resume's extraction and a read posting → ``MatchReport``, the formula as data.

weight(keyword) = category weight × (1 + repeat_step × log2(mentions in the posting's body))
                  × requirement factor (required, unspecified, preferred) × (title_boost if in title)
score           = 100 × Σ weight(matched) / Σ weight(every posting keyword)

Near-misses earn nothing: an ATS matches literally. They become suggestions instead. A degree is
matched by a degree of the same or a higher level.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .degrees import degree_level, level_rank
from .models import (
    CATEGORIES,
    Category,
    CategoryCoverage,
    DocumentSummary,
    Extraction,
    Keyword,
    MatchedKeyword,
    MatchReport,
    MissingKeyword,
    NearMiss,
    RequirementLevel,
    ResumeChecks,
    ScoreFormula,
    ScoringWeights,
    Suggestion,
)
from .near_miss import NearMissHit
from .posting import PostingReading

__all__ = ["keyword_weight", "score_extractions", "summarise"]

_CATEGORY_LABEL = {"hard_skill": "hard skill", "soft_skill": "soft skill", "certification": "certification"}


def keyword_weight(
    category: Category,
    mentions: int,
    weights: ScoringWeights,
    *,
    requirement: RequirementLevel = "required",
    in_title: bool = False,
) -> float:
    """How much a posting keyword counts towards the score."""
    repeat = 1 + weights.repeat_step * math.log2(max(mentions, 1))
    boost = weights.title_boost if in_title else 1.0
    return round(weights.for_category(category) * repeat * weights.for_requirement(requirement) * boost, 3)


def score_extractions(
    resume: Extraction,
    posting: PostingReading,
    checks: ResumeChecks,
    *,
    near_misses: Sequence[NearMissHit] = (),
    weights: ScoringWeights = ScoringWeights(),
) -> MatchReport:
    """Score ``resume`` against ``posting``.

    Args:
        resume: the resume's extraction.
        posting: the posting as read by ``read_posting``: its keywords with requirement levels.
        checks: the resume's ATS checks (degree level, job title, contact details).
        near_misses: near-misses found for the posting keywords the resume lacks.
        weights: the factors of the weight formula.
    """
    resume_by_name = {k.name: k for k in resume.keywords}
    degree_keyword = _highest_degree_keyword(resume, checks)
    matched: list[MatchedKeyword] = []
    missing: list[MissingKeyword] = []
    weight_of: dict[str, float] = {}
    for wanted in posting.keywords:
        keyword = wanted.keyword
        weight = keyword_weight(
            keyword.category, len(wanted.mentions), weights,
            requirement=wanted.requirement, in_title=wanted.in_title,
        )  # fmt: skip
        weight_of[keyword.name] = weight
        found = resume_by_name.get(keyword.name)
        satisfied_by = None
        if found is None and degree_keyword is not None and _degree_meets(degree_keyword, keyword):
            found, satisfied_by = degree_keyword, degree_keyword.name
        if found:
            posting_phrasings = {m.text.casefold() for m in wanted.mentions}
            matched.append(
                MatchedKeyword(
                    name=keyword.name,
                    category=keyword.category,
                    weight=weight,
                    requirement=wanted.requirement,
                    in_title=wanted.in_title,
                    posting_mentions=wanted.mentions,
                    resume_mentions=found.mentions,
                    same_phrasing=satisfied_by is not None
                    or any(m.text.casefold() in posting_phrasings for m in found.mentions),
                    satisfied_by=satisfied_by,
                )
            )
        else:
            missing.append(
                MissingKeyword(
                    name=keyword.name,
                    category=keyword.category,
                    weight=weight,
                    rank=1,
                    requirement=wanted.requirement,
                    in_title=wanted.in_title,
                    posting_mentions=wanted.mentions,
                )
            )
    missing.sort(key=lambda k: (-k.weight, k.posting_mentions[0].start))
    missing = [k.model_copy(update={"rank": rank}) for rank, k in enumerate(missing, start=1)]
    near = _near_misses(near_misses, posting, weight_of)

    matched_weight = round(sum(k.weight for k in matched), 3)
    total_weight = round(sum(weight_of.values()), 3)
    score = round(100 * matched_weight / total_weight, 1) if total_weight else 0.0
    warnings = []
    if not posting.keywords:
        warnings.append(
            "The posting has no keyword atsmatch recognises, so the score is 0. Check that the "
            "file is the posting, or extend the lexicon with --lexicon."
        )
    if not resume.keywords:
        warnings.append("The resume has no keyword atsmatch recognises.")
    return MatchReport(
        score=min(score, 100.0),
        formula=_formula(weights, matched_weight, total_weight, score, posting.analysis.title_line),
        coverage=_coverage(matched, missing),
        matched=tuple(matched),
        missing=tuple(missing),
        near_misses=tuple(near),
        suggestions=tuple(_suggestions(matched, missing, near, checks)),
        resume=summarise(resume),
        posting=summarise(posting.extraction),
        posting_analysis=posting.analysis,
        resume_checks=checks,
        warnings=tuple(warnings),
    )


def _highest_degree_keyword(resume: Extraction, checks: ResumeChecks) -> Keyword | None:
    if checks.highest_degree is None:
        return None
    return next(
        (
            k
            for k in resume.keywords
            if k.category == "certification" and degree_level(k.name) == checks.highest_degree
        ),
        None,
    )


def _degree_meets(held: Keyword, wanted: Keyword) -> bool:
    """A held degree meets a wanted one of the same or a lower level."""
    wanted_level = degree_level(wanted.name) if wanted.category == "certification" else None
    held_level = degree_level(held.name)
    return bool(wanted_level and held_level) and level_rank(held_level) >= level_rank(wanted_level)


def _near_misses(
    hits: Sequence[NearMissHit], posting: PostingReading, weight_of: dict[str, float]
) -> list[NearMiss]:
    by_name = {wanted.keyword.name: wanted.keyword for wanted in posting.keywords}
    near = []
    for hit in hits:
        keyword = by_name.get(hit.name)
        if keyword is None:
            continue
        near.append(
            NearMiss(
                name=hit.name,
                category=keyword.category,
                weight=weight_of[hit.name],
                posting_phrasing=_most_common_phrasing(keyword),
                resume_mention=hit.mention,
                similarity=hit.similarity,
            )
        )
    near.sort(key=lambda n: -n.weight)
    return near


def _most_common_phrasing(keyword: Keyword) -> str:
    texts = [m.text for m in keyword.mentions]
    return max(texts, key=texts.count)


def _formula(
    weights: ScoringWeights, matched: float, total: float, score: float, title_line: int | None
) -> ScoreFormula:
    return ScoreFormula(
        score=(
            "score = 100 × Σ weight(matched keywords) / Σ weight(posting keywords)"
            f" = 100 × {matched:g} / {total:g} = {score:g}"
        ),
        weight=(
            f"weight = category weight (hard skill {weights.hard_skill:g}, soft skill "
            f"{weights.soft_skill:g}, certification {weights.certification:g})"
            f" × (1 + {weights.repeat_step:g} × log2(mentions in the posting's body))"
            f" × requirement (required {weights.required:g}, unspecified {weights.unspecified:g},"
            f" preferred {weights.preferred:g})"
            f" × ({weights.title_boost:g} if in the job title, else 1)"
        ),
        weights=weights,
        title_line=title_line,
        matched_weight=matched,
        total_weight=total,
    )


def _coverage(matched: list[MatchedKeyword], missing: list[MissingKeyword]) -> tuple[CategoryCoverage, ...]:
    rows = []
    for category in CATEGORIES:
        hits = [k.weight for k in matched if k.category == category]
        misses = [k.weight for k in missing if k.category == category]
        matched_weight, total_weight = round(sum(hits), 3), round(sum(hits) + sum(misses), 3)
        rows.append(
            CategoryCoverage(
                category=category,
                matched=len(hits),
                total=len(hits) + len(misses),
                matched_weight=matched_weight,
                total_weight=total_weight,
                percent=round(100 * matched_weight / total_weight, 1) if total_weight else None,
            )
        )
    return tuple(rows)


def _suggestions(
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


def summarise(extraction: Extraction) -> DocumentSummary:
    """The short description of a document that a report carries."""
    return DocumentSummary(
        source=extraction.source,
        format=extraction.format,
        characters=len(extraction.text),
        keywords=len(extraction.keywords),
    )
