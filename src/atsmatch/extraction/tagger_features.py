"""What the skill tagger sees of each token: the word, its shape and affixes, its neighbours, and
what the lexicon matcher made of it.

Shared by training (``training/train_tagger.py``) and tagging, so the two can never drift apart.
A change here changes the model's input: retrain and bump ``FEATURES_VERSION``.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from ..models import Extraction

__all__ = [
    "FEATURES_VERSION",
    "FIRST",
    "LAST",
    "OUTSIDE",
    "PAIR",
    "ROLES",
    "lexicon_tags",
    "line_features",
    "pair_attributes",
    "tag_attributes",
    "word_attributes",
    "word_shape",
]

FEATURES_VERSION = 1
OUTSIDE = "O"  # the lexicon tag of a token outside every mention
FIRST, LAST = "first", "last"  # the features of a line's first and last token


def word_shape(word: str) -> str:
    """Runs of capitals, lowercase, digits and symbols, squeezed: ``Node.js`` → ``Xx.x``, ``2021`` → ``d``."""
    shape: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)[:6]


def lexicon_tags(extraction: Extraction, spans: Sequence[tuple[int, int]]) -> list[str]:
    """One tag per token: ``B-``/``I-`` plus the category of the lexicon mention it stands in
    (``~`` marks an ambiguous word confirmed by context), ``O`` outside every mention."""
    tags = [OUTSIDE] * len(spans)
    starts = [start for start, _ in spans]
    for keyword in extraction.keywords:
        if keyword.source != "lexicon":
            continue
        mark = keyword.category + ("~" if keyword.mentions[0].confirmed_by else "")
        for mention in keyword.mentions:
            first = bisect.bisect_left(starts, mention.start)
            position = first
            while position < len(spans) and spans[position][0] < mention.end:
                tags[position] = ("B-" if position == first else "I-") + mark
                position += 1
    return tags


def line_features(words: Sequence[str], lexicon: Sequence[str]) -> list[list[str]]:
    """The features of each token of one line, as crfsuite attribute strings."""
    lowers = [w.lower() for w in words]
    shapes = [word_shape(w) for w in words]
    last = len(words) - 1
    features = []
    for i, low in enumerate(lowers):
        row = [
            "bias", "w=" + low, "s=" + shapes[i], "p3=" + low[:3], "x3=" + low[-3:], "x2=" + low[-2:],
            "lx=" + lexicon[i], "lxc=" + lexicon[i][2:],
        ]  # fmt: skip
        if len(low) > 12:
            row.append("long")
        if i == 0:
            row.append("first")
        else:
            row += ["w-1=" + lowers[i - 1], "s-1=" + shapes[i - 1], "lx-1=" + lexicon[i - 1],
                    "ww-1=" + lowers[i - 1] + PAIR + low]  # fmt: skip
            if i > 1:
                row += ["w-2=" + lowers[i - 2], "lx-2=" + lexicon[i - 2]]
        if i == last:
            row.append("last")
        else:
            row += ["w+1=" + lowers[i + 1], "s+1=" + shapes[i + 1], "lx+1=" + lexicon[i + 1],
                    "ww+1=" + low + PAIR + lowers[i + 1]]  # fmt: skip
            if i < last - 1:
                row += ["w+2=" + lowers[i + 2], "lx+2=" + lexicon[i + 2]]
        features.append(row)
    return features


# The same features grouped by what they depend on, for the tagger, which sums a token's weights
# from per-word parts: a word's own attributes, and those it gives the tokens one and two places
# after and before it (``prev``: as seen from the next token). The roles' order is that of
# ``ROLES``; tests check that these and ``line_features`` name the same attributes for every token.
ROLES = ("own", "prev", "prev2", "next", "next2")


def word_attributes(word: str) -> tuple[str, tuple[tuple[str, ...], ...]]:
    """The word's lowercase form and its attributes in each of ``ROLES``."""
    low = word.lower()
    shape = word_shape(word)
    own = ("w=" + low, "s=" + shape, "p3=" + low[:3], "x3=" + low[-3:], "x2=" + low[-2:])
    if len(low) > 12:
        own += ("long",)
    return low, (own, ("w-1=" + low, "s-1=" + shape), ("w-2=" + low,), ("w+1=" + low, "s+1=" + shape),
                 ("w+2=" + low,))  # fmt: skip


def tag_attributes(tag: str) -> tuple[tuple[str, ...], ...]:
    """A lexicon tag's attributes in each of ``ROLES`` (``bias`` goes with every token's own)."""
    return (
        ("bias", "lx=" + tag, "lxc=" + tag[2:]),
        ("lx-1=" + tag,),
        ("lx-2=" + tag,),
        ("lx+1=" + tag,),
        ("lx+2=" + tag,),
    )


PAIR = "|"  # joins two neighbouring tokens' lowercase words in their pair features


def pair_attributes(key: str) -> tuple[str, str]:
    """The attributes of two neighbours' words (``first + PAIR + second``), as the second token
    sees them and as the first does."""
    return "ww-1=" + key, "ww+1=" + key
