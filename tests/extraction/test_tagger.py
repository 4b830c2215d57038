"""The skill tagger's parts (issue 12): features by role, integer weights, the Viterbi search and its
float fallback, the bounded caches. Equivalence on real documents: test_tagger_equivalence.py."""

from __future__ import annotations

import random

import pytest

from atsmatch.errors import AtsmatchError
from atsmatch.extraction import tagger_weights
from atsmatch.extraction.tagger import MAX_EXACT_TOKENS, SkillTagger
from atsmatch.extraction.tagger_features import (
    FIRST,
    LAST,
    PAIR,
    line_features,
    pair_attributes,
    tag_attributes,
    word_attributes,
)
from atsmatch.extraction.tagger_search import best_paths
from atsmatch.extraction.tagger_weights import exact_units

from .legacy_tagger import LegacyTagger

FIVE = ["O", "B-K", "I-K", "B-S", "I-S"]
TAGS = ["O", "B-hard_skill", "I-hard_skill", "B-soft_skill~", "B-certification"]
WORDS = [
    "Python",
    "data",
    "pipelines",
    "and",
    "SQL",
    ",",
    "Kubernetes",
    "internationalisation",
    "C++",
    "2021",
]


def _role_features(words: list[str], tags: list[str]) -> list[list[str]]:
    """Each token's attributes, assembled from the per-role attributes the tagger sums."""
    parts = [word_attributes(w) for w in words]
    tag_parts = [tag_attributes(t) for t in tags]
    rows = []
    for i in range(len(words)):
        row = [*parts[i][1][0], *tag_parts[i][0]]
        if i == 0:
            row.append(FIRST)
        else:
            row += [
                *parts[i - 1][1][1],
                *tag_parts[i - 1][1],
                pair_attributes(parts[i - 1][0] + PAIR + parts[i][0])[0],
            ]
        if i > 1:
            row += [*parts[i - 2][1][2], *tag_parts[i - 2][2]]
        if i == len(words) - 1:
            row.append(LAST)
        else:
            row += [
                *parts[i + 1][1][3],
                *tag_parts[i + 1][3],
                pair_attributes(parts[i][0] + PAIR + parts[i + 1][0])[1],
            ]
        if i < len(words) - 2:
            row += [*parts[i + 2][1][4], *tag_parts[i + 2][4]]
        rows.append(sorted(row))
    return rows


@pytest.mark.parametrize("length", [1, 2, 3, 4, 7])
def test_roles_name_the_same_attributes_as_line_features(length):
    rng = random.Random(length)
    words = [rng.choice(WORDS) for _ in range(length)]
    tags = [rng.choice(TAGS) for _ in range(length)]
    assert _role_features(words, tags) == [sorted(row) for row in line_features(words, tags)]


@pytest.mark.parametrize(
    "weight, units",
    [(0.1234, 1234), (-4.3335, -43335), (0.0001, 1), (12.5, 125_000), (0.0, 0)],
)
def test_four_decimal_weights_become_exact_units(weight, units):
    assert exact_units(weight) == units
    assert units / 10_000 == weight


@pytest.mark.parametrize("weight", [0.12345, 1e-5, 2_000.0, -1_700.0])
def test_other_weights_are_refused(weight):
    with pytest.raises(AtsmatchError, match="multiple of 1e-4"):
        exact_units(weight)


def _model(labels: list[str], values: list[float], seed: int) -> SkillTagger:
    """A model over WORDS and TAGS with every weight drawn from ``values``: few values, many ties."""
    rng = random.Random(seed)
    probe = [WORDS[i % len(WORDS)] for i in range(12)]
    attributes = {a for row in line_features(probe, [TAGS[i % len(TAGS)] for i in range(12)]) for a in row}
    attributes |= {a for row in line_features(WORDS, TAGS * 2) for a in row}
    state = {}
    for attribute in sorted(attributes):
        chosen = rng.sample(range(len(labels)), rng.randint(1, len(labels)))
        state[attribute] = [x for label in chosen for x in (label, rng.choice(values))]
    transitions = [[rng.choice(values) for _ in labels] for _ in labels]
    return SkillTagger(labels, transitions, state, "test")


@pytest.mark.parametrize(
    "labels, values",
    [
        (
            FIVE,
            [-0.7, -0.3, 0.1, 0.2, 0.3, 0.6],
        ),  # few values, not binary fractions: exact ties, and float sums that differ by order
        (FIVE, [round(0.0001 * k, 4) for k in range(-40_000, 40_000, 7)]),  # ties rare
        (["O", "B-K", "I-K"], [-0.3, 0.1, 0.7]),  # not five labels: the general search, ties too
        (["O", "B-K", "I-K", "B-S", "I-S", "B-X", "I-X"], [round(0.001 * k, 4) for k in range(-900, 900)]),
    ],
)
def test_random_lines_get_the_legacy_labels(labels, values):
    for seed in range(8):
        tagger = _model(labels, values, seed)
        legacy = LegacyTagger.from_tagger(tagger)
        rng = random.Random(seed)
        for _ in range(40):
            length = rng.randint(1, 25)
            words = [rng.choice(WORDS) for _ in range(length)]
            tags = [rng.choice(TAGS) for _ in range(length)]
            assert tagger.tag_line(words, tags) == legacy.tag_line(words, tags)


def test_exact_ties_are_reported_not_guessed():
    # Two labels with the same scores everywhere: the integer search cannot tell them apart.
    assert best_paths([[0, 0]], [[0, 0], [0, 0]]) == [None]
    tagger = _model(FIVE, [-0.7, -0.3, 0.1, 0.2, 0.3, 0.6], 1)
    legacy = LegacyTagger.from_tagger(tagger)
    lines = [[w] for w in WORDS] + [WORDS[:k] for k in range(2, len(WORDS))]
    found = best_paths([tagger._weights.line(w, ["O"] * len(w)) for w in lines], tagger._into)
    assert None in found  # the case this table exists for
    for words in lines:
        assert tagger.tag_line(words, ["O"] * len(words)) == legacy.tag_line(words, ["O"] * len(words))


def test_a_line_longer_than_the_exact_search_gets_the_legacy_labels():
    tagger = SkillTagger.load()
    rng = random.Random(4)
    words = [rng.choice(WORDS) for _ in range(MAX_EXACT_TOKENS + 50)]
    tags = ["O"] * len(words)
    assert tagger.tag_line(words, tags) == LegacyTagger.from_tagger(tagger).tag_line(words, tags)


def test_the_caches_stay_bounded_and_correct(monkeypatch):
    monkeypatch.setattr(tagger_weights, "WORD_CACHE_SIZE", 30)
    monkeypatch.setattr(tagger_weights, "PAIR_CACHE_SIZE", 40)
    monkeypatch.setattr(tagger_weights, "TAGGED_CACHE_SIZE", 20)
    tagger = SkillTagger.load()
    legacy = LegacyTagger.from_tagger(tagger)
    rng = random.Random(9)
    for number in range(60):
        words = [f"{rng.choice(WORDS)}{number}{k}" for k in range(12)]
        tags = [rng.choice(TAGS) for _ in words]
        assert tagger.tag_line(words, tags) == legacy.tag_line(words, tags)
        assert len(tagger._weights._words) <= 30
        assert len(tagger._weights._pairs) <= 40
        assert len(tagger._weights._tagged) <= 20
