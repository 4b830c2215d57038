"""The SkillSpan evaluation's own scorer, on a hand-written BIO fixture and a fake extractor.

Expected figures are computed by hand (see each case's comment); nothing here reads ../shared.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import astuple
from pathlib import Path
from types import SimpleNamespace

import pytest
from evaluation import (
    Counts,
    Posting,
    Scores,
    Span,
    align_texts,
    count_matches,
    evaluate,
    format_errors_markdown,
    format_table,
    most_frequent_missed,
    most_frequent_unmatched,
    postings_from_rows,
    read_bio_jsonl,
    spans_from_bio,
    summary_dict,
    token_span,
)

REPO = Path(__file__).resolve().parents[2]
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "bio_sample.jsonl"
SCRIPT = REPO / "benchmarks" / "eval_skillspan.py"
KNOWLEDGE = "knowledge vs hard_skill"
SKILL = "skill vs soft_skill"
KNOWLEDGE_AND_CERTS = "knowledge vs hard_skill+certification"


@pytest.fixture(scope="module")
def postings() -> dict[str, Posting]:
    return {posting.key: posting for posting in read_bio_jsonl(SAMPLE)}


def fake_extractor(forms: dict[str, tuple[str, str]], normalise=lambda text: text):
    """An ``extract(text)``: every occurrence of each form, as (keyword name, category).

    ``normalise`` changes the text first, the way atsmatch's reader does; offsets then index the
    changed text, which the extraction returns as ``.text``.
    """

    def extract(text: str) -> SimpleNamespace:
        text = normalise(text)
        keywords = []
        for form, (name, category) in forms.items():
            mentions = []
            start = text.find(form)
            while start != -1:
                mentions.append(SimpleNamespace(text=form, start=start, end=start + len(form)))
                start = text.find(form, start + 1)
            if mentions:
                keywords.append(SimpleNamespace(name=name, category=category, mentions=tuple(mentions)))
        return SimpleNamespace(text=text, keywords=tuple(keywords))

    return extract


# In the fixture's tech-1 posting (knowledge gold: Python, machine learning, SQL, Docker,
# Kubernetes): "Python" and "Docker" match exactly, "learning" overlaps "machine learning", SQL and
# Kubernetes are missed by hard_skill, "customers" is a false positive, and a certification covers
# "Kubernetes". In house-1 nothing is predicted.
SAMPLE_FORMS = {
    "Python": ("Python", "hard_skill"),
    "learning": ("Learning", "hard_skill"),
    "Docker": ("Docker", "hard_skill"),
    "customers": ("Customer Service", "hard_skill"),
    "Kubernetes": ("Certified Kubernetes Administrator", "certification"),
    "communicate clearly": ("Communication", "soft_skill"),
}


@pytest.fixture(scope="module")
def sample_evaluation(postings):
    return evaluate(postings.values(), fake_extractor(SAMPLE_FORMS))


# --------------------------------------------------------------------------------------------------
# Reading


def test_postings_are_grouped_by_source_and_idx(postings):
    # Both postings have idx 1: only source tells them apart.
    assert list(postings) == ["tech-1", "house-1"]
    assert [len(p.sentences) for p in postings.values()] == [3, 2]


def test_text_joins_tokens_with_spaces_and_sentences_with_newlines(postings):
    assert postings["house-1"].text == "Food safety training required .\nAble to work in a team ."


@pytest.mark.parametrize("key", ["tech-1", "house-1"])
def test_token_offsets_slice_back_to_the_tokens(postings, key):
    posting = postings[key]
    sliced = [posting.text[s:e] for s, e in zip(posting.token_starts, posting.token_ends, strict=True)]
    assert sliced == list(posting.tokens)


@pytest.mark.parametrize("key", ["tech-1", "house-1"])
def test_sentence_ranges_hold_their_tokens(postings, key):
    posting = postings[key]
    for sentence in posting.sentences:
        tokens = posting.tokens[sentence.first_token : sentence.end_token]
        assert posting.text[sentence.start : sentence.end] == " ".join(tokens)


@pytest.mark.parametrize(
    ("key", "tag", "expected"),
    [
        ("tech-1", "knowledge", ["Python", "machine learning", "SQL", "Docker", "Kubernetes"]),
        ("tech-1", "skill", ["communicate clearly with customers"]),
        ("house-1", "knowledge", ["Food safety"]),  # I I at a sentence start
        ("house-1", "skill", ["work in a team"]),  # I after O
    ],
)
def test_gold_spans(postings, key, tag, expected):
    posting = postings[key]
    assert [posting.span_text(span) for span in posting.gold[tag]] == expected


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ("O O O", []),
        ("B I O", [(0, 2)]),
        ("B B I", [(0, 1), (1, 3)]),  # B ends the span before it
        ("O B I I", [(1, 4)]),  # a span running to the end
        ("I I O", [(0, 2)]),  # I without B starts a span...
        ("O I O B", [(1, 2), (3, 4)]),  # ...after O too
        ("B O I", [(0, 1), (2, 3)]),
        ("B-Skill I-Skill O", [(0, 2)]),  # typed tags: the prefix counts
    ],
)
def test_spans_from_bio(tags, expected):
    assert spans_from_bio(tags.split()) == tuple(Span(s, e) for s, e in expected)


def test_an_unknown_tag_is_an_error():
    with pytest.raises(ValueError, match="not a BIO tag"):
        spans_from_bio(["B", "X"])


def test_tags_must_match_tokens():
    row = {
        "idx": 1,
        "source": "tech",
        "tokens": ["a", "b"],
        "tags_skill": ["O"],
        "tags_knowledge": ["O", "O"],
    }
    with pytest.raises(ValueError, match="2 tokens but 1 tags_skill"):
        postings_from_rows([row])


# --------------------------------------------------------------------------------------------------
# Character spans to token spans


@pytest.mark.parametrize(
    ("substring", "occurrence_offset", "expected"),
    [
        ("Python", 0, (2, 3)),  # one whole token
        ("Pyth", 0, (2, 3)),  # part of a token covers the token
        ("machine learning", 0, (4, 6)),
        ("Python ", 0, (2, 3)),  # the trailing space touches no token
        ("daily .\nYou", 0, (6, 9)),  # across a sentence break
        ("on and ma", 0, (2, 5)),  # ends inside tokens on both sides
    ],
)
def test_token_span_covers_the_tokens_a_prediction_overlaps(postings, substring, occurrence_offset, expected):
    posting = postings["tech-1"]
    start = posting.text.index(substring) + occurrence_offset
    assert token_span(posting, start, start + len(substring)) == Span(*expected)


def test_a_prediction_on_whitespace_only_covers_no_token(postings):
    posting = postings["tech-1"]
    space = posting.text.index(" ")
    assert token_span(posting, space, space + 1) is None


# --------------------------------------------------------------------------------------------------
# Metrics


def spans(*pairs: tuple[int, int]) -> list[Span]:
    return [Span(s, e) for s, e in pairs]


@pytest.mark.parametrize(
    ("gold", "predicted", "strict", "loose"),
    [
        pytest.param(spans((0, 2)), spans((0, 2)), (1, 1, 1), (1, 1, 1), id="exact match"),
        pytest.param(spans((0, 3)), spans((1, 2)), (0, 0, 0), (1, 1, 1), id="partial overlap"),
        # 1 of 2 gold found: P 1/1, R 1/2, F1 2·1·0.5/1.5
        pytest.param(spans((0, 1), (3, 5)), spans((0, 1)), (1, 0.5, 2 / 3), (1, 0.5, 2 / 3), id="a miss"),
        # 1 of 2 predictions right: P 1/2, R 1/1
        pytest.param(
            spans((0, 1)),
            spans((0, 1), (4, 6)),
            (0.5, 1, 2 / 3),
            (0.5, 1, 2 / 3),
            id="false positive",
        ),
        # loose: the one prediction hits (P 1/1) and overlaps both gold spans (R 2/2)
        pytest.param(
            spans((0, 1), (2, 3)),
            spans((0, 3)),
            (0, 0, 0),
            (1, 1, 1),
            id="one prediction, two gold",
        ),
        # loose: both predictions hit (P 2/2), the one gold span is overlapped (R 1/1)
        pytest.param(
            spans((0, 4)),
            spans((0, 1), (2, 3)),
            (0, 0, 0),
            (1, 1, 1),
            id="two predictions, one gold",
        ),
        # no predictions: precision undefined (None), recall 0, F1 undefined
        pytest.param(spans((0, 1)), [], (None, 0, None), (None, 0, None), id="empty predictions"),
        pytest.param([], spans((0, 1)), (0, None, None), (0, None, None), id="no gold"),
        pytest.param([], [], (None, None, None), (None, None, None), id="nothing at all"),
        pytest.param(spans((0, 1)), spans((0, 1), (0, 1)), (1, 1, 1), (1, 1, 1), id="duplicates count once"),
    ],
)
def test_count_matches(gold, predicted, strict, loose):
    counts = count_matches(gold, predicted)
    assert astuple(counts.strict) == pytest.approx(strict)
    assert astuple(counts.loose) == pytest.approx(loose)


def test_counts_add_up_before_dividing():
    total = count_matches(spans((0, 1)), spans((0, 1))) + count_matches(spans((0, 1), (2, 3)), [])
    assert total == Counts(gold=3, predicted=1, strict_matches=1, loose_predicted_hits=1, loose_gold_hits=1)
    assert astuple(total.strict) == pytest.approx((1, 1 / 3, 0.5))


# --------------------------------------------------------------------------------------------------
# The whole evaluation on the fixture


@pytest.mark.parametrize(
    ("comparison", "gold", "predicted", "strict", "loose"),
    [
        # hard_skill: Python, learning, Docker, customers (4) vs 6 gold. Strict: Python, Docker →
        # P 2/4, R 2/6, F1 0.4. Loose: Python, learning, Docker hit → P 3/4; Python, machine
        # learning, Docker found → R 3/6; F1 2·0.75·0.5/1.25 = 0.6.
        (KNOWLEDGE, 6, 4, (0.5, 1 / 3, 0.4), (0.75, 0.5, 0.6)),
        # soft_skill: "communicate clearly" inside "communicate clearly with customers": no strict
        # hit; loose P 1/1, R 1/2 (house-1's "work in a team" missed), F1 2/3.
        (SKILL, 2, 1, (0, 0, 0), (1, 0.5, 2 / 3)),
        # + the Kubernetes certification: strict 3/5 and 3/6; loose P 4/5, R 4/6.
        (KNOWLEDGE_AND_CERTS, 6, 5, (0.6, 0.5, 6 / 11), (0.8, 2 / 3, 8 / 11)),
    ],
)
def test_evaluation_totals(sample_evaluation, comparison, gold, predicted, strict, loose):
    counts = sample_evaluation.totals()[comparison]
    assert (counts.gold, counts.predicted) == (gold, predicted)
    assert astuple(counts.strict) == pytest.approx(strict)
    assert astuple(counts.loose) == pytest.approx(loose)


def test_a_posting_without_predictions_has_undefined_precision(sample_evaluation):
    house = sample_evaluation.postings[1]
    assert house.posting.key == "house-1"
    assert house.results[KNOWLEDGE].counts.strict == Scores(None, 0.0, None)


def test_per_posting_errors(sample_evaluation):
    tech = sample_evaluation.postings[0]
    posting, result = tech.posting, tech.results[KNOWLEDGE]
    assert [posting.span_text(span) for span in result.missed] == ["SQL", "Kubernetes"]
    assert [(p.keyword, p.text) for p in result.unmatched] == [("Customer Service", "customers")]
    assert [(posting.span_text(g), p.text) for g, p in result.partial] == [("machine learning", "learning")]


def test_the_category_map_is_a_parameter(postings):
    evaluation = evaluate(
        postings.values(), fake_extractor(SAMPLE_FORMS), {"skill": ("hard_skill",)}, extra=()
    )
    assert [c.name for c in evaluation.comparisons] == ["skill vs hard_skill"]
    # "customers" (hard_skill) overlaps "communicate clearly with customers".
    assert evaluation.totals()["skill vs hard_skill"].loose_gold_hits == 1


def test_most_frequent_errors(sample_evaluation):
    assert most_frequent_missed(sample_evaluation, KNOWLEDGE) == [
        ("sql", 1),
        ("kubernetes", 1),
        ("food safety", 1),
    ]
    assert most_frequent_unmatched(sample_evaluation, KNOWLEDGE) == [("Customer Service", 1, ["customers"])]


# --------------------------------------------------------------------------------------------------
# An extractor that normalises the text


@pytest.mark.parametrize(
    ("original", "changed", "changed_substring", "original_substring"),
    [
        ("no change here", "no change here", "change", "change"),
        ("It\u2019s Python", "It's Python", "Python", "Python"),
        ("wait\u2026 Python now", "wait... Python now", "Python", "Python"),  # longer
        ("soft\u00adware and SQL", "software and SQL", "SQL", "SQL"),  # shorter
        ("It\u2019s", "It's", "It's", "It\u2019s"),  # a changed character maps to its original
        ("a\nb \u2013 Java\nc", "a\nb - Java\nc", "Java", "Java"),  # only one line differs
    ],
)
def test_alignment_maps_offsets_back(original, changed, changed_substring, original_substring):
    start = changed.index(changed_substring)
    mapped = align_texts(original, changed).original_range(start, start + len(changed_substring))
    assert original[slice(*mapped)] == original_substring


def test_offsets_in_a_normalised_text_are_mapped_back():
    rows = [
        {"idx": 3, "source": "house", "tokens": ["Wait\u2026", "it\u2019s", "Python", "."],
         "tags_skill": ["O"] * 4, "tags_knowledge": ["O", "O", "B", "O"]},
    ]  # fmt: skip
    normalise = lambda text: text.replace("\u2026", "...").replace("\u2019", "'")  # noqa: E731
    extract = fake_extractor({"Python": ("Python", "hard_skill")}, normalise)
    evaluation = evaluate(postings_from_rows(rows), extract)
    assert evaluation.totals()[KNOWLEDGE].strict_matches == 1


# --------------------------------------------------------------------------------------------------
# Reports


def test_table_lists_every_comparison(sample_evaluation):
    table = format_table(sample_evaluation)
    rows = table.splitlines()[2:]
    assert [row.split("  ")[0] for row in rows] == [KNOWLEDGE, SKILL, KNOWLEDGE_AND_CERTS]
    assert rows[0].split()[-8:] == ["6", "4", "50.0", "33.3", "40.0", "75.0", "50.0", "60.0"]


def test_undefined_scores_show_as_na(postings):
    evaluation = evaluate([postings["house-1"]], fake_extractor({}))
    assert "n/a" in format_table(evaluation)


def test_error_report_shows_each_span_in_its_sentence(sample_evaluation):
    report = format_errors_markdown(sample_evaluation, [KNOWLEDGE])
    assert "- You communicate clearly with customers and know **SQL** ." in report
    assert "- Customer Service: You communicate clearly with **customers** and know SQL ." in report
    assert "## house-1 (2 sentences)" in report
    assert SKILL not in report


def test_error_report_escapes_markdown():
    rows = [{"idx": 9, "source": "tech", "tokens": ["<ORGANIZATION>", "uses", "C*"],
             "tags_skill": ["O"] * 3, "tags_knowledge": ["O", "O", "B"]}]  # fmt: skip
    report = format_errors_markdown(evaluate(postings_from_rows(rows), fake_extractor({})))
    assert r"\<ORGANIZATION\> uses **C\***" in report


def test_summary_is_json(sample_evaluation):
    summary = json.loads(json.dumps(summary_dict(sample_evaluation)))
    assert summary["postings"] == 2
    assert summary["comparisons"][KNOWLEDGE]["strict"] == {
        "precision": 0.5,
        "recall": 0.3333,
        "f1": 0.4,
    }
    assert summary["per_posting"][1][KNOWLEDGE]["strict"]["precision"] is None


# --------------------------------------------------------------------------------------------------
# The command


def test_the_command_skips_when_the_data_is_absent(tmp_path):
    missing = tmp_path / "nowhere" / "dev.jsonl"
    out = tmp_path / "results"
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    completed = subprocess.run(
        [sys.executable, str(SCRIPT), "--data", str(missing), "--out", str(out)],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert f"SkillSpan data not found at {missing}; skipping" in completed.stdout
    assert not out.exists()
