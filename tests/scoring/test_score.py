"""The scorer's arithmetic, checked against hand-computed figures, and its invariants."""

from __future__ import annotations

import math

import pytest

from atsmatch import AtsmatchWarning, ScoringWeights
from atsmatch.extraction.near_miss import find_near_misses
from atsmatch.scoring.score import keyword_weight, score_extractions
from atsmatch.understanding.posting import read_posting
from atsmatch.understanding.resume import check_resume

POSTING = (
    "Senior Python Engineer\nRequirements\nPython, Docker, Docker, Docker, Docker, communication skills\n"
    "Nice to have\nPMP\nBenefits\nFree Terraform training\n"
)
RESUME = "Python and Docker; strong communication"


def test_hand_computed_score(mini_analyzer):
    report = mini_analyzer.score(RESUME, POSTING)
    weights = {k.name: k.weight for k in (*report.matched, *report.missing)}
    # Python: 2 mentions, required, in the title line: 1 × (1 + 0.5·log2 2) × 1 × 1.5
    assert weights["Python"] == pytest.approx(2.25)
    # Docker: 4 mentions, required: 1 × (1 + 0.5·log2 4) × 1
    assert weights["Docker"] == pytest.approx(2.0)
    assert weights["Communication"] == pytest.approx(0.5)
    # PMP: preferred: 1 × 1 × 0.5
    assert weights["Project Management Professional"] == pytest.approx(0.5)
    # Terraform: only under Benefits, so not a requirement at all.
    assert "Terraform" not in weights
    assert [(k.name, k.reason) for k in report.posting_analysis.ignored_keywords] == [
        ("Terraform", "benefits")
    ]
    assert report.formula.total_weight == pytest.approx(5.25)
    assert report.formula.matched_weight == pytest.approx(4.75)
    assert report.score == pytest.approx(round(100 * 4.75 / 5.25, 1))
    assert report.formula.title_line == 1
    assert "= 100 × 4.75 / 5.25 = 90.5" in report.formula.score_expression
    coverage = {c.category: c for c in report.coverage}
    assert (
        coverage["hard_skill"].matched_count,
        coverage["hard_skill"].total_count,
        coverage["hard_skill"].percent,
    ) == (
        2,
        2,
        100.0,
    )
    assert (coverage["certification"].matched_count, coverage["certification"].percent) == (0, 0.0)
    assert [k.name for k in report.missing] == ["Project Management Professional"]


def test_custom_weights_change_the_score(mini_analyzer, mini_lexicon):
    from atsmatch import Analyzer

    heavy_certs = Analyzer(lexicon=mini_lexicon, weights=ScoringWeights(certification=3.0, title_boost=1.0))
    report = heavy_certs.score(RESUME, POSTING)
    # Python 1.5, Docker 2.0, Communication 0.5 matched; PMP 3.0 × 0.5 (preferred) missing.
    assert report.score == pytest.approx(round(100 * 4.0 / 5.5, 1))


@pytest.mark.parametrize(
    ("category", "count", "requirement", "in_title", "expected"),
    [
        ("hard_skill", 1, "required", False, 1.0),
        ("hard_skill", 2, "required", False, 1.5),
        ("hard_skill", 8, "required", False, 2.5),
        ("hard_skill", 1, "required", True, 1.5),
        ("hard_skill", 1, "unspecified", False, 0.75),
        ("soft_skill", 4, "preferred", True, 0.5 * 2 * 0.5 * 1.5),
        ("certification", 1, "preferred", False, 0.5),
    ],
)
def test_keyword_weight(category, count, requirement, in_title, expected):
    weight = keyword_weight(category, count, ScoringWeights(), requirement=requirement, in_title=in_title)
    assert weight == pytest.approx(expected)


def test_missing_ranked_by_weight_then_position(mini_analyzer):
    report = mini_analyzer.score(
        "nothing relevant", "Java Engineer\nSQL, Docker, Docker, Leadership, Terraform"
    )
    assert all(k.requirement == "unspecified" for k in report.missing)
    assert [k.name for k in report.missing] == ["Docker", "SQL", "Terraform", "Leadership"]
    assert [k.rank for k in report.missing] == [1, 2, 3, 4]


