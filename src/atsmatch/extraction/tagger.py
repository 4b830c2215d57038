"""The trained skill tagger: a linear-chain CRF that marks Knowledge and Skill spans line by line.

Trained with python-crfsuite by ``training/train_tagger.py`` on SkillSpan's training split; the
weights ship in the package (``extraction/data/skill_tagger.json.gz``) and are applied here in pure
Python, so tagging needs no extra dependency. The model is read on first use, never at import.

Since issue 12 a token's emission is a few integer additions of per-word sums
(``tagger_weights``) and the Viterbi search runs in integers (``tagger_search``), four times faster
than the per-feature float sums before it, with the same label on every token: where the integer
search finds an exact tie, or a line is very long, the float search of before decides
(``tests/extraction/test_tagger_equivalence.py`` pins this against the old tagger).

One joint label scheme (``B-K``, ``I-K``, ``B-S``, ``I-S``, ``O``): only 2% of SkillSpan's tagged
tokens carry both tags, so one model costs half of two; where both tags stand, Knowledge is kept.
"""

from __future__ import annotations

import bisect
import gc
import gzip
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import AtsmatchError
from ..models import Extraction
from .tagger_features import FEATURES_VERSION, lexicon_tags, line_features
from .tagger_search import best_paths, float_best_path
from .tagger_weights import PackedWeights, exact_units
from .tokenizer import line_starts, tokenize

__all__ = ["MODEL_FILE", "SkillTagger", "TaggedSpan", "spans_from_labels"]

MODEL_FILE = "skill_tagger.json.gz"
TAG_NAMES = {"K": "knowledge", "S": "skill"}
# Lines up to this many tokens are searched in integers (float sums within 1e-7 of the exact ones,
# far inside the 1e-4 of any margin); longer ones (a whole document on one line) as before.
MAX_EXACT_TOKENS = 2_000


@dataclass(frozen=True)
class TaggedSpan:
    """Characters ``start`` to ``end`` of the text, tagged ``knowledge`` or ``skill``."""

    start: int
    end: int
    tag: str


def spans_from_labels(labels: list[str]) -> list[tuple[int, int, str]]:
    """``(first, end, tag)`` token ranges from BIO labels; a stray ``I-`` opens a span."""
    spans: list[tuple[int, int, str]] = []
    current: list[Any] | None = None
    for position, label in enumerate(labels):
        prefix, _, tag = label.partition("-")
        if current is not None and (prefix != "I" or tag != current[2]):
            spans.append((current[0], current[1], current[2]))
            current = None
        if prefix == "B" or (prefix == "I" and current is None):
            current = [position, position + 1, tag]
        elif prefix == "I" and current is not None:
            current[1] = position + 1
    if current is not None:
        spans.append((current[0], current[1], current[2]))
    return spans


