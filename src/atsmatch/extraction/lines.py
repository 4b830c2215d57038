"""Lines of a tokenized document, looked up when asked: the line of a token, the tokens of a line,
and the lists written one item per line (``Required Skills`` / ``Airflow`` / ``Apache Spark``).

Everything is computed on demand and remembered, so a document with no ambiguous candidate pays
nothing, and each line is examined a bounded number of times: linear in the document's length.
"""

from __future__ import annotations

import bisect

from .context import ContextRules

__all__ = ["TokenLines", "VerticalLists", "Words"]

_ITEM_ENDS = frozenset({",", ";", "."})
_MAX_BLANK_LINES = 2  # between two items of one list


class Words:
    """The tokens' texts as written, sliced from the text only when asked for: the hot path works on
    lowercased tokens, and only the few words around ambiguous candidates are ever read."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self._text = text
        self._spans = spans

    def __len__(self) -> int:
        return len(self._spans)

    def __getitem__(self, index):  # int -> str, slice -> list[str]
        if isinstance(index, slice):
            return [self._text[start:end] for start, end in self._spans[index]]
        start, end = self._spans[index]
        return self._text[start:end]


class TokenLines:
    """The 1-based line of each token, and each line's token range."""

    def __init__(self, text: str, spans: list[tuple[int, int]], line_starts: list[int]) -> None:
        self.text = text
        self.spans = spans
        self.line_starts = line_starts
        self._line_of: dict[int, int] = {}
        self._tokens_of: dict[int, range] = {}

    def __getitem__(self, token: int) -> int:
        line = self._line_of.get(token)
        if line is None:
            line = self._line_of[token] = bisect.bisect_right(self.line_starts, self.spans[token][0])
        return line

    @property
    def count(self) -> int:
        return len(self.line_starts)

    def tokens(self, line: int) -> range:
        """Indices of the tokens on ``line`` (1-based)."""
        found = self._tokens_of.get(line)
        if found is None:
            first = bisect.bisect_left(self.spans, (self.line_starts[line - 1],))
            following = self.line_starts[line] if line < len(self.line_starts) else len(self.text) + 1
            last = bisect.bisect_left(self.spans, (following,), lo=first)
            found = self._tokens_of[line] = range(first, last)
        return found


class VerticalLists:
    """Lists written one item per line: short lines, optional bullets, under a heading or not.

    An *item line* has at most ``rules.list_item_max_tokens`` tokens once bullets and a trailing
    comma or full stop are set aside, none of them an ordinary-use word ("with our", "to the"), and
    is not a *heading* (a short line with a list-label word,
    ending with a colon or written in title case: ``Required Skills``, ``Tools:``). Items of one list
    follow each other with at most two blank lines between them.
    """

    def __init__(self, lines: TokenLines, words: Words, lowered: list[str], rules: ContextRules) -> None:
        self._lines = lines
        self._words = words
        self._lowered = lowered
        self._rules = rules
        self._items: dict[int, range | None] = {}
        self._headings: dict[int, str | None] = {}
        self._list_heading: dict[int, str | None] = {}

    def item(self, line: int) -> range | None:
        """The item's tokens if ``line`` is an item line (bullets and trailing marks left out)."""
        if line in self._items:
            return self._items[line]
        tokens = self._lines.tokens(line)
        first, last = tokens.start, tokens.stop
        words, rules = self._words, self._rules
        while first < last and words[first] in rules.bullets:
            first += 1
        while last > first and words[last - 1] in _ITEM_ENDS:
            last -= 1
        item = None
        # An item names a thing: no function words ("Experience with our tools" is a phrase).
        if (
            0 < last - first <= rules.list_item_max_tokens
            and not any(self._lowered[i] in rules.ordinary_use_next for i in range(first, last))
            and self.heading(line) is None
        ):
            item = range(first, last)
        self._items[line] = item
        return item

    def heading(self, line: int) -> str | None:
        """The line's text if it reads as the heading of a skills list, else None."""
        if line in self._headings:
            return self._headings[line]
        tokens = self._lines.tokens(line)
        words, lowered = self._words, self._lowered
        last = tokens.stop
        colon = last > tokens.start and words[last - 1] == ":"
        body = range(tokens.start, last - 1 if colon else last)
        heading = None
        if 0 < len(body) <= 5 and any(lowered[i] in self._rules.list_labels for i in body):
            title_case = all(not words[i][:1].isalpha() or words[i][:1].isupper() for i in body)
            if colon or title_case:
                heading = " ".join(words[i] for i in body)
        self._headings[line] = heading
        return heading

    def neighbour_items(self, line: int) -> list[int]:
        """The item lines just above and below an item line, within the same list."""
        found = []
        for step in (-1, 1):
            other = self._next_nonblank(line, step)
            if other is not None and self.item(other) is not None:
                found.append(other)
        return found

    def list_heading(self, line: int) -> str | None:
        """The heading of the list that item line ``line`` belongs to, if it has one."""
        # Walk up the list, remembering every item passed, so each line is walked once.
        passed = []
        current: int | None = line
        heading = None
        while current is not None:
            if current in self._list_heading:
                heading = self._list_heading[current]
                break
            passed.append(current)
            above = self._next_nonblank(current, -1)
            if above is None:
                break
            if self.item(above) is None:
                heading = self.heading(above)
                break
            current = above
        for item_line in passed:
            self._list_heading[item_line] = heading
        return heading

    def _next_nonblank(self, line: int, step: int) -> int | None:
        other = line + step
        for _ in range(_MAX_BLANK_LINES + 1):
            if not 1 <= other <= self._lines.count:
                return None
            if len(self._lines.tokens(other)):
                return other
            other += step
        return None
