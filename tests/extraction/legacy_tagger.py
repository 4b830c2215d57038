"""The skill tagger as it was applied before issue 12 (``SkillTagger`` at commit 0d6e6e8, renamed):
features as strings, one weight row per attribute, column sums and a Viterbi search per line, all
in pure Python, with its own copy of the feature code.

The reference the packed-integer ``SkillTagger`` must agree with on every token
(``tests/extraction/test_tagger_equivalence.py``) and the baseline of ``benchmarks/bench_tagger.py``.
It reads the same weights, so it checks the algorithm, not the model file. Not used by atsmatch.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
from collections.abc import Sequence
from importlib import resources
from typing import Any

from atsmatch.extraction.tagger import MODEL_FILE, TAG_NAMES, SkillTagger, TaggedSpan, spans_from_labels
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
    """``labels``, ``transitions[a][b]`` (label b after a), ``state``: attribute → [label, weight, ...]."""

    def __init__(self, labels: list[str], transitions: list[list[float]], state: dict[str, list[Any]]):
        self.labels = labels
        self.transitions = transitions
        self._state = state
        self._weights: dict[str, tuple[float, ...]] = {}
        self._into = [[row[label] for row in transitions] for label in range(len(transitions))]

    @classmethod
    def from_tagger(cls, tagger: SkillTagger) -> LegacyTagger:
        """The same weights as ``tagger``."""
        return cls(tagger.labels, tagger.transitions, tagger.state)

    @classmethod
    def load(cls) -> LegacyTagger:
        """The packaged model, read as before issue 12 (for the load-time baseline)."""
        raw = resources.files("atsmatch.extraction").joinpath("data", MODEL_FILE).read_bytes()
        enabled = gc.isenabled()
        gc.disable()
        try:
            data = json.loads(gzip.decompress(raw))
        finally:
            if enabled:
                gc.enable()
        hashlib.sha256(raw).hexdigest()  # the version string the old load made too
        return cls(data["labels"], data["transitions"], data["state"])

    def tag_line(self, words: list[str], lexicon: list[str]) -> list[str]:
        if not words:
            return []
        weights = self._weights
        emissions = []
        for row in line_features(words, lexicon):
            found = []
            for attribute in row:
                weight = weights.get(attribute)
                if weight is None:
                    weight = self._dense(attribute)
                    if weight is None:
                        continue
                    weights[attribute] = weight
                found.append(weight)
            emissions.append(
                [sum(column) for column in zip(*found, strict=True)] if found else [0.0] * len(self.labels)
            )
        return [self.labels[i] for i in viterbi(emissions, self._into)]

    def _dense(self, attribute: str) -> tuple[float, ...] | None:
        pairs = self._state.get(attribute)
        if not pairs:
            return None
        row = [0.0] * len(self.labels)
        for k in range(0, len(pairs), 2):
            row[int(pairs[k])] = pairs[k + 1]
        return tuple(row)

    def _lines(self, extraction: Extraction):
        text = extraction.text
        spans = tokenize(text)
        tags = lexicon_tags(extraction, spans)
        starts = line_starts(text)
        first = 0
        for line in range(len(starts)):
            end_of_line = starts[line + 1] if line + 1 < len(starts) else len(text) + 1
            last = first
            while last < len(spans) and spans[last][0] < end_of_line:
                last += 1
            if last > first:
                words = [text[s:e] for s, e in spans[first:last]]
                yield first, spans, self.tag_line(words, tags[first:last])
            first = last

    def token_labels(self, extraction: Extraction) -> list[str]:
        return [label for _, _, labels in self._lines(extraction) for label in labels]

    def tag(self, extraction: Extraction) -> list[TaggedSpan]:
        found: list[TaggedSpan] = []
        for first, spans, labels in self._lines(extraction):
            for begin, end, tag in spans_from_labels(labels):
                found.append(TaggedSpan(spans[first + begin][0], spans[first + end - 1][1], TAG_NAMES[tag]))
        return found


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
