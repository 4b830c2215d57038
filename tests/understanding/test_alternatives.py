"""Choices: one requirement that any member satisfies."""

from __future__ import annotations

import re

import pytest

from atsmatch.understanding.alternatives import find_choices

TOOLS = ("Python", "Perl", "PHP", "Ruby", "PyTorch", "TensorFlow", "React", "Vue", "Angular", "AWS", "GCP",
         "Java", "Kotlin", "SQL", "Docker", "JSF", "Wicket", "GWT", "Spring MVC", "HTML", "CSS", "Degree")  # fmt: skip
_TOOL = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in sorted(TOOLS, key=len, reverse=True)) + r")\b")


def choices_in(text: str, kind_of=lambda name: None) -> list[list[str]]:
    spans = [(m.start(), m.end(), m.group(0)) for m in _TOOL.finditer(text)]
    return [[spans[i][2] for i in c.members] for c in find_choices(text, spans, kind_of)]


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("Proficiency in one of: Python, Perl, PHP, Ruby.", [["Python", "Perl", "PHP", "Ruby"]], "'one of:'"),
        ("Experience with PyTorch or TensorFlow is a plus", [["PyTorch", "TensorFlow"]], "A or B"),
        ("frameworks (such as React, Vue, or Angular)", [["React", "Vue", "Angular"]], "'such as' in a parenthesis"),
        ("a cloud, e.g. AWS, GCP", [["AWS", "GCP"]], "'e.g.'"),
        ("Java/Kotlin on the backend", [["Java", "Kotlin"]], "a slash between tools"),
        ("at least one web framework (JSF, Wicket, GWT, Spring MVC)", [["JSF", "Wicket", "GWT", "Spring MVC"]],
         "'at least one …' before a parenthesis"),
        ("Proficiency in one of: Python, Ruby, and Perl", [["Python", "Ruby", "Perl"]], "'one of' even with 'and'"),
        # Negative rows: every one of these is asked for.
        ("Python, SQL and Docker", [], "a list joined by 'and'"),
        ("languages such as HTML, CSS, and Java", [], "examples joined by 'and' are all wanted"),
        ("Python and Docker or not at all", [], "'or' after the last tool"),
        ("HTML, CSS", [], "commas only"),
        ("Python is required. Ruby or nothing.", [], "one tool per sentence"),
        ("like Python", [], "one member is no choice"),
    ],
)  # fmt: skip
def test_find_choices(text, expected, why):
    assert choices_in(text) == expected, why


def test_a_degree_never_chains_with_another_kind():
    text = "Degree or Python experience"
    assert choices_in(text) == [["Degree", "Python"]]
    assert choices_in(text, kind_of=lambda name: name == "Degree") == []
