"""Tables, JSON summaries and the per-posting error report."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from .data import Counts, Evaluation, Posting, PostingResult, Prediction, Span

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
