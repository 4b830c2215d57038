"""Reading SkillSpan-style BIO jsonl into postings with gold spans."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .data import TAG_FIELDS, Posting, Sentence, Span

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
