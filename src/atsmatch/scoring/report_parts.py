"""The parts of a report that only restate the arithmetic: the formula with its numbers, and the
coverage per category."""

from __future__ import annotations

from ..models import (
    CATEGORIES,
    CategoryCoverage,
    MatchedKeyword,
    MissingKeyword,
    ScoreFormula,
    ScoringWeights,
)

__all__ = ["coverage", "formula"]


def formula(
    weights: ScoringWeights, matched: float, total: float, score: float, title_line: int | None
) -> ScoreFormula:
    """The formula with this report's numbers in it, as data and as the sentences a report shows."""
    return ScoreFormula(
        score_expression=(
            "score = 100 × Σ weight(matched keywords) / Σ weight(posting keywords)"
            f" = 100 × {matched:g} / {total:g} = {score:g}"
        ),
        weight_expression=(
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


def coverage(matched: list[MatchedKeyword], missing: list[MissingKeyword]) -> tuple[CategoryCoverage, ...]:
    """Matched and total counts and weights, per category."""
    rows = []
    for category in CATEGORIES:
        hits = [k.weight for k in matched if k.category == category]
        misses = [k.weight for k in missing if k.category == category]
        matched_weight, total_weight = round(sum(hits), 3), round(sum(hits) + sum(misses), 3)
        rows.append(
            CategoryCoverage(
                category=category,
                matched_count=len(hits),
                total_count=len(hits) + len(misses),
                matched_weight=matched_weight,
                total_weight=total_weight,
            )
        )
    return tuple(rows)
