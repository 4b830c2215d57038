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
from .tagger_features import FIRST, LAST, pair_attributes, tag_attributes, word_attributes
from .tagger_search import LANE_BITS, LANE_OFFSET

__all__ = ["PAIR_CACHE_SIZE", "WEIGHT_SCALE", "WORD_CACHE_SIZE", "PackedWeights"]

WEIGHT_SCALE = 10_000  # the model's weights have four decimals
# Distinct words whose sums are kept (about 400 bytes each); past that the cache starts again, so a
# long-running service's memory stays bounded whatever words it sees.
WORD_CACHE_SIZE = 20_000
PAIR_CACHE_SIZE = 40_000  # neighbouring words, about 150 bytes each
_MAX_WEIGHT = 1 << 24  # far above any weight, far below a lane's reach with dozens of features


class PackedWeights:
    """Per-word, per-tag and per-pair sums of a model's ``state`` (attribute → label, weight, ...)."""

    def __init__(self, state: dict[str, list[Any]], labels: int) -> None:
        self._state = state
        self._labels = labels
        # Only the model's own attributes are kept here: bounded by the model.
        self._attributes: dict[str, int] = {}
        self._words: dict[str, tuple[Any, ...]] = {}
        self._tags: dict[str, tuple[int, ...]] = {}
        self._pairs: dict[str, tuple[int, int]] = {}
        self._offset = sum(LANE_OFFSET << (LANE_BITS * label) for label in range(labels))
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

    def _sum(self, names: tuple[str, ...]) -> int:
        return sum(map(self.attribute, names))

    def word(self, word: str) -> tuple[Any, ...]:
        """``(lowercase, own, prev, prev2, next, next2)``: the word's sums in each role."""
        found = self._words.get(word)
        if found is None:
            low, roles = word_attributes(word)
            found = (low, *map(self._sum, roles))
            if len(self._words) >= WORD_CACHE_SIZE:
                self._words.clear()
            self._words[word] = found
        return found

    def tag(self, tag: str) -> tuple[int, ...]:
        """A lexicon tag's sums in each role; the lanes' offset rides on ``own``, once per token."""
        found = self._tags.get(tag)
        if found is None:  # bounded: a few lexicon categories, B-/I-, confirmed or not
            own, *others = map(self._sum, tag_attributes(tag))
            found = (own + self._offset, *others)
            self._tags[tag] = found
        return found

    def pair(self, first: str, second: str) -> tuple[int, int]:
        """Two neighbouring lowercase words' sums as the second token sees them and as the first does."""
        key = first + "|" + second
        found = self._pairs.get(key)
        if found is None:
            back, ahead = pair_attributes(first, second)
            found = (self.attribute(back), self.attribute(ahead))
            if len(self._pairs) >= PAIR_CACHE_SIZE:
                self._pairs.clear()
            self._pairs[key] = found
        return found

    def line(self, words: list[str], tags: list[str]) -> list[int]:
        """Each token's packed emission, for one line's words and lexicon tags."""
        parts = [self.word(w) for w in words]
        tag_parts = [self.tag(t) for t in tags]
        own = [w[1] + t[0] for w, t in zip(parts, tag_parts, strict=True)]
        if len(parts) == 1:
            return [own[0] + self._first + self._last]
        pairs = [self.pair(a[0], b[0]) for a, b in zip(parts[:-1], parts[1:], strict=True)]
        # What token i gets from token i-1 (and their pair), i-2, i+1 (and their pair), i+2.
        before = [self._first] + [
            w[2] + t[1] + p[0] for w, t, p in zip(parts[:-1], tag_parts[:-1], pairs, strict=True)
        ]
        before2 = [0, 0] + [w[3] + t[2] for w, t in zip(parts[:-2], tag_parts[:-2], strict=True)]
        after = [w[4] + t[3] + p[1] for w, t, p in zip(parts[1:], tag_parts[1:], pairs, strict=True)] + [
            self._last
        ]
        after2 = [w[5] + t[4] for w, t in zip(parts[2:], tag_parts[2:], strict=True)] + [0, 0]
        return [a + b + c + d + e for a, b, c, d, e in zip(own, before, before2, after, after2, strict=True)]


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
