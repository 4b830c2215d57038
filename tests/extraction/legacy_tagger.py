"""The skill tagger as it was applied before issue 12: features as strings, one weight row per
attribute, column sums and a Viterbi search per line, all in pure Python.

Kept as the reference the vectorised ``SkillTagger`` must agree with on every token
(``tests/extraction/test_tagger_equivalence.py``); it reads the same weights, so it checks the
algorithm, not the model file. Not used by atsmatch itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from atsmatch.extraction.tagger import SkillTagger
from atsmatch.extraction.tagger_features import lexicon_tags
from atsmatch.extraction.tokenizer import line_starts, tokenize
from atsmatch.models import Extraction


def word_shape(word: str) -> str:
    shape: list[str] = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)[:6]


def line_features(words: Sequence[str], lexicon: Sequence[str]) -> list[list[str]]:
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
                    "ww-1=" + lowers[i - 1] + "|" + low]  # fmt: skip
            if i > 1:
                row += ["w-2=" + lowers[i - 2], "lx-2=" + lexicon[i - 2]]
        if i == last:
            row.append("last")
        else:
            row += ["w+1=" + lowers[i + 1], "s+1=" + shapes[i + 1], "lx+1=" + lexicon[i + 1],
                    "ww+1=" + low + "|" + lowers[i + 1]]  # fmt: skip
            if i < last - 1:
                row += ["w+2=" + lowers[i + 2], "lx+2=" + lexicon[i + 2]]
        features.append(row)
    return features


class LegacyTagger:
    """``labels``, ``transitions[a][b]`` (label b after a) and ``state``: attribute → weight per label."""

    def __init__(self, labels: list[str], transitions: list[list[float]], state: dict[str, list[float]]):
        self.labels = labels
        self._state = state
        self._into = [[row[label] for row in transitions] for label in range(len(transitions))]

    @classmethod
    def from_tagger(cls, tagger: SkillTagger) -> LegacyTagger:
        """The same weights as ``tagger``, as dense per-attribute rows."""
        return cls(list(tagger.labels), tagger.transitions, tagger.attribute_weights())

    def tag_line(self, words: list[str], lexicon: list[str]) -> list[str]:
        if not words:
            return []
        emissions = []
        for row in line_features(words, lexicon):
            found = [self._state[a] for a in row if a in self._state]
            emissions.append(
                [sum(column) for column in zip(*found, strict=True)] if found else [0.0] * len(self.labels)
            )
        return [self.labels[i] for i in viterbi(emissions, self._into)]

    def token_labels(self, extraction: Extraction) -> list[str]:
        """One label per token of the extraction's text, line by line."""
        text = extraction.text
        spans = tokenize(text)
        tags = lexicon_tags(extraction, spans)
        starts = line_starts(text)
        labels: list[str] = []
        first = 0
        for line in range(len(starts)):
            end_of_line = starts[line + 1] if line + 1 < len(starts) else len(text) + 1
            last = first
            while last < len(spans) and spans[last][0] < end_of_line:
                last += 1
            words = [text[s:e] for s, e in spans[first:last]]
            labels += self.tag_line(words, tags[first:last])
            first = last
        return labels


def viterbi(emissions: list[list[float]], into: list[list[float]]) -> list[int]:
    labels = range(len(into))
    score = list(emissions[0])
    back: list[list[int]] = []
    for emission in emissions[1:]:
        pointers = []
        new_score = []
        for label in labels:
            candidates = [s + t for s, t in zip(score, into[label], strict=True)]
            best = max(labels, key=candidates.__getitem__)
            pointers.append(best)
            new_score.append(candidates[best] + emission[label])
        score = new_score
        back.append(pointers)
    best = max(labels, key=score.__getitem__)
    path = [best]
    for pointers in reversed(back):
        best = pointers[best]
        path.append(best)
    return path[::-1]
