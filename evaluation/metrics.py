"""Strict and loose precision, recall and F1, per posting and in total."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from .alignment import TextAlignment, align_texts, predictions_for
from .data import (
    DEFAULT_CATEGORY_MAP,
    EXTRA_COMPARISONS,
    Comparison,
    ComparisonResult,
    Counts,
    Evaluation,
    Posting,
    PostingResult,
    Prediction,
    Span,
)

# --------------------------------------------------------------------------------------------------
# Metrics


def count_matches(gold: Iterable[Span], predicted: Iterable[Span]) -> Counts:
    """Strict and loose hit counts of predicted spans against gold spans (duplicates count once)."""
    gold_spans, predicted_spans = set(gold), set(predicted)
    return Counts(
        gold=len(gold_spans),
        predicted=len(predicted_spans),
        strict_matches=len(gold_spans & predicted_spans),
        loose_predicted_hits=sum(any(p.overlaps(g) for g in gold_spans) for p in predicted_spans),
        loose_gold_hits=sum(any(g.overlaps(p) for p in predicted_spans) for g in gold_spans),
    )


def score_comparison(
    posting: Posting, predictions: Sequence[Prediction], comparison: Comparison
) -> ComparisonResult:
    """Counts and disagreements of one comparison in one posting.

    Missed gold spans and unmatched predictions are judged loosely (no token shared at all): those
    are what the lexicon lacks or wrongly has. Overlaps with other boundaries are ``partial``.
    """
    gold = posting.gold[comparison.gold_tag]
    missed = tuple(g for g in gold if not any(g.overlaps(p.span) for p in predictions))
    unmatched = tuple(p for p in predictions if not any(p.span.overlaps(g) for g in gold))
    partial = tuple((g, p) for g in gold for p in predictions if g.overlaps(p.span) and g != p.span)
    return ComparisonResult(
        comparison=comparison,
        gold=gold,
        predictions=tuple(predictions),
        counts=count_matches(gold, (p.span for p in predictions)),
        missed=missed,
        unmatched=unmatched,
        partial=partial,
    )


def score_posting(
    posting: Posting,
    keywords: Iterable[Any],
    comparisons: Sequence[Comparison],
    alignment: TextAlignment | None = None,
) -> PostingResult:
    """Every comparison's result for one posting's extracted keywords."""
    keywords = tuple(keywords)
    results = {
        comparison.name: score_comparison(
            posting,
            predictions_for(posting, keywords, comparison.categories, alignment),
            comparison,
        )
        for comparison in comparisons
    }
    return PostingResult(posting, results)


def comparisons_for(
    category_map: Mapping[str, Sequence[str]] = DEFAULT_CATEGORY_MAP,
    extra: Sequence[Comparison] = EXTRA_COMPARISONS,
) -> tuple[Comparison, ...]:
    """One comparison per gold tag of the category map, then ``extra``.

    A mapped comparison is named after its tag and categories: ``"knowledge vs hard_skill"``.
    """
    mapped = tuple(
        Comparison(f"{tag} vs {'+'.join(categories)}", tag, tuple(categories))
        for tag, categories in category_map.items()
    )
    return mapped + tuple(extra)


def evaluate(
    postings: Iterable[Posting],
    extract: Callable[[str], Any],
    category_map: Mapping[str, Sequence[str]] = DEFAULT_CATEGORY_MAP,
    extra: Sequence[Comparison] = EXTRA_COMPARISONS,
) -> Evaluation:
    """Run ``extract`` on each posting's text once and score it for every comparison."""
    comparisons = comparisons_for(category_map, extra)
    results = []
    for posting in postings:
        extraction = extract(posting.text)
        extracted_text = getattr(extraction, "text", posting.text)
        alignment = None if extracted_text == posting.text else align_texts(posting.text, extracted_text)
        results.append(score_posting(posting, extraction.keywords, comparisons, alignment))
    return Evaluation(comparisons, tuple(results))
