"""Score skill extraction against span-annotated job postings (SkillSpan's BIO format).

The gold data is one JSON object per sentence: ``tokens``, one BIO tag per token for each tag type
(``tags_skill``, ``tags_knowledge``), and ``source`` + ``idx`` naming the posting the sentence
belongs to. A posting's text is rebuilt by joining each sentence's tokens with single spaces and the
sentences with ``"\\n"``; every token keeps its character offsets in that text.

Predicted mentions (character offsets) become token spans: a prediction covers every token it
overlaps. Two ways to count a hit:

* **strict**: a predicted span and a gold span cover the same tokens (same start and end);
* **loose**: they share at least one token. Loose precision counts predictions overlapping any gold
  span; loose recall counts gold spans overlapped by any prediction.

Scores are micro-averaged: counts are summed over postings before dividing. A ratio whose
denominator is 0 is ``None`` (undefined), not 0: with no predictions precision is ``None``, with no
gold spans recall is ``None``, and F1 is ``None`` when either is. F1 is 0 when precision and recall
are both 0.

This module holds pure functions over plain data and imports only the standard library: it never
builds an ``Analyzer``. ``evaluate`` takes any ``extract(text)`` callable returning an object with
``.keywords`` (each with ``.name``, ``.category`` and ``.mentions`` carrying ``.text``, ``.start``,
``.end``) and, optionally, ``.text``: when that text differs from the one passed in (atsmatch
normalises quotes, dashes and invisible characters), mention offsets are mapped back through a
character alignment of the two texts.
"""

from __future__ import annotations

import difflib
import json
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = [
    "DEFAULT_CATEGORY_MAP",
    "EXTRA_COMPARISONS",
    "TAG_FIELDS",
    "Comparison",
    "ComparisonResult",
    "Counts",
    "Evaluation",
    "Posting",
    "PostingResult",
    "Prediction",
    "Scores",
    "Sentence",
    "Span",
    "TextAlignment",
    "align_texts",
    "comparisons_for",
    "count_matches",
    "evaluate",
    "format_errors_markdown",
    "format_table",
    "most_frequent_missed",
    "most_frequent_unmatched",
    "postings_from_rows",
    "predictions_for",
    "read_bio_jsonl",
    "score_comparison",
    "score_posting",
    "spans_from_bio",
    "summary_dict",
    "token_span",
]

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


# --------------------------------------------------------------------------------------------------
# Reading BIO data


def read_bio_jsonl(path: str | Path) -> tuple[Posting, ...]:
    """The postings in a BIO jsonl file, in the order they first appear."""
    with Path(path).open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return postings_from_rows(rows)


def postings_from_rows(rows: Iterable[Mapping[str, Any]]) -> tuple[Posting, ...]:
    """Group sentence rows by (``source``, ``idx``) and build one posting per group."""
    groups: dict[tuple[str, Any], list[Mapping[str, Any]]] = {}
    for row in rows:
        groups.setdefault((row["source"], row["idx"]), []).append(row)
    return tuple(build_posting(source, idx, sentences) for (source, idx), sentences in groups.items())


def build_posting(source: str, idx: int | str, rows: Sequence[Mapping[str, Any]]) -> Posting:
    """One posting from its sentence rows, in order."""
    for row in rows:
        check_row(row)
    tokens, starts, ends, sentences = lay_out_tokens([row["tokens"] for row in rows])
    return Posting(
        source=source,
        idx=idx,
        text="\n".join(" ".join(row["tokens"]) for row in rows),
        tokens=tokens,
        token_starts=starts,
        token_ends=ends,
        sentences=sentences,
        gold={tag: gold_spans(rows, field_name, sentences) for tag, field_name in TAG_FIELDS.items()},
    )


