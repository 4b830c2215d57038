"""A text's tokens, found once and carried through the stages that read them.

Kept apart from ``tokenizer`` on purpose: the shipped lexicon table is keyed by the tokenizer's
source, and nothing here changes how a text is split.
"""

from __future__ import annotations

from .tokenizer import line_starts, tokenize

__all__ = ["Tokens", "lowered_tokens"]


def lowered_tokens(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """Each token lowercased. The text is lowercased once and sliced where that gives the same
    (lowercasing must not change lengths or depend on neighbouring letters, as Greek final sigma
    does)."""
    if text.isascii():
        lowered = text.lower()
        return [lowered[start:end] for start, end in spans]
    # Lowercasing never empties a character, so the same length means one character each; only
    # sigma's lowercase depends on its neighbours.
    lowered = text.lower()
    if len(lowered) == len(text) and "Σ" not in text:
        return [lowered[start:end] for start, end in spans]
    return [text[start:end].lower() for start, end in spans]


class Tokens:
    """A text's tokens, found once and carried through the stages that read them (the matcher,
    word forms, list mining), with its line starts: no stage tokenizes the text again."""

    __slots__ = ("_line_starts", "lowered", "spans", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans = tokenize(text)
        self.lowered = lowered_tokens(text, self.spans)
        self._line_starts: list[int] | None = None

    @property
    def line_starts(self) -> list[int]:
        """``line_starts(text)``, computed on first use."""
        if self._line_starts is None:
            self._line_starts = line_starts(self.text)
        return self._line_starts
