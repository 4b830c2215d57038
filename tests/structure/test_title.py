"""The job title: from the strongest evidence, company and prefixes cut off, None when weak."""

from __future__ import annotations

import pytest

from atsmatch.models import Document
from atsmatch.structure.title import find_title, reads_as_title

from ..conftest import DATA

POSTINGS = DATA / "postings"

# The first lines of real-looking pages, as people paste them: (text, title, rule, line, why).
CASES = [
    (
        "求人情報\nSenior Data Engineer\nGlobex · Berlin, Germany\nAbout the role\nYou will build pipelines.",
        "Senior Data Engineer", "role_line", 2, "a site's UI label in another script is not the title",
    ),
    (
        "Home › Jobs › Initech › Senior Backend Engineer\nInitech · Remote\nApply now\nAbout the job\nWe build.",
        "Senior Backend Engineer", "breadcrumb", 1, "a breadcrumb's last step",
    ),
    (
        "Job Description: Product Manager (10+ Years of Experience)\nTech Solutions, San Francisco, CA, USA",
        "Product Manager", "labelled", 1, "the 'Job Description:' prefix is cut",
    ),
    (
        "Spotify : Senior Machine Learning Engineer, Personalization\nStockholm, Sweden\nWhat you'll do",
        "Senior Machine Learning Engineer", "company_colon", 1, "company and team cut off",
    ),
    (
        "Junior Python Developer wanted at a small agency in Leeds. You will build websites with Python.",
        "Junior Python Developer", "wanted", 1, "'… wanted' in a flat posting",
    ),
    (
        "Acme Robotics is hiring a Senior Firmware Engineer to join our Munich office.\nRequirements\n- C",
        "Senior Firmware Engineer", "wanted", 1, "'X is hiring a Title to …'",
    ),
    (
        "Platform Engineer\nGlobex Cloud · Austin, TX · Remote\n$150,000 - $180,000 a year",
        "Platform Engineer", "role_line", 1, "company, location and pay on the next lines",
    ),
    (
        "Software Engineer II - Payments @ Stripe\nDublin",
        "Software Engineer II", "role_line", 1, "a level after the head noun; team and company cut",
    ),
    (
        "About the role\nAs a Staff Machine Learning Engineer in Search, you'll shape how people find music.",
        "Staff Machine Learning Engineer", "as_a", 2, "'As a …, you'll' when no line is a title",
    ),
    (
        "Startseite › Jobs › IT › Softwareentwicklung\nBackend-Entwickler (m/w/d) Java\nRheinwerk · Köln",
        "Backend-Entwickler", "role_line", 2, "a German compound title; the breadcrumb ends in a field",
    ),
    (
        "Développeur Java Senior (H/F)\nLyon · CDI", "Développeur Java Senior", "role_line", 1,
        "a French title starts with its role noun",
    ),
    (
        "Head of Data Engineering\nWe are a fintech in Lisbon.",
        "Head of Data Engineering", "role_line", 1, "'Head of …' ends in no role noun",
    ),
]  # fmt: skip

# Nothing here reads as a title: guessing would put a wrong headline in the advice.
NO_TITLE = [
    ("Develop new user-facing features using React.\nBuild reusable code and libraries.", "responsibility sentences"),
    ("•\nRecruiters\nEasy Apply\nSave job", "a lone bullet, 'Recruiters' and page buttons"),
    ("Tech Solutions, San Francisco, CA, USA\nWe make software for banks and insurers.", "a company and a city"),
    ("Our engineers work with managers across the company.\nBenefits\nHealth insurance", "a sentence with role nouns"),
    ("About us\nWe are Globex.\nApply now", "headings and cruft"),
    ("", "an empty text"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "title", "rule", "line", "why"), CASES, ids=[c[4] for c in CASES])
def test_title_from_the_page(text, title, rule, line, why):
    found = find_title(text)
    assert found is not None, why
    text_found, evidence = found
    assert (text_found, evidence.rule, evidence.line) == (title, rule, line), why
    assert evidence.text in text


@pytest.mark.parametrize(("text", "why"), NO_TITLE, ids=[c[1] for c in NO_TITLE])
def test_weak_evidence_gives_no_title(text, why):
    assert find_title(text) is None, why


class _PageDocument(Document):
    """A Document with fields like those the HTML reader fills (read with getattr, so a Document
    without them works the same)."""

    schema_title: str | None = None
    h1: str | None = None


def test_schema_org_title_beats_the_text():
    text = "Careers at Globex\nEngineering\nSenior Site Reliability Engineer\nGlobex · Remote\n"
    page = _PageDocument(text=text, format="html", schema_title="Senior Site Reliability Engineer - Globex")
    title, evidence = find_title(text, document=page)
    assert (title, evidence.rule, evidence.line) == ("Senior Site Reliability Engineer", "schema_org", 3)


def test_h1_counts_only_when_it_reads_as_a_title():
    text = "Join us!\nData Analyst\nLondon\n"
    assert (
        find_title(text, document=_PageDocument(text=text, format="html", h1="Join us!"))[1].rule
        == "role_line"
    )
    found = find_title(text, document=_PageDocument(text=text, format="html", h1="Data Analyst"))
    assert (found[0], found[1].rule, found[1].line) == ("Data Analyst", "h1", 2)


def test_a_given_title_wins_over_everything():
    text = "Job Description: Product Manager\nRequirements\n- SQL"
    title, evidence = find_title(text, given="  Group Product Manager ")
    assert (title, evidence.rule, evidence.line) == ("Group Product Manager", "given", None)


@pytest.mark.parametrize(
    ("name", "title", "line"),
    [
        ("jobboard_cruft.txt", "Platform Engineer", 8),
        ("unusual_headings.txt", "Data Platform Engineer", 1),
        ("no_headings.txt", "Junior Python Developer", 1),
        ("inline_lists.txt", "Analytics Engineer", 1),
    ],
)
def test_title_of_the_test_postings(name, title, line):
    found, evidence = find_title((POSTINGS / name).read_text(encoding="utf-8"))
    assert (found, evidence.line) == (title, line)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Senior Data Engineer", True), ("Nurse", True), ("Data Engineer III", True), ("Engineering Manager", True),
        ("Recruiters", False), ("Data Engineers", False), ("Work with managers", False), ("Benefits", False),
        ("data engineer", False), ("You will be our engineer", False), ("", False),
        ("Systemutvecklare", True), ("Ingeniero de Datos", True), ("Softwareentwicklung", False),
    ],
)  # fmt: skip
def test_reads_as_title(phrase, expected):
    assert reads_as_title(phrase) is expected
