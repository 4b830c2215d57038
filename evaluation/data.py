"""The evaluation's data: spans, sentences, postings, predictions and counts."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

#: Gold tag type → the JSON field holding its BIO tags.
TAG_FIELDS: Mapping[str, str] = {"skill": "tags_skill", "knowledge": "tags_knowledge"}

#: Gold tag type → the atsmatch categories scored against it.
DEFAULT_CATEGORY_MAP: Mapping[str, tuple[str, ...]] = {
    "knowledge": ("hard_skill",),
    "skill": ("soft_skill",),
}


# --------------------------------------------------------------------------------------------------
# Data


@dataclass(frozen=True, order=True)
class Span:
    """Tokens ``start`` to ``end`` (exclusive), numbered across the whole posting."""

    start: int
    end: int

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one token."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Sentence:
    """One sentence of a posting: its token range and its character range in the posting's text."""

    first_token: int
    end_token: int
    start: int
    end: int


@dataclass(frozen=True)
class Posting:
    """A posting rebuilt from its sentences, with token offsets and gold spans per tag type."""

    source: str
    idx: int | str
    text: str
    tokens: tuple[str, ...]
    token_starts: tuple[int, ...]
    token_ends: tuple[int, ...]
    sentences: tuple[Sentence, ...]
    gold: Mapping[str, tuple[Span, ...]]

    @property
    def key(self) -> str:
        """``source-idx``: unique, since ``idx`` alone repeats across sources."""
        return f"{self.source}-{self.idx}"

    def char_range(self, span: Span) -> tuple[int, int]:
        """The characters a token span covers in ``text``."""
        return self.token_starts[span.start], self.token_ends[span.end - 1]

    def span_text(self, span: Span) -> str:
        """The text of a token span (its tokens joined as in ``text``)."""
        start, end = self.char_range(span)
        return self.text[start:end]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding character ``offset`` (a ``"\\n"`` belongs to the one before)."""
        starts = [sentence.start for sentence in self.sentences]
        return self.sentences[max(bisect_right(starts, offset) - 1, 0)]


@dataclass(frozen=True)
class Comparison:
    """One row of the evaluation: gold spans of one tag type against some atsmatch categories."""

    name: str
    gold_tag: str
    categories: tuple[str, ...]


#: Rows reported besides the category map's: certifications are knowledge in SkillSpan's terms.
EXTRA_COMPARISONS: tuple[Comparison, ...] = (
    Comparison("knowledge vs hard_skill+certification", "knowledge", ("hard_skill", "certification")),
)


@dataclass(frozen=True)
class Prediction:
    """One extracted mention as a token span.

    ``text`` is the mention as the extractor saw it; ``start`` and ``end`` index ``posting.text``.
    """

    span: Span
    keyword: str
    category: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F1; ``None`` where a denominator is 0."""

    precision: float | None
    recall: float | None
    f1: float | None


@dataclass(frozen=True)
class Counts:
    """The counts precision and recall are made of; they add up across postings."""

    gold: int = 0
    predicted: int = 0
    strict_matches: int = 0
    loose_predicted_hits: int = 0
    loose_gold_hits: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            gold=self.gold + other.gold,
            predicted=self.predicted + other.predicted,
            strict_matches=self.strict_matches + other.strict_matches,
            loose_predicted_hits=self.loose_predicted_hits + other.loose_predicted_hits,
            loose_gold_hits=self.loose_gold_hits + other.loose_gold_hits,
        )

    @property
    def strict(self) -> Scores:
        """Scores where a hit is a predicted span equal to a gold span."""
        return scores(ratio(self.strict_matches, self.predicted), ratio(self.strict_matches, self.gold))

    @property
    def loose(self) -> Scores:
        """Scores where a hit is any token overlap."""
        return scores(
            ratio(self.loose_predicted_hits, self.predicted), ratio(self.loose_gold_hits, self.gold)
        )


@dataclass(frozen=True)
class ComparisonResult:
    """One comparison in one posting: the spans, their counts, and where they disagree."""

    comparison: Comparison
    gold: tuple[Span, ...]
    predictions: tuple[Prediction, ...]
    counts: Counts
    missed: tuple[Span, ...]
    unmatched: tuple[Prediction, ...]
    partial: tuple[tuple[Span, Prediction], ...]


@dataclass(frozen=True)
class PostingResult:
    """Every comparison's result for one posting."""

    posting: Posting
    results: Mapping[str, ComparisonResult]


@dataclass(frozen=True)
class Evaluation:
    """The whole evaluation: per-posting results for every comparison."""

    comparisons: tuple[Comparison, ...]
    postings: tuple[PostingResult, ...]

    def totals(self) -> dict[str, Counts]:
        """Counts summed over postings, per comparison name (micro-averaging)."""
        totals = {comparison.name: Counts() for comparison in self.comparisons}
        for posting in self.postings:
            for name, result in posting.results.items():
                totals[name] += result.counts
        return totals


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or ``None`` when the denominator is 0."""
    return numerator / denominator if denominator else None


def scores(precision: float | None, recall: float | None) -> Scores:
    """Precision, recall and their harmonic mean (``None`` if either is ``None``)."""
    if precision is None or recall is None:
        return Scores(precision, recall, None)
    total = precision + recall
    return Scores(precision, recall, 2 * precision * recall / total if total else 0.0)