def lay_out_tokens(
    sentences: Sequence[Sequence[str]],
) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[Sentence, ...]]:
    """Tokens, their start and end offsets, and the sentences, in the text the sentences make.

    The text joins a sentence's tokens with one space and the sentences with ``"\\n"``.
    """
    tokens: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    laid_out: list[Sentence] = []
    position = 0
    for sentence_tokens in sentences:
        if laid_out:
            position += 1  # the "\n" between sentences
        first_token, sentence_start = len(tokens), position
        for index, token in enumerate(sentence_tokens):
            if index:
                position += 1  # the space between tokens
            starts.append(position)
            position += len(token)
            ends.append(position)
            tokens.append(token)
        laid_out.append(Sentence(first_token, len(tokens), sentence_start, position))
    return tuple(tokens), tuple(starts), tuple(ends), tuple(laid_out)


def gold_spans(
    rows: Sequence[Mapping[str, Any]], field_name: str, sentences: Sequence[Sentence]
) -> tuple[Span, ...]:
    """The spans one tag field marks, numbered across the posting."""
    return tuple(
        Span(sentence.first_token + span.start, sentence.first_token + span.end)
        for row, sentence in zip(rows, sentences, strict=True)
        for span in spans_from_bio(row[field_name])
    )


def check_row(row: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` unless every tag list has one tag per token."""
    for field_name in TAG_FIELDS.values():
        if len(row[field_name]) != len(row["tokens"]):
            raise ValueError(
                f"posting {row['source']}-{row['idx']}: {len(row['tokens'])} tokens but "
                f"{len(row[field_name])} {field_name}"
            )


def spans_from_bio(tags: Sequence[str]) -> tuple[Span, ...]:
    """The spans a BIO tag sequence marks, as token ranges of that sequence.

    ``B`` starts a span and ``I`` continues it. An ``I`` without a span to continue (at the start
    or after an ``O``) starts a span too: the annotator marked those tokens as part of a skill, and
    dropping them would lose gold spans over a tagging slip. Tags may carry a type suffix
    (``B-Skill``); only the prefix letter is read.
    """
    spans: list[Span] = []
    start: int | None = None
    for index, tag in enumerate(tags):
        prefix = bio_prefix(tag)
        if prefix == "I" and start is not None:
            continue
        if start is not None:
            spans.append(Span(start, index))
        start = None if prefix == "O" else index
    if start is not None:
        spans.append(Span(start, len(tags)))
    return tuple(spans)


def bio_prefix(tag: str) -> str:
    """``B``, ``I`` or ``O`` from a tag such as ``B`` or ``I-Skill``; ``ValueError`` otherwise."""
    prefix = tag.split("-", 1)[0]
    if prefix not in ("B", "I", "O"):
        raise ValueError(f"not a BIO tag: {tag!r}")
    return prefix


# --------------------------------------------------------------------------------------------------
# Predictions as token spans


def token_span(posting: Posting, start: int, end: int) -> Span | None:
    """The tokens characters ``start:end`` overlap, or ``None`` when they overlap none."""
    first = bisect_right(posting.token_ends, start)  # first token ending after start
    stop = bisect_left(posting.token_starts, end)  # tokens before this one start before end
    return Span(first, stop) if first < stop else None


@dataclass(frozen=True)
class TextAlignment:
    """Maps character offsets in a changed text back to the original it was made from.

    ``blocks`` are (changed_start, changed_end, original_start, original_end, equal), covering both
    texts in order.
    """

    blocks: tuple[tuple[int, int, int, int, bool], ...]

    def original_range(self, start: int, end: int) -> tuple[int, int]:
        """Where changed-text characters ``start:end`` came from in the original.

        Inside an unchanged block offsets shift; inside a changed one (``’`` → ``'``) the range
        widens to the whole original block, so a mention never loses the characters it stood on.
        """
        return self._original(start, at_end=False), self._original(max(end, start + 1), at_end=True)

    def _original(self, offset: int, *, at_end: bool) -> int:
        """The original offset for a changed-text offset (a start, or an exclusive end)."""
        starts = [block[0] for block in self.blocks]
        # An end offset belongs to the block holding its last character.
        index = max(bisect_right(starts, offset - 1 if at_end else offset) - 1, 0)
        changed_start, _, original_start, original_end, equal = self.blocks[index]
        if equal:
            return original_start + offset - changed_start
        return original_end if at_end else original_start


def align_texts(original: str, changed: str) -> TextAlignment:
    """A character alignment of ``changed`` to ``original``.

    Lines are aligned first and characters only within lines that differ: a character-level
    ``SequenceMatcher`` over a whole posting takes seconds, and normalisation changes few lines.
    """
    original_lines = original.splitlines(keepends=True)
    changed_lines = changed.splitlines(keepends=True)
    original_offsets = line_offsets(original_lines)
    changed_offsets = line_offsets(changed_lines)
    matcher = difflib.SequenceMatcher(None, original_lines, changed_lines, autojunk=False)
    blocks: list[tuple[int, int, int, int, bool]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        o_start, o_end = original_offsets[i1], original_offsets[i2]
        c_start, c_end = changed_offsets[j1], changed_offsets[j2]
        if op == "equal":
            blocks.append((c_start, c_end, o_start, o_end, True))
        else:
            blocks.extend(character_blocks(original, changed, (o_start, o_end), (c_start, c_end)))
    return TextAlignment(tuple(block for block in blocks if block[0] < block[1]) or ((0, 0, 0, 0, True),))


def line_offsets(lines: Sequence[str]) -> list[int]:
    """The character offset of each line's start, plus the total length."""
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    return offsets


def character_blocks(
    original: str, changed: str, original_range: tuple[int, int], changed_range: tuple[int, int]
) -> list[tuple[int, int, int, int, bool]]:
    """Alignment blocks for one differing region, character by character."""
    o_base, c_base = original_range[0], changed_range[0]
    matcher = difflib.SequenceMatcher(
        None, original[slice(*original_range)], changed[slice(*changed_range)], autojunk=False
    )
    return [
        (c_base + j1, c_base + j2, o_base + i1, o_base + i2, op == "equal")
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
    ]


def predictions_for(
    posting: Posting,
    keywords: Iterable[Any],
    categories: Iterable[str],
    alignment: TextAlignment | None = None,
) -> tuple[Prediction, ...]:
    """Every mention of a keyword in ``categories`` as a token span, one per span, in text order.

    Two keywords claiming the same tokens count once (the first is kept): scoring is over spans.
    A mention overlapping no token (only whitespace) is dropped. ``alignment`` maps offsets from
    the extractor's text back to ``posting.text`` when the two differ.
    """
    wanted = set(categories)
    by_span: dict[Span, Prediction] = {}
    for keyword in keywords:
        if keyword.category not in wanted:
            continue
        for mention in keyword.mentions:
            start, end = mention.start, mention.end
            if alignment is not None:
                start, end = alignment.original_range(start, end)
            span = token_span(posting, start, end)
            if span is not None and span not in by_span:
                by_span[span] = Prediction(span, keyword.name, keyword.category, mention.text, start, end)
    return tuple(by_span[span] for span in sorted(by_span))


# --------------------------------------------------------------------------------------------------
# Metrics


def ratio(numerator: int, denominator: int) -> float | None:
    """``numerator / denominator``, or ``None`` when the denominator is 0."""
    return numerator / denominator if denominator else None


def scores(precision: float | None, recall: float | None) -> Scores:
    """Precision, recall and their harmonic mean (``None`` if either is ``None``)."""
    if precision is None or recall is None:
        return Scores(precision, recall, None)
    total = precision + recall
    return Scores(precision, recall, 2 * precision * recall / total if total else 0.0)


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


# --------------------------------------------------------------------------------------------------
# Reports


def most_frequent_missed(evaluation: Evaluation, comparison: str, top: int = 30) -> list[tuple[str, int]]:
    """The gold spans missed most often (lower-cased text, count), most frequent first."""
    counter = Counter(
        result.posting.span_text(span).lower()
        for result in evaluation.postings
        for span in result.results[comparison].missed
    )
    return counter.most_common(top)


def most_frequent_unmatched(
    evaluation: Evaluation, comparison: str, top: int = 30
) -> list[tuple[str, int, list[str]]]:
    """The keywords most often extracted where no gold span is: (name, count, forms seen)."""
    counter: Counter[str] = Counter()
    forms: dict[str, set[str]] = {}
    for result in evaluation.postings:
        for prediction in result.results[comparison].unmatched:
            counter[prediction.keyword] += 1
            forms.setdefault(prediction.keyword, set()).add(prediction.text)
    return [(name, count, sorted(forms[name])) for name, count in counter.most_common(top)]


def rounded(value: float | None, digits: int = 4) -> float | None:
    """``value`` rounded, keeping ``None``."""
    return None if value is None else round(value, digits)


def scores_dict(counts: Counts) -> dict[str, Any]:
    """Counts and strict/loose scores as JSON-ready data."""
    return {
        "gold": counts.gold,
        "predicted": counts.predicted,
        "strict_matches": counts.strict_matches,
        "loose_predicted_hits": counts.loose_predicted_hits,
        "loose_gold_hits": counts.loose_gold_hits,
        "strict": {k: rounded(v) for k, v in vars(counts.strict).items()},
        "loose": {k: rounded(v) for k, v in vars(counts.loose).items()},
    }


def summary_dict(evaluation: Evaluation, top: int = 30) -> dict[str, Any]:
    """The full result as JSON-ready data: totals, the most frequent errors, per-posting figures."""
    totals = evaluation.totals()
    return {
        "postings": len(evaluation.postings),
        "sentences": sum(len(result.posting.sentences) for result in evaluation.postings),
        "tokens": sum(len(result.posting.tokens) for result in evaluation.postings),
        "comparisons": {
            c.name: {
                "gold_tag": c.gold_tag,
                "categories": list(c.categories),
                **scores_dict(totals[c.name]),
            }
            for c in evaluation.comparisons
        },
        "most_frequent_missed": {
            c.name: [{"text": text, "count": n} for text, n in most_frequent_missed(evaluation, c.name, top)]
            for c in evaluation.comparisons
        },
        "most_frequent_unmatched": {
            c.name: [
                {"keyword": name, "count": n, "forms": seen}
                for name, n, seen in most_frequent_unmatched(evaluation, c.name, top)
            ]
            for c in evaluation.comparisons
        },
        "per_posting": [
            {
                "posting": result.posting.key,
                "sentences": len(result.posting.sentences),
                **{name: scores_dict(r.counts) for name, r in result.results.items()},
            }
            for result in evaluation.postings
        ],
    }


def percent(value: float | None) -> str:
    """A fraction as a percentage with one decimal, or ``n/a``."""
    return "n/a" if value is None else f"{100 * value:.1f}"


def format_table(evaluation: Evaluation) -> str:
    """The per-comparison table: gold and predicted counts, strict and loose P/R/F1 in percent."""
    totals = evaluation.totals()
    width = max(len("comparison"), *(len(c.name) for c in evaluation.comparisons))
    header = (
        f"{'comparison':<{width}}  {'gold':>5} {'pred':>5}  "
        f"{'strict P':>8} {'R':>5} {'F1':>5}  {'loose P':>7} {'R':>5} {'F1':>5}"
    )
    lines = [header, "-" * len(header)]
    for comparison in evaluation.comparisons:
        counts = totals[comparison.name]
        strict, loose = counts.strict, counts.loose
        lines.append(
            f"{comparison.name:<{width}}  {counts.gold:>5} {counts.predicted:>5}  "
            f"{percent(strict.precision):>8} {percent(strict.recall):>5} {percent(strict.f1):>5}  "
            f"{percent(loose.precision):>7} {percent(loose.recall):>5} {percent(loose.f1):>5}"
        )
    return "\n".join(lines)


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_<>\[\]|])")


def escape_markdown(text: str) -> str:
    """Text with the characters Markdown would act on (``<ORGANIZATION>``, ``*``...) escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def highlighted_sentence(posting: Posting, start: int, end: int) -> str:
    """The sentence holding character ``start`` with ``start:end`` in bold, escaped for Markdown."""
    sentence = posting.sentence_at(start)
    end = min(end, sentence.end)
    before = posting.text[sentence.start : start]
    inside = posting.text[start:end]
    after = posting.text[end : sentence.end]
    return f"{escape_markdown(before)}**{escape_markdown(inside)}**{escape_markdown(after)}"


def gold_lines(posting: Posting, spans: Iterable[Span]) -> list[str]:
    """One Markdown bullet per gold span: the sentence with the span in bold."""
    return [f"- {highlighted_sentence(posting, *posting.char_range(span))}" for span in spans]


def prediction_lines(posting: Posting, predictions: Iterable[Prediction]) -> list[str]:
    """One Markdown bullet per prediction: its keyword, then its sentence, the mention in bold."""
    return [
        f"- {escape_markdown(p.keyword)}: {highlighted_sentence(posting, p.start, p.end)}"
        for p in predictions
    ]


def partial_lines(posting: Posting, pairs: Iterable[tuple[Span, Prediction]]) -> list[str]:
    """One Markdown bullet per boundary disagreement: gold text ~ predicted text."""
    return [
        f'- gold "{escape_markdown(posting.span_text(gold))}" ~ {escape_markdown(p.keyword)} '
        f'"{escape_markdown(posting.span_text(p.span))}"'
        for gold, p in pairs
    ]


def posting_errors_markdown(result: PostingResult, comparisons: Sequence[str]) -> list[str]:
    """The Markdown section of one posting: per comparison, missed, unmatched and partial spans."""
    posting = result.posting
    lines = [f"## {posting.key} ({len(posting.sentences)} sentences)", ""]
    for name in comparisons:
        r = result.results[name]
        lines += [f"### {name}: {r.counts.gold} gold, {r.counts.predicted} predicted", ""]
        lines += [f"Missed ({len(r.missed)}):", "", *gold_lines(posting, r.missed), ""]
        lines += [
            f"Unmatched ({len(r.unmatched)}):",
            "",
            *prediction_lines(posting, r.unmatched),
            "",
        ]
        if r.partial:
            lines += [
                f"Other boundaries ({len(r.partial)}):",
                "",
                *partial_lines(posting, r.partial),
                "",
            ]
    return lines


def frequent_errors_markdown(evaluation: Evaluation, comparisons: Sequence[str], top: int) -> list[str]:
    """The Markdown tables of the most frequent missed spans and unmatched keywords."""
    lines: list[str] = []
    for name in comparisons:
        lines += [
            f"## {name}: most frequent missed gold spans",
            "",
            "| count | gold span |",
            "|---:|---|",
        ]
        lines += [
            f"| {n} | {escape_markdown(text)} |" for text, n in most_frequent_missed(evaluation, name, top)
        ]
        lines += ["", f"## {name}: most frequent unmatched extractions", ""]
        lines += ["| count | keyword | forms |", "|---:|---|---|"]
        lines += [
            f"| {n} | {escape_markdown(keyword)} | {escape_markdown(', '.join(forms))} |"
            for keyword, n, forms in most_frequent_unmatched(evaluation, name, top)
        ]
        lines.append("")
    return lines


def format_errors_markdown(
    evaluation: Evaluation,
    comparisons: Sequence[str] | None = None,
    *,
    title: str = "Where extraction and the gold spans disagree",
    preamble: Sequence[str] = (),
    top: int = 30,
) -> str:
    """A readable report: the most frequent errors, then every posting's missed and unmatched spans.

    ``comparisons`` defaults to all; "missed" and "unmatched" are judged loosely (no shared token),
    "other boundaries" lists overlaps that are not strict matches.
    """
    names = list(comparisons) if comparisons is not None else [c.name for c in evaluation.comparisons]
    lines = [f"# {title}", "", *preamble]
    lines += [
        "Missed: a gold span no extraction overlaps. Unmatched: an extraction overlapping no",
        "gold span. Other boundaries: an extraction overlapping a gold span with different ends",
        "(a loose match but not a strict one). The span is in bold in its sentence.",
        "",
    ]
    lines += frequent_errors_markdown(evaluation, names, top)
    lines += ["# Postings", ""]
    for result in evaluation.postings:
        lines += posting_errors_markdown(result, names)
    return "\n".join(lines).rstrip("\n") + "\n"
