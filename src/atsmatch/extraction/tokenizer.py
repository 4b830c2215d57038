"""The one tokenizer used for both documents and lexicon forms, so they always line up.

Words keep inner dots, ampersands and apostrophes and trailing ``+``/``#`` (``Node.js``, ``R&D``,
``C++``, ``C#``, ``.NET``, ``bachelor's``); every other punctuation mark is a token of its own. It is a
single regular expression: spaCy's rule-based tokenizer is far slower and its finer rules buy nothing
for phrase matching. Kept behind ``tokenize`` so it can be swapped and benchmarked.
"""

from __future__ import annotations

import re

__all__ = ["TOKEN_PATTERN", "line_starts", "token_texts", "tokenize"]

_WORD = r"\w+(?:[.&'](?=\w)\w+)*[+#]*"  # word with inner . & ' and trailing + or #
TOKEN_PATTERN = re.compile(
    _WORD  # tried first: most tokens are words
    + r"|(?<![\w.])\.(?=[A-Za-z])"  # a leading dot, as in .NET
    + _WORD
    + r"|[^\w\s]"  # any other symbol alone
)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token boundaries as ``(start, end)`` character offsets into ``text``."""
    return [match.span() for match in TOKEN_PATTERN.finditer(text)]


def token_texts(text: str) -> list[str]:
    """Token strings of ``text``: how a lexicon form is split before it becomes a pattern."""
    return TOKEN_PATTERN.findall(text)


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts; ``bisect`` on it gives a 0-based line."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts
