"""Derived surface forms: what the compiler adds so the lexicon need not list it."""

from __future__ import annotations

import pytest

from atsmatch.lexicon import LexiconEntry
from atsmatch.lexicon.variants import surface_forms


@pytest.mark.parametrize(
    ("entry", "variants"),
    [
        ({"name": "PyTorch"}, {"Py Torch"}),
        ({"name": "scikit-learn"}, {"scikit learn", "scikitlearn"}),
        ({"name": "machine learning"}, {"machine-learning", "machine learnings"}),
        ({"name": "REST API"}, {"REST-API", "REST APIs"}),
        ({"name": "Data Structures"}, {"Data Structure", "Data-Structures"}),
        ({"name": "microservice"}, {"microservices"}),
        ({"name": "B.Sc."}, {"B.Sc"}),
        ({"name": "pandas"}, set()),
        ({"name": "Go", "ambiguous": ["Go"]}, {"go"}),  # lowercase, only between listed tools
        (
            {"name": "Natural Language Processing", "acronyms": ["NLP"]},
            {"Natural-Language-Processing", "Natural Language Processings", "nlp"},
        ),
    ],
)
def test_derived_variants(entry, variants):
    forms = surface_forms(LexiconEntry(category="hard_skill", **entry))
    assert {f.text for f in forms if f.rule == "variant"} == variants


def test_acronyms_and_ambiguous_forms_are_case_sensitive():
    forms = {f.text: f for f in surface_forms(LexiconEntry(
        name="Apache Spark", category="hard_skill", aliases=["Spark"], acronyms=["AS"], ambiguous=["Spark"]
    ))}  # fmt: skip
    assert forms["Spark"].case_sensitive and forms["Spark"].ambiguous
    assert forms["AS"].case_sensitive and not forms["AS"].ambiguous
    assert not forms["Apache Spark"].case_sensitive


def test_lowercase_tool_names_count_only_beside_listed_tools():
    forms = {
        f.text: f for f in surface_forms(LexiconEntry(name="Go", category="hard_skill", ambiguous=["Go"]))
    }
    assert forms["go"].list_only and forms["go"].case_sensitive
    soft = surface_forms(LexiconEntry(name="Driven", category="soft_skill", ambiguous=["Driven"]))
    assert not any(f.list_only for f in soft), "only tools are written in lowercase lists"
