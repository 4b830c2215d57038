"""A posting pasted as one paragraph gets its lines back before its sections are read."""

from __future__ import annotations

import pytest

from atsmatch.structure.reflow import MIN_CHARS, reflow_flat_lines

from ..conftest import DATA

FILLER = "We build routing software for parcel networks across Europe and beyond. " * 4


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        # two labels or more on a long line: split before each
        (f"Backend Engineer - Acme {FILLER}Requirements: Python; SQL. Nice to have: Go. What we offer: pension.",
         [f"Backend Engineer - Acme {FILLER}".strip(), "Requirements: Python; SQL.", "Nice to have: Go.",
          "What we offer: pension."]),
        # the longest label that is a heading, from its capitalised first word
        (f"{FILLER}About the role: you ship. Preferred qualifications: Rust, Kafka.",
         [FILLER.strip(), "About the role: you ship.", "Preferred qualifications: Rust, Kafka."]),
        # negative rows: one label only; a short line; a colon inside a list; lowercase prose
        (f"{FILLER}Requirements: Python and SQL, every day.", None),
        ("Requirements: Python. Nice to have: Go.", None),
        (f"{FILLER}Tools we use, Skills: Python, Experience: SQL and Go", None),
        (f"{FILLER}our requirements: Python. nice to have: Go.", None),
    ],
)  # fmt: skip
def test_long_lines_split_before_their_section_labels(text, lines):
    assert reflow_flat_lines(text).split("\n") == (lines or text.split("\n"))


def test_short_documents_are_returned_untouched():
    text = "Data Engineer\nRequirements: Python\nNice to have: Go\n"
    assert reflow_flat_lines(text) is text and len(max(text.split("\n"), key=len)) < MIN_CHARS


def test_a_one_paragraph_posting_reads_with_its_sections(full_analyzer):
    analysis = full_analyzer.read_posting(DATA / "postings" / "one_paragraph.txt").analysis
    assert analysis.title == "Data Analyst"
    levels = {r.name: r.requirement for r in analysis.requirements}
    assert (levels["SQL"], levels["Tableau"], levels["dbt"]) == ("required", "required", "preferred")
    assert levels["Python"] == "unspecified"  # a responsibility, not a requirement
    assert [r.reason for r in analysis.ignored_lines] == ["benefits"]
