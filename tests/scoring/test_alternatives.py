"""Alternatives count once in the score: matched if any member is, else missing once."""

from __future__ import annotations

import pytest

# "•" bullets: a "- " bullet after an ambiguous form (Ruby) hides it today (a matcher issue).
POSTING = """Senior Engineer
Requirements
• Hands-on experience with one of: Python, Perl, PHP, Ruby
• Docker
"""


@pytest.mark.parametrize(
    ("resume", "score", "missing"),
    [
        ("Skills: Python, Docker", 100.0, []),
        ("Skills: Ruby, Docker", 100.0, []),
        ("Skills: Python, Ruby, Docker", 100.0, []),
        ("Skills: Docker", 50.0, ["Python"]),
        ("Skills: Python", 50.0, ["Docker"]),
    ],
)
def test_one_of_counts_once(full_analyzer, resume, score, missing):
    report = full_analyzer.score(resume, POSTING)
    assert report.score == score
    assert [k.name for k in report.missing] == missing
    assert {k.name for k in report.matched} & {"Perl", "PHP"} == set()


def test_a_missing_group_names_its_alternatives(full_analyzer):
    report = full_analyzer.score("Skills: Docker", POSTING)
    (python,) = report.missing
    assert python.alternatives == ("Perl", "PHP", "Ruby")
    advice = next(s.message for s in report.suggestions if s.kind == "add_missing" and s.keyword == "Python")
    assert "or one of Perl, PHP, Ruby" in advice
    # The candidate is never told to add all four.
    assert {s.keyword for s in report.suggestions if s.kind == "add_missing"} == {"Python"}
