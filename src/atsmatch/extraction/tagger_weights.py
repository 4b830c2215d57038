"""The skill tagger's weights as integers packed per label, summed per word rather than per feature.

A token's emission is the sum of its features' weights. Grouped by what they depend on
(``tagger_features.ROLES``), a word's attributes sum once to one packed integer per role, kept in a
bounded cache of words; a token's emission is then a handful of integer additions: its own word and
tag, its neighbours' contributions, the two word pairs it is part of. Each weight is an integer count
of 1e-4 (the model stores four decimals, checked on reading), and every label's sum sits in its own
lane of one Python integer (``tagger_search.LANE_BITS`` bits), so one addition adds all labels.
"""

from __future__ import annotations

from typing import Any

from ..errors import AtsmatchError
from .tagger_features import FIRST, LAST, OUTSIDE, PAIR, pair_attributes, tag_attributes, word_attributes
from .tagger_search import LANE_BITS, LANE_OFFSET

__all__ = ["PAIR_CACHE_SIZE", "WEIGHT_SCALE", "WORD_CACHE_SIZE", "PackedWeights"]

WEIGHT_SCALE = 10_000  # the model's weights have four decimals
# Distinct words (about 440 bytes each) and neighbouring pairs (about 110 bytes, most of them
# unknown to the model and sharing one value) whose sums are kept; past that a cache starts again,
# so a long-running service's memory stays bounded whatever words it sees: about 12 MB at most
# (measured with made-up words; the tagger before issue 12 kept up to 4 MB of attribute rows).
# SkillSpan's 58 dev postings hold 5,563 distinct words and 22,093 distinct pairs; train and dev,
# 10,063 and 56,464.
WORD_CACHE_SIZE = 10_000
PAIR_CACHE_SIZE = 60_000
TAGGED_CACHE_SIZE = 2_000  # (word, lexicon tag) for the tokens of lexicon mentions
_NO_PAIR = (0, 0)
_MAX_WEIGHT = 1 << 24  # far above any weight, far below a lane's reach with dozens of features


class PackedWeights:
    """Per-word, per-tag and per-pair sums of a model's ``state`` (attribute → label, weight, ...)."""

    def __init__(self, state: dict[str, list[Any]], labels: int) -> None:
        self._state = state
        # Only the model's own attributes are kept here: bounded by the model.
        self._attributes: dict[str, int] = {}
        # Word → (lowercase, own, prev, prev2, next, next2), as a token outside every lexicon
        # mention (tag O) has them: most tokens. Other tags add their difference from O.
        self._words: dict[str, tuple[Any, ...]] = {}
        self._pairs: dict[str, tuple[int, int]] = {}
        self._retags: dict[str, tuple[int, ...]] = {}  # bounded: lexicon categories, B-/I-, ~
        self._tagged: dict[tuple[str, str], tuple[Any, ...]] = {}  # words in lexicon mentions
        # Every lane is raised once per token (riding on ``own``), so no lane goes negative.
        offset = sum(LANE_OFFSET << (LANE_BITS * label) for label in range(labels))
        self._outside = [a + b for a, b in zip(self._tag_sums(OUTSIDE), (offset, 0, 0, 0, 0), strict=True)]
        # A missing neighbour: zero in every role; the first and last tokens' own features.
        self._none = (None, 0, 0, 0, 0, 0)
        self._first = self.attribute(FIRST)
        self._last = self.attribute(LAST)

    def attribute(self, name: str) -> int:
        """One attribute's weights, packed; 0 for an attribute the model does not know."""
        packed = self._attributes.get(name)
        if packed is None:
            pairs = self._state.get(name)
            if not pairs:
                return 0
            packed = 0
            for k in range(0, len(pairs), 2):
                packed += exact_units(pairs[k + 1]) << (LANE_BITS * int(pairs[k]))
            self._attributes[name] = packed
        return packed

    def _tag_sums(self, tag: str) -> list[int]:
        return [sum(map(self.attribute, names)) for names in tag_attributes(tag)]

    def word(self, word: str) -> tuple[Any, ...]:
        """``(lowercase, own, prev, prev2, next, next2)``: the word's sums in each role, tag O."""
        found = self._words.get(word)
        if found is None:
            low, roles = word_attributes(word)
            sums = [sum(map(self.attribute, names)) for names in roles]
            found = (low, *(a + b for a, b in zip(sums, self._outside, strict=True)))
            if len(self._words) >= WORD_CACHE_SIZE:
                self._words.clear()
            self._words[word] = found
        return found

    def _retagged(self, word: str, sums: tuple[Any, ...], tag: str) -> tuple[Any, ...]:
        """A word's sums (``sums``, with tag O) for a token with lexicon tag ``tag``."""
        change = self._retags.get(tag)
        if change is None:
            change = tuple(a - b for a, b in zip(self._tag_sums(tag), self._tag_sums(OUTSIDE), strict=True))
            self._retags[tag] = change
        found = (sums[0], *(a + b for a, b in zip(sums[1:], change, strict=True)))
        if len(self._tagged) >= TAGGED_CACHE_SIZE:
            self._tagged.clear()
        self._tagged[word, tag] = found
        return found

    def pair(self, key: str) -> tuple[int, int]:
        """Two neighbouring words' sums (``first + PAIR + second``), as the second token sees them
        and as the first does."""
        found = self._pairs.get(key)
        if found is None:
            back, ahead = pair_attributes(key)
            found = (self.attribute(back), self.attribute(ahead))
            if found == _NO_PAIR:
                found = _NO_PAIR  # one shared value for all the pairs the model does not know
            if len(self._pairs) >= PAIR_CACHE_SIZE:
                self._pairs.clear()
            self._pairs[key] = found
        return found

    def line(self, words: list[str], tags: list[str]) -> list[int]:
        """Each token's packed emission, for one line's words and lexicon tags."""
        known, pairs = self._words.get, self._pairs.get
        parts = [known(w) or self.word(w) for w in words]
        if tags.count(OUTSIDE) != len(tags):
            tagged = self._tagged.get
            parts = [
                p if t == OUTSIDE else tagged((w, t)) or self._retagged(w, p, t)
                for w, p, t in zip(words, parts, tags, strict=True)
            ]
        keys = [a[0] + PAIR + b[0] for a, b in zip(parts[:-1], parts[1:], strict=True)]
        # Token i's pair with i-1 (or its first-token features) and with i+1 (or its last-token ones).
        around = [(self._first, 0), *[pairs(k) or self.pair(k) for k in keys], (0, self._last)]
        padded = [self._none, self._none, *parts, self._none, self._none]  # token i is padded[i + 2]
        return [
            p[1] + before[2] + before2[3] + after[4] + after2[5] + back[0] + ahead[1]
            for p, before, before2, after, after2, back, ahead in zip(
                parts, padded[1:], padded, padded[3:], padded[4:], around, around[1:], strict=False
            )
        ]


def exact_units(weight: float) -> int:
    """A weight in units of 1e-4, refusing one with more decimals (integer sums must be exact).

    Raises:
        AtsmatchError: the model was not written by ``training/train_tagger.py``.
    """
    units = round(weight * WEIGHT_SCALE)
    if units / WEIGHT_SCALE != weight or abs(units) >= _MAX_WEIGHT:
        raise AtsmatchError(
            f"the skill tagger's model holds a weight ({weight!r}) that is not a multiple of 1e-4 "
            "below 1,677; rebuild it with `python training/train_tagger.py`."
        )
    return units
