"""Pure arithmetic: a resume's extraction and a read posting → ``MatchReport``, the formula as data.

weight(keyword) = category weight × (1 + repeat_step × log2(mentions in the posting's body))
                  × requirement factor (required, unspecified, preferred) × (title_boost if in title)
score           = 100 × Σ weight(matched) / Σ weight(every posting keyword)

Near-misses earn nothing: an ATS matches literally. They become suggestions instead. A degree is
matched by a degree of the same or a higher level. Alternatives ("one of: Python, Perl, PHP") count
once: matched if any member is, else missing once, with the other members named.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from ..extraction.near_miss import NearMissHit
from ..extraction.tokenizer import token_texts
from ..models import (
    Category,
    DocumentSummary,
    Extraction,
    Keyword,
    MatchedKeyword,
    MatchReport,
    Mention,
    MissingKeyword,
    NearMiss,
    RequirementLevel,
    ResumeChecks,
    ScoringWeights,
)
from ..understanding.degrees import level_rank
from ..understanding.posting import PostingReading
from .report_parts import coverage, formula
from .suggestions import suggestions

__all__ = ["NO_POSTING_KEYWORDS", "keyword_weight", "score_extractions", "summarise"]

NO_POSTING_KEYWORDS = (
    "The posting has no keyword atsmatch recognises, so every score against it is 0. Check that it "
    "is the posting (in Python a str is a document's text and a pathlib.Path a file to read), or "
    "extend the lexicon (--lexicon, or Analyzer(extra_lexicons=...))."
)


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
    broader: Mapping[str, Sequence[str]] | None = None,
    related: Mapping[str, Sequence[str]] | None = None,
) -> MatchReport:
    """Score ``resume`` against ``posting``.

    Args:
        resume: the resume's extraction.
        posting: the posting as read by ``read_posting``: its keywords with requirement levels.
        checks: the resume's ATS checks (degree level, job title, contact details).
        near_misses: near-misses found for the posting keywords the resume lacks.
        weights: the factors of the weight formula.
        broader: skill name → the broader skills it is a kind of (the lexicon's ``broader``): a
            narrower skill on the resume is evidence for a broader one the posting asks for.
        related: skill name → related skills (the lexicon's ``related``, both ways): a missing
            keyword's suggestion names the related skills the resume has.
    """
    matched, missing = _sort_keywords(resume, posting, checks, weights, broader or {})
    weight_of = {k.name: k.weight for k in (*matched, *missing)}
    missing.sort(key=lambda k: (-k.weight, k.posting_mentions[0].start))  # the report ranks them so
    matched, missing = _count_alternatives_once(matched, missing, posting)
    near = _near_misses(near_misses, posting, weight_of)

    matched_weight = round(sum(k.weight for k in matched), 3)
    total_weight = round(matched_weight + sum(k.weight for k in missing), 3)
    score = round(100 * matched_weight / total_weight, 1) if total_weight else 0.0
    warnings = [NO_POSTING_KEYWORDS] if not posting.keywords else []
    if not resume.keywords:
        warnings.append("The resume has no keyword atsmatch recognises.")
    warnings.extend(posting.analysis.warnings)
    return MatchReport(
        score=min(score, 100.0),
        formula=formula(weights, matched_weight, total_weight, score, posting.analysis.title_line),
        coverage=coverage(matched, missing),
        matched=tuple(matched),
        missing=tuple(missing),
        near_misses=tuple(near),
        suggestions=tuple(
            suggestions(matched, missing, near, checks, related_held=_related_held(missing, resume, related))
        ),
        resume=summarise(resume),
        posting=summarise(posting.extraction),
        posting_analysis=posting.analysis,
        resume_checks=checks,
        warnings=tuple(warnings),
    )


def _sort_keywords(
    resume: Extraction,
    posting: PostingReading,
    checks: ResumeChecks,
    weights: ScoringWeights,
    broader: Mapping[str, Sequence[str]],
) -> tuple[list[MatchedKeyword], list[MissingKeyword]]:
    """Each posting keyword, weighed, as matched by the resume (or by a higher degree) or missing."""
    resume_by_name = {k.name: k for k in resume.keywords}
    degree_keyword = resume_by_name.get(checks.highest_degree_name) if checks.highest_degree_name else None
    matched: list[MatchedKeyword] = []
    missing: list[MissingKeyword] = []
    for wanted in posting.keywords:
        keyword = wanted.keyword
        weight = keyword_weight(
            keyword.category, len(wanted.mentions), weights,
            requirement=wanted.requirement, in_title=wanted.in_title,
        )  # fmt: skip
        found = resume_by_name.get(keyword.name)
        satisfied_by = None
        held = checks.highest_degree
        if found is None and degree_keyword is not None and _degree_meets(held, wanted.degree_level):
            found, satisfied_by = degree_keyword, degree_keyword.name
        if found is None and (inside := _literal_inside(wanted.mentions, resume.keywords)) is not None:
            # "Forecasting" stands inside the resume's "demand forecasting" (Demand Planning):
            # an ATS searching for the word finds it.
            found, satisfied_by = inside, inside.name
        narrower = None
        if found is None and broader:
            narrower = next((k for k in resume.keywords if keyword.name in broader.get(k.name, ())), None)
            if narrower is not None:  # CLion for JetBrains IDEs: evidence, not the posting's word
                found, satisfied_by = narrower, narrower.name
        # The fields every scored keyword carries (ScoredKeyword's), matched or not.
        shared = {
            "name": keyword.name, "category": keyword.category, "source": keyword.source,
            "weight": weight, "requirement": wanted.requirement, "in_title": wanted.in_title,
            "posting_mentions": wanted.mentions,
        }  # fmt: skip
        if found:
            posting_phrasings = {m.text.casefold() for m in wanted.mentions}
            matched.append(
                MatchedKeyword(
                    **shared,
                    resume_mentions=found.mentions,
                    same_phrasing=(satisfied_by is not None and narrower is None)
                    or any(m.text.casefold() in posting_phrasings for m in found.mentions),
                    satisfied_by=satisfied_by,
                )
            )
        else:
            missing.append(MissingKeyword(**shared))
    return matched, missing


def _degree_meets(held_level: str | None, wanted_level: str | None) -> bool:
    """A held degree meets a wanted one of the same or a lower level (levels from the lexicon)."""
    return bool(wanted_level and held_level) and level_rank(held_level) >= level_rank(wanted_level)  # type: ignore[arg-type]


def _related_held(
    missing: Sequence[MissingKeyword], resume: Extraction, related: Mapping[str, Sequence[str]] | None
) -> dict[str, tuple[str, ...]]:
    """Missing keyword → the related skills the resume has."""
    if not related:
        return {}
    held = {k.name for k in resume.keywords}
    found = {k.name: tuple(r for r in related.get(k.name, ()) if r in held) for k in missing}
    return {name: names for name, names in found.items() if names}


def _literal_inside(wanted: Sequence[Mention], resume: Sequence[Keyword]) -> Keyword | None:
    """A resume keyword whose mention holds one of the posting's phrasings as whole words, with
    only those mentions."""
    phrasings = {" ".join(token_texts(m.text.casefold())) for m in wanted}
    for keyword in resume:
        inside = tuple(
            m for m in keyword.mentions
            if any(f" {p} " in f" {' '.join(token_texts(m.text.casefold()))} " for p in phrasings)
        )  # fmt: skip
        if inside:
            return keyword.model_copy(update={"mentions": inside})
    return None


def _count_alternatives_once(
    matched: list[MatchedKeyword], missing: list[MissingKeyword], posting: PostingReading
) -> tuple[list[MatchedKeyword], list[MissingKeyword]]:
    """A group of alternatives counts once: its first matched member, else its heaviest missing one
    (``missing`` is sorted heaviest first), which names the others as ``alternatives``."""
    group_of = {w.keyword.name: w.alternatives for w in posting.keywords if w.alternatives}
    members: dict[str, list[str]] = {}
    for name, group in group_of.items():
        members.setdefault(group, []).append(name)
    kept_matched, met = [], set()
    for keyword in matched:
        group = group_of.get(keyword.name)
        if group in met:
            continue
        if group:
            met.add(group)
        kept_matched.append(keyword)
    kept_missing, shown = [], set()
    for keyword in missing:
        group = group_of.get(keyword.name)
        if group in met or group in shown:
            continue
        if group:
            shown.add(group)
            others = tuple(n for n in members[group] if n != keyword.name)
            keyword = keyword.model_copy(update={"alternatives": others})
        kept_missing.append(keyword)
    return kept_matched, kept_missing


def _near_misses(
    hits: Sequence[NearMissHit], posting: PostingReading, weight_of: dict[str, float]
) -> list[NearMiss]:
    by_name = {wanted.keyword.name: wanted for wanted in posting.keywords}
    near = []
    for hit in hits:
        wanted = by_name.get(hit.name)
        if wanted is None:
            continue
        near.append(
            NearMiss(
                name=hit.name,
                category=wanted.keyword.category,
                weight=weight_of[hit.name],
                requirement=wanted.requirement,
                in_title=wanted.in_title,
                posting_mentions=wanted.mentions,
                resume_mention=hit.mention,
                similarity=hit.similarity,
            )
        )
    near.sort(key=lambda n: -n.weight)
    return near


def summarise(extraction: Extraction) -> DocumentSummary:
    """The short description of a document that a report carries."""
    return DocumentSummary(
        source=extraction.source,
        format=extraction.format,
        characters=len(extraction.text),
        keyword_count=len(extraction.keywords),
    )
