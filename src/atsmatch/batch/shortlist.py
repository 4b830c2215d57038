"""Shortlisting: an inverted index from keywords to the documents holding them, giving the top-k
resumes for a posting (or postings for a resume) by weighted keyword coverage, before any full report.

Plain dicts: a query touches only the postings' keywords' holder lists, so with 10,000 resumes it
takes about a millisecond (benchmarks/batch.py). The coverage is the score's own numerator and
denominator without near-misses, degree substitution or requirement checks: an upper-bound-like
estimate that orders candidates, not the report.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping

from ..models import ScoringWeights
from ..scoring.score import keyword_weight
from ..understanding.posting import PostingReading

__all__ = ["KeywordIndex", "posting_weights"]


def posting_weights(reading: PostingReading, weights: ScoringWeights = ScoringWeights()) -> dict[str, float]:
    """Each posting keyword's weight, as the score counts it (category × repeats × requirement × title)."""
    return {
        wanted.keyword.name: keyword_weight(
            wanted.keyword.category,
            len(wanted.mentions),
            weights,
            requirement=wanted.requirement,
            in_title=wanted.in_title,
        )
        for wanted in reading.keywords
    }


class KeywordIndex:
    """Documents by keyword, each with a weight per keyword (1 for a resume's, the posting's weight
    for a posting's). Labels are the documents' names; ties keep the order they were added in."""

    def __init__(self) -> None:
        self._holders: dict[str, list[tuple[int, float]]] = {}
        self._labels: list[str] = []
        self._totals: list[float] = []

    def __len__(self) -> int:
        return len(self._labels)

    def add(self, label: str, keywords: Mapping[str, float] | Iterable[str]) -> None:
        """Index a document's keywords (names alone weigh 1)."""
        weighted = keywords if isinstance(keywords, Mapping) else dict.fromkeys(keywords, 1.0)
        number = len(self._labels)
        self._labels.append(label)
        self._totals.append(sum(weighted.values()))
        for name, weight in weighted.items():
            self._holders.setdefault(name, []).append((number, weight))

    def holders_covering(self, wanted: Mapping[str, float], k: int) -> list[tuple[str, float]]:
        """The ``k`` documents covering most of ``wanted``'s weight: resumes for a posting.

        Returns:
            ``(label, percent of wanted weight held)``, best first; documents holding none left out.
        """
        total = sum(wanted.values()) or 1.0
        gained: dict[int, float] = {}
        for name, weight in wanted.items():
            for number, _ in self._holders.get(name, ()):
                gained[number] = gained.get(number, 0.0) + weight
        return self._best(gained, total_of=lambda _: total, k=k)

    def covered_by(self, held: Iterable[str], k: int) -> list[tuple[str, float]]:
        """The ``k`` documents whose own weight ``held`` covers most: postings for a resume."""
        gained: dict[int, float] = {}
        for name in set(held):
            for number, weight in self._holders.get(name, ()):
                gained[number] = gained.get(number, 0.0) + weight
        return self._best(gained, total_of=lambda n: self._totals[n] or 1.0, k=k)

    def _best(self, gained: dict[int, float], *, total_of, k: int) -> list[tuple[str, float]]:
        best = heapq.nsmallest(k, ((-g / total_of(n), n) for n, g in gained.items()))
        return [(self._labels[n], round(-negative * 100, 1)) for negative, n in best]
