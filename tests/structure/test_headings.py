"""Headings, page cruft and the job title, line by line."""

from __future__ import annotations

import pytest

from atsmatch.structure.furniture import is_cruft_line, line_kinds
from atsmatch.structure.headings import find_sections, heading_kind, inline_label_kind

from ..conftest import DATA

POSTINGS = DATA / "postings"


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Requirements", "required"), ("Required qualifications:", "required"), ("## What you'll bring:", "required"),
        ("Minimum Qualifications", "required"), ("Who you are", "required"), ("Nice to have", "preferred"),
        ("Bonus points", "preferred"), ("Preferred Qualifications", "preferred"), ("What you'll do", "responsibilities"),
        ("Key Responsibilities", "responsibilities"), ("### Your mission", "responsibilities"), ("About the role", "overview"),
        ("About us", "company"), ("About Globex", "company"), ("About 3M", "company"), ("### Who we are", "company"), ("Benefits", "benefits"),
        ("What we offer", "benefits"), ("The perks", "benefits"), ("Similar jobs", "cruft"), ("In the news", "cruft"),
        ("Company reviews", "cruft"), ("Equal Opportunity Employer", "legal"), ("EXPERIENCE", "experience"),
        ("Work Experience", "experience"), ("Education", "education"), ("Technical Skills", "skills"),
        ("Skills & Tools", "skills"), ("Certifications", "certifications"), ("Professional Summary", "summary"),
        ("Projects", "projects"), ("Publications", "publications"),
    ],
)  # fmt: skip
def test_heading_kinds(line, kind):
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "We build software.", "Python, SQL and Docker", "Experience with Kubernetes is required for this role as a lead",
        "", "About our approach to building reliable, observable and secure distributed systems at scale",
        "about 2 weeks",
    ],
)  # fmt: skip
def test_not_headings(line):
    assert heading_kind(line) is None


@pytest.mark.parametrize(
    ("line", "cruft"),
    [
        ("Apply now", True), ("Save job", True), ("2,481 views · Posted 5 days ago · 120 applicants", True),
        ("Company reviews 3.9 ★ (88 reviews)", True), ("Home | Jobs | Companies | Salaries | Sign in", True),
        ("© 2026 JobBoard Inc. · Privacy · Terms", True), ("Skip to main content", True),
        ("Run our Kubernetes clusters", False), ("Apply machine learning to clinical notes", False),
        ("Jobs to be done: Python", False),
    ],
)  # fmt: skip
def test_cruft_lines(line, cruft):
    assert is_cruft_line(line) is cruft


def test_inline_labels():
    assert inline_label_kind("Required skills: Python, SQL") == "required"
    assert inline_label_kind("Nice to have: Docker") == "preferred"
    assert inline_label_kind("Python: 5 years") is None


def test_sections_of_a_job_board_page():
    text = (POSTINGS / "jobboard_cruft.txt").read_text(encoding="utf-8")
    kinds = [(s.kind, s.heading) for s in find_sections(text)]
    assert kinds == [
        ("preamble", None), ("company", "About Globex"), ("responsibilities", "What you'll do"),
        ("required", "Requirements"), ("benefits", "Benefits"), ("cruft", "Similar jobs"),
        ("cruft", "See all reviews"), ("cruft", "In the news"),
    ]  # fmt: skip
    per_line = line_kinds(text, find_sections(text))
    lines = text.split("\n")
    legal = [lines[i] for i, kind in enumerate(per_line) if kind == "legal"]
    assert legal and all(
        "discriminate" in line or "opportunity" in line or "accommodation" in line for line in legal
    )


def test_every_line_has_exactly_one_section():
    text = (POSTINGS / "unusual_headings.txt").read_text(encoding="utf-8")
    sections = find_sections(text)
    covered = [n for s in sections for n in range(s.start_line, s.end_line + 1)]
    assert covered == list(range(1, text.count("\n") + 2))
