"""ContextRules: one validated object for the words and distances that confirm ambiguous forms."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from atsmatch import Analyzer
from atsmatch.extraction.context import ContextRules


def names(lexicon, text: str, **rules) -> set[str]:
    analyzer = Analyzer(lexicon=lexicon, context_rules=ContextRules(**rules))
    return {k.name for k in analyzer.extract(text).keywords}


# (rules, text, Go expected, why)
CASES = [
    ({}, "Go programming", True, "default context word"),
    ({"context_words": {"gopher"}}, "Go programming", False, "context words replaced"),
    ({"context_words": {"Gopher"}}, "Go Gopher", True, "words are compared lowercased"),
    ({}, "Go is the language of this team we use daily here", True, "within the default window of 6"),
    ({"context_window": 2}, "Go is the language of this team we use daily here", False, "window narrowed"),
    ({}, "Go up the hill, Python", False, "'up' shows ordinary use"),
    ({"ordinary_use_next": {"to"}}, "Go up the hill, Python", True, "ordinary-use words replaced"),
    ({}, "Stack: Go", True, "a list label"),
    ({"list_labels": {"skills"}}, "Stack: Go", False, "list labels replaced"),
    ({"label_ends": {"="}}, "Skills = Go", True, "a label may end with another mark"),
    ({}, "python ~ go", False, "'~' is no list separator"),
    ({"list_separators": {"~"}}, "python ~ go", True, "separators replaced"),
    # A hyphen is a compound's only when attached: a bullet or a dash beside the form is not.
    ({}, "- Strong scripting in Python or Go\n- Experience in a regulated environment", True,
     "the next line's bullet"),
    ({}, "Skills\n- Go programming\n- SQL", True, "its own line's bullet"),
    ({}, "Python - Go - SQL", True, "dashes between items"),
    ({}, "A Go-to-market plan, Python", False, "an attached hyphen: a compound"),
    ({}, "Python or Go\nto be decided", True, "an ordinary-use word on the next line"),
]  # fmt: skip


@pytest.mark.parametrize(("rules", "text", "expected", "why"), CASES, ids=[c[3] for c in CASES])
def test_rules_can_be_tuned(mini_lexicon, rules, text, expected, why):
    assert ("Go" in names(mini_lexicon, text, **rules)) is expected, why


@pytest.mark.parametrize(
    ("rules", "message"),
    [
        ({"context_window": -1}, "greater than or equal to 0"),
        ({"context_window": 51}, "less than or equal to 50"),
        ({"context_words": {"  "}}, "must not be empty"),
        ({"bullets": {""}}, "must not be empty"),
        ({"context_wordz": {"x"}}, "Extra inputs are not permitted"),
    ],
)
def test_bad_rules_are_refused(rules, message):
    with pytest.raises(ValidationError, match=message):
        ContextRules(**rules)


def test_the_defaults_are_the_shipped_rules():
    rules = ContextRules()
    assert "programming" in rules.context_words and "skills" in rules.list_labels
    assert rules.context_window == 6 and rules.vertical_lists
    assert ContextRules.model_validate_json(rules.model_dump_json()) == rules
