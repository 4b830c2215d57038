"""The shortlist: weighted keyword coverage from an inverted index, both directions; `--top K`."""

from __future__ import annotations

import json

import pytest

from atsmatch import batch
from atsmatch.batch import KeywordIndex

from .conftest import POSTING, run_cli

WANTED = {"Python": 2.0, "SQL": 1.0, "Docker": 1.0}


@pytest.fixture
def resumes() -> KeywordIndex:
    index = KeywordIndex()
    for label, keywords in [("all", ["Python", "SQL", "Docker", "Excel"]), ("python", ["Python"]),
                            ("sql+docker", ["SQL", "Docker"]), ("none", ["Excel"]), ("also-all", WANTED)]:  # fmt: skip
        index.add(label, keywords)
    return index


@pytest.mark.parametrize(
    ("k", "expected"),
    [
        (1, [("all", 100.0)]),
        (3, [("all", 100.0), ("also-all", 100.0), ("python", 50.0)]),  # ties in the order added
        (
            9,
            [("all", 100.0), ("also-all", 100.0), ("python", 50.0), ("sql+docker", 50.0)],
        ),  # "none" holds none
    ],
)
def test_resumes_covering_a_posting(resumes, k, expected):
    assert resumes.holders_covering(WANTED, k) == expected


def test_postings_covered_by_a_resume():
    postings = KeywordIndex()
    postings.add("data", {"Python": 2.0, "SQL": 2.0})
    postings.add("web", {"JavaScript": 3.0, "Python": 1.0})
    postings.add("ops", {"Kubernetes": 1.0})
    assert postings.covered_by(["Python", "SQL", "Python"], 5) == [("data", 100.0), ("web", 25.0)]
    assert postings.covered_by([], 5) == []


def test_posting_weights_are_the_scores_weights(mini_analyzer):
    reading = mini_analyzer.read_posting(POSTING)
    report = mini_analyzer.score("Python", reading)
    weights = batch.posting_weights(reading)
    every = {k.name: k.weight for k in report.matched} | {k.name: k.weight for k in report.missing}
    assert weights == every and len(set(weights.values())) > 1  # weights differ: not all 1


def test_top_k_reports_only_the_shortlist(resume_folder, ranked_folder):
    """Both steps (keywords of every file, then the K reports) on one pool of two workers."""
    full = json.loads(ranked_folder.stdout)
    result = run_cli("rank", POSTING, resume_folder, "-j", "2", "-f", "json", "--top", "3", "--no-tagger")
    assert result.exit_code == 0, result.output
    short = json.loads(result.stdout)["rows"]
    assert len(short) == 3
    assert all(row in full["rows"] for row in short)
    assert short[0] == full["rows"][0]


def test_match_top_k_keeps_the_postings_the_resume_covers_best(batch_settings, tmp_path):
    from .conftest import POSTINGS, resume_variants

    resume = resume_variants(1)[0]
    full = batch.sort_rows(batch.match(resume, POSTINGS, settings=batch_settings, jobs=1))
    short = batch.sort_rows(batch.match(resume, POSTINGS, settings=batch_settings, jobs=1, top=2))
    assert len(short) == 2 and all(row in full for row in short)
    assert short[0] == full[0]
