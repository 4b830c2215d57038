"""Predicted mentions (character offsets, perhaps into a normalised text) as token spans."""

from __future__ import annotations

import difflib
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .data import Posting, Prediction, Span

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
