"""The trained skill tagger: a linear-chain CRF that marks Knowledge and Skill spans line by line.

Trained with python-crfsuite by ``training/train_tagger.py`` on SkillSpan's training split; the
weights ship in the package (``extraction/data/skill_tagger.json.gz``) and are applied here in pure
Python (features, weight sums, Viterbi), so tagging needs no extra dependency. The model is read on
first use, never at import.

One joint label scheme (``B-K``, ``I-K``, ``B-S``, ``I-S``, ``O``): only 2% of SkillSpan's tagged
tokens carry both tags, so one model costs half of two; where both tags stand, Knowledge is kept.
"""

from __future__ import annotations

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
from .tokenizer import line_starts, tokenize

__all__ = ["MODEL_FILE", "SkillTagger", "TaggedSpan", "spans_from_labels"]

MODEL_FILE = "skill_tagger.json.gz"
TAG_NAMES = {"K": "knowledge", "S": "skill"}


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
        # Attribute → one weight per label (a token's scores are then column sums, done in C),
        # filled as documents need them, since building all 40,000 rows up front would double the
        # load time. Only the model's own attributes are kept, so a long-running service's memory
        # stays bounded by the model whatever words it sees.
        self._weights: dict[str, tuple[float, ...]] = {}
        # The transition weights into each label, as the Viterbi search reads them.
        self._into = [[row[label] for row in transitions] for label in range(len(transitions))]

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
        return [self.labels[i] for i in _viterbi(emissions, self._into)]

    def _dense(self, attribute: str) -> tuple[float, ...] | None:
        pairs = self._state.get(attribute)
        if not pairs:
            return None
        row = [0.0] * len(self.labels)
        for k in range(0, len(pairs), 2):
            row[int(pairs[k])] = pairs[k + 1]
        return tuple(row)

    def tag(self, extraction: Extraction) -> list[TaggedSpan]:
        """Knowledge and Skill spans in the extraction's text, line by line, using its lexicon
        mentions as features."""
        text = extraction.text
        spans = tokenize(text)
        tags = lexicon_tags(extraction, spans)
        starts = line_starts(text)
        found: list[TaggedSpan] = []
        first = 0
        for line in range(len(starts)):
            end_of_line = starts[line + 1] if line + 1 < len(starts) else len(text) + 1
            last = first
            while last < len(spans) and spans[last][0] < end_of_line:
                last += 1
            if last > first:
                words = [text[s:e] for s, e in spans[first:last]]
                labels = self.tag_line(words, tags[first:last])
                for begin, end, tag in spans_from_labels(labels):
                    found.append(
                        TaggedSpan(spans[first + begin][0], spans[first + end - 1][1], TAG_NAMES[tag])
                    )
            first = last
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


def _viterbi(emissions: list[list[float]], into: list[list[float]]) -> list[int]:
    """The best label path; ``into[b][a]`` is the weight of label ``b`` after label ``a``."""
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