PAIRS = [
    ("Python, Go and Rust developer", "Python Engineer\nGo, Kubernetes, SQL, PMP"),
    ("", "Python"),
    ("Python", "nothing we know"),
    ("Kubernets and Tensorflow2 and ML", "Kubernetes, TensorFlow, Machine Learning"),
    ("Python Python Python", "Python"),
]


@pytest.mark.filterwarnings("ignore::atsmatch.AtsmatchWarning")  # "nothing we know" warns
@pytest.mark.parametrize(("resume", "posting"), PAIRS)
def test_report_invariants(mini_analyzer, resume, posting):
    report = mini_analyzer.score(resume or "no skills here", posting)
    matched, missing = {k.name for k in report.matched}, {k.name for k in report.missing}
    assert not matched & missing
    assert 0 <= report.score <= 100
    assert not {n.name for n in report.near_misses} - missing
    suggested = {s.keyword for s in report.suggestions if s.kind in ("add_missing", "fix_near_miss")}
    assert not suggested & matched, "never suggest adding what the resume has"
    total = sum(k.weight for k in report.matched) + sum(k.weight for k in report.missing)
    assert math.isclose(report.formula.total_weight, total, abs_tol=0.01)


def test_empty_posting_scores_zero_with_a_warning(mini_analyzer):
    with pytest.warns(AtsmatchWarning, match="no keyword atsmatch recognises"):
        report = mini_analyzer.score("Python", "We are a friendly company")
    assert report.score == 0
    assert any("no keyword" in w for w in report.warnings)
    assert all(c.percent is None for c in report.coverage)


def test_near_misses_are_suggestions_not_matches(mini_analyzer):
    report = mini_analyzer.score("Skills: Kubernets, Tensorflow2, Python", "Python, Kubernetes, TensorFlow")
    assert {n.name for n in report.near_misses} == {"Kubernetes", "TensorFlow"}
    assert {k.name for k in report.missing} == {"Kubernetes", "TensorFlow"}
    near = {n.name: n for n in report.near_misses}
    assert near["Kubernetes"].resume_mention.text == "Kubernets"
    assert near["Kubernetes"].posting_phrasing == "Kubernetes"
    assert near["Kubernetes"].similarity >= 85
    kinds = {(s.kind, s.keyword) for s in report.suggestions}
    assert ("fix_near_miss", "Kubernetes") in kinds
    assert ("add_missing", "Kubernetes") not in kinds


@pytest.mark.parametrize(
    "resume",
    ["Java developer", "Python only", "Docker Compose and Dockerfile writing"],
)
def test_no_near_miss_for_unrelated_words(mini_analyzer, resume):
    posting = mini_analyzer.extract("Kubernetes, TensorFlow, JavaScript, Terraform")
    hits = find_near_misses(
        mini_analyzer.extract(resume), [mini_analyzer.lexicon.entry(k.name) for k in posting.keywords]
    )
    assert hits == []


def test_different_phrasing_suggests_the_postings(mini_analyzer):
    report = mini_analyzer.score("ML and k8s", "Machine Learning, Kubernetes")
    phrasing = {s.keyword: s.message for s in report.suggestions if s.kind == "use_posting_phrasing"}
    assert set(phrasing) == {"Machine Learning", "Kubernetes"}
    assert "'Machine Learning'" in phrasing["Machine Learning"] and "'ML'" in phrasing["Machine Learning"]
    assert all(not k.same_phrasing for k in report.matched)


def test_posting_extraction_is_reusable(mini_analyzer):
    posting = mini_analyzer.extract(POSTING)
    assert mini_analyzer.score(RESUME, posting) == mini_analyzer.score(RESUME, POSTING)


def test_score_extractions_is_pure(mini_analyzer):
    resume, posting = mini_analyzer.extract(RESUME), read_posting(mini_analyzer.extract(POSTING))
    checks = check_resume(resume, job_title=posting.analysis.title, degrees=posting.analysis.degrees)
    first = score_extractions(resume, posting, checks)
    assert score_extractions(resume, posting, checks) == first
    heavier = score_extractions(resume, posting, checks, weights=ScoringWeights(preferred=1.0))
    assert heavier.score < first.score  # the missing PMP now weighs as much as a required keyword
