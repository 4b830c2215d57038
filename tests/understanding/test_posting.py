"""Reading postings: cruft ignored, required vs preferred, years, degrees, list items the lexicon lacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from atsmatch.understanding.posting import read_posting

from ..conftest import DATA

POSTINGS = DATA / "postings"


def reading(analyzer, name: str):
    return read_posting(analyzer.extract(Path(POSTINGS / name)), degree_levels=analyzer.degree_levels)


def requirements(read) -> dict[str, str]:
    return {k.keyword.name: k.requirement for k in read.keywords}


def test_job_board_cruft_is_not_a_requirement(mini_analyzer):
    read = reading(mini_analyzer, "jobboard_cruft.txt")
    assert requirements(read) == {
        "Kubernetes": "required", "Amazon Web Services": "unspecified", "Python": "required",
        "Docker": "required", "Apache Airflow": "preferred",
    }  # fmt: skip
    # Named only in the company blurb, benefits, similar jobs or news:
    assert {k.name for k in read.analysis.ignored_keywords} == {
        "Leadership", "Microsoft Excel", "Terraform", "Swift", "C#", "Project Management Professional",
        "Go", "Machine Learning", "Natural Language Processing", "TensorFlow",
    }  # fmt: skip
    assert read.analysis.title == "Platform Engineer"
    python = next(k for k in read.keywords if k.keyword.name == "Python")
    assert [m.line for m in python.mentions] == [17, 20]  # not counted in cruft


def test_unusual_headings(mini_analyzer):
    read = reading(mini_analyzer, "unusual_headings.txt")
    # "Who we are" is the company talking about itself: its Apache Spark is not a requirement.
    assert ("Apache Spark", "company") in [(k.name, k.reason) for k in read.analysis.ignored_keywords]
    assert requirements(read) == {
        "ETL": "unspecified", "Python": "unspecified", "SQL": "required",
        "Docker": "required", "Bachelor's Degree": "required", "Terraform": "preferred", "Kubernetes": "preferred",
    }  # fmt: skip
    assert read.analysis.title == "Data Platform Engineer"
    (degree,) = read.analysis.degrees
    assert (degree.name, degree.level, degree.field, degree.or_equivalent) == (
        "Bachelor's Degree",
        "bachelor",
        "Computer Science",
        True,
    )
    (years,) = read.analysis.experience
    assert (years.years_min, years.years_max, years.subject, years.keyword) == (
        3,
        5,
        "data engineering",
        None,
    )


def test_no_headings_uses_the_wording(mini_analyzer):
    read = reading(mini_analyzer, "no_headings.txt")
    got = requirements(read)
    assert got["Docker"] == "required"
    assert got["Kubernetes"] == "preferred"
    assert got["Project Management Professional"] == "preferred"
    assert got["Python"] == "unspecified"
    # Was asserted as a prefix of the first line, which any title (even "") passed; the title is
    # the occupation alone, read by the "… wanted" rule.
    assert read.analysis.title == "Junior Python Developer"
    assert (read.analysis.title_evidence.rule, read.analysis.title_evidence.line) == ("wanted", 1)
    # "a Terraform course" is what the employer offers: not asked of the candidate.
    assert [(k.name, k.reason) for k in read.analysis.ignored_keywords] == [
        ("Terraform", "about_the_company")
    ]


def test_inline_lists_report_unknown_items(mini_analyzer):
    read = reading(mini_analyzer, "inline_lists.txt")
    unknown = [(u.text, u.requirement) for u in read.analysis.unknown_requirements]
    assert unknown == [
        ("Snowflake", "required"), ("dbt", "required"), ("Looker", "required"),
        ("Zorbl Studio", "preferred"), ("Fivetran", "required"),
    ]  # fmt: skip
    assert requirements(read)["Docker"] == "preferred"
    assert requirements(read)["Python"] == "required"
    (years,) = read.analysis.experience
    assert (years.years_min, years.subject, years.keyword) == (2, "SQL", "SQL")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("5+ years of experience with Python", (5, None, "Python")),
        ("Minimum of 3 years of professional experience in data engineering", (3, None, "data engineering")),
        ("3-5 years in backend development using Go", (3, 5, "backend development")),
        ("At least five years' experience with Docker", (5, None, "Docker")),
        ("2+ yrs SQL", (2, None, "SQL")),
    ],
)
def test_years_of_experience(mini_analyzer, line, expected):
    read = read_posting(mini_analyzer.extract("Engineer\nRequirements\n" + line))
    (years,) = read.analysis.experience
    assert (years.years_min, years.years_max, years.subject) == expected
    assert years.requirement == "required"


def test_unknown_requirements_shown_in_report(mini_analyzer):
    report = mini_analyzer.score("Python, SQL", Path(POSTINGS / "inline_lists.txt"))
    assert "Snowflake" in [u.text for u in report.posting_analysis.unknown_requirements]