class SkillTagger:
    """CRF weights and the Viterbi search over them.

    Args:
        labels: the label of each index.
        transitions: ``transitions[a][b]``, the weight of label ``b`` after label ``a``.
        state: attribute → ``[label index, weight, label index, weight, ...]``.
        version: a short hash of the model file, for cache keys and reports.
    """

    def __init__(
        self,
        labels: list[str],
        transitions: list[list[float]],
        state: dict[str, list[Any]],
        version: str,
    ) -> None:
        self.labels = labels
        self.transitions = transitions
        self.version = version
        self._state = state
        self._weights = PackedWeights(state, len(labels))
        # The transition weights into each label, as the Viterbi search reads them.
        self._into = [[exact_units(row[label]) for row in transitions] for label in range(len(labels))]
        self._float_into = [[row[label] for row in transitions] for label in range(len(labels))]
        self._outside = labels.index("O") if "O" in labels else -1

    @classmethod
    def load(cls, path: str | Path | None = None) -> SkillTagger:
        """The packaged model, or the one at ``path``.

        Raises:
            AtsmatchError: the model file is missing or was built for other features.
        """
        try:
            if path is None:
                raw = resources.files("atsmatch.extraction").joinpath("data", MODEL_FILE).read_bytes()
            else:
                raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise AtsmatchError(
                f"the skill tagger's model ({path or MODEL_FILE}) is missing; reinstall atsmatch, "
                "or rebuild it with `python training/train_tagger.py`, or pass tagger=False."
            ) from None
        data = _loads_without_gc(gzip.decompress(raw))
        if data.get("features_version") != FEATURES_VERSION:
            raise AtsmatchError(
                f"the skill tagger's model was built for features version {data.get('features_version')}, "
                f"this atsmatch computes version {FEATURES_VERSION}; rebuild it with "
                "`python training/train_tagger.py`."
            )
        return cls(data["labels"], data["transitions"], data["state"], hashlib.sha256(raw).hexdigest()[:12])

    def tag_line(self, words: list[str], lexicon: list[str]) -> list[str]:
        """The best label sequence for one line's tokens."""
        return [self.labels[i] for i in self._paths([(words, lexicon)])[0]] if words else []

    def _paths(self, lines: list[tuple[list[str], list[str]]]) -> list[list[int]]:
        """The best label path of each line, given as its words and lexicon tags (not empty)."""
        exact = [i for i, (words, _) in enumerate(lines) if len(words) <= MAX_EXACT_TOKENS]
        emissions = [self._weights.line(*lines[i]) for i in exact]
        paths: list[list[int] | None] = [None] * len(lines)
        for i, path in zip(exact, best_paths(emissions, self._into), strict=True):
            paths[i] = path
        return [self._float_path(*line) if p is None else p for p, line in zip(paths, lines, strict=True)]

    def _float_path(self, words: list[str], tags: list[str]) -> list[int]:
        """The search in floating point, as before issue 12: for exact ties and very long lines."""
        zero = [0.0] * len(self.labels)
        emissions = []
        for row in line_features(words, tags):
            found = [self._dense(a) for a in row if self._state.get(a)]
            emissions.append([sum(column) for column in zip(*found, strict=True)] if found else zero)
        return float_best_path(emissions, self._float_into)

    def _dense(self, attribute: str) -> tuple[float, ...]:
        pairs = self._state[attribute]
        row = [0.0] * len(self.labels)
        for k in range(0, len(pairs), 2):
            row[int(pairs[k])] = pairs[k + 1]
        return tuple(row)

    @property
    def state(self) -> dict[str, list[Any]]:
        """The model's weights as read: attribute → ``[label index, weight, ...]``."""
        return self._state

    def _lines(self, extraction: Extraction) -> tuple[list[list[tuple[int, int]]], list[list[int]]]:
        """Each non-empty line's token spans, and its best label path."""
        text = extraction.text
        spans = tokenize(text)
        tags = lexicon_tags(extraction, spans)
        token_starts = [start for start, _ in spans]
        line_spans, lines = [], []
        first = 0
        for next_line in [*line_starts(text)[1:], len(text) + 1]:
            last = bisect.bisect_left(token_starts, next_line, first)
            if last > first:
                line = spans[first:last]
                line_spans.append(line)
                lines.append(([text[s:e] for s, e in line], tags[first:last]))
            first = last
        return line_spans, self._paths(lines)

    def token_labels(self, extraction: Extraction) -> list[str]:
        """The label of every token of the extraction's text."""
        return [self.labels[i] for path in self._lines(extraction)[1] for i in path]

    def tag(self, extraction: Extraction) -> list[TaggedSpan]:
        """Knowledge and Skill spans in the extraction's text, line by line, using its lexicon
        mentions as features."""
        found: list[TaggedSpan] = []
        for spans, path in zip(*self._lines(extraction), strict=True):
            if path.count(self._outside) != len(path):
                labels = [self.labels[i] for i in path]
                for begin, end, tag in spans_from_labels(labels):
                    found.append(TaggedSpan(spans[begin][0], spans[end - 1][1], TAG_NAMES[tag]))
        return found


def _loads_without_gc(data: bytes) -> Any:
    """``json.loads`` with the garbage collector paused: the model is 40,000 small lists, and
    collections triggered while they are made walk every live object (spaCy's too)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return json.loads(data)
    finally:
        if enabled:
            gc.enable()
