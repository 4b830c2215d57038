"""The employer's name: a skill word inside it is not a requirement; a name that is the skill is."""

from __future__ import annotations

import pytest

from atsmatch.understanding.employer import employer_names, inside_a_name, name_spans

from ..conftest import DATA


@pytest.mark.parametrize(
    ("text", "title", "title_line", "company", "expected"),
    [
        ("Fjordline Logistics is hiring a Backend Developer.", None, None, None, ("Fjordline Logistics",)),
        ("Intro.\nAcme Analytics is an equal opportunity employer.", None, None, None, ("Acme Analytics",)),
        ("Über uns\nAbout Globex Cloud\nWe build things.", None, None, None, ("Globex Cloud",)),
        ("Whatever the page says.", None, None, "Northwind Data", ("Northwind Data",)),
        # the title line's other part, and the card under the title
        ("Backend Developer (Go) - Fjordline Logistics - Oslo\nFjordline Logistics builds routes.",
         "Backend Developer", 1, None, ("Fjordline Logistics",)),
        ("Backend Developer (m/f/d)\nKestrel Logistics GmbH · Hamburg\n", "Backend Developer", 1, None,
         ("Kestrel Logistics GmbH",)),
        # negative rows: a city or a work mode leads the card, a sentence names no employer
        ("Designer\nBerlin · Design · Full-time\n", "Designer", 1, None, ()),
        ("Engineer\nStockholm, Sweden · Hybrid\nStockholm, Sweden", "Engineer", 1, None, ()),
        ("The team is growing fast.", None, None, None, ()),
        ("Our Data Platform is hiring.", None, None, None, ()),
    ],
)  # fmt: skip
def test_employer_names(text, title, title_line, company, expected):
    assert employer_names(text, title=title, title_line=title_line, company=company) == expected


def test_only_a_keyword_inside_a_longer_name_is_left_out():
    text = "Snowflake is hiring. Fjordline Logistics too."
    spans = name_spans(text, ["Snowflake", "Fjordline Logistics"])
    assert not inside_a_name(spans, 0, 9)  # "Snowflake" is the whole name: a company may ask for it
    start = text.index("Logistics")
    assert inside_a_name(spans, start, start + len("Logistics"))


@pytest.mark.parametrize(
    ("posting", "ignored", "kept"),
    [
        ("flat_eeo.txt", "Logistics", "Kubernetes"),
        ("informatics_eu.txt", "Logistics", "PostgreSQL"),
    ],
)
def test_a_skill_word_in_the_employers_name_is_not_asked(full_analyzer, posting, ignored, kept):
    analysis = full_analyzer.read_posting(DATA / "postings" / posting).analysis
    reasons = {k.name: k.reason for k in analysis.ignored_keywords}
    assert reasons.get(ignored) == "employer_name"
    assert kept in {r.name for r in analysis.requirements}
    assert ignored not in {r.name for r in analysis.requirements}


def test_a_company_named_as_its_product_still_asks_for_it(full_analyzer):
    text = (
        "Data Engineer\nSnowflake is hiring a Data Engineer.\nRequirements\n"
        "• 3+ years of experience with Snowflake and SQL\n"
    )
    analysis = full_analyzer.read_posting(text).analysis
    assert "Snowflake" in {r.name for r in analysis.requirements}
