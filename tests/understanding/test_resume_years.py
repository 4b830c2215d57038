"""A resume's years (dated roles, claims) against a posting's years, and degrees that are not degrees."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from atsmatch.understanding.resume import check_resume

from ..conftest import DATA

TELECOM = Path(DATA / "telecom_resume.txt")
TODAY = date(2026, 12, 1)
POSTING = """Senior RAN Engineer
Requirements
- 8+ years of professional experience
- 3+ years of Python
- 2+ years of Kubernetes
- Bachelor's Degree in Electronics or a related field
"""


@pytest.fixture(scope="module")
def checks(full_analyzer):
    resume = full_analyzer.extract(TELECOM)
    posting = full_analyzer.read_posting(POSTING).analysis
    return check_resume(
        resume, job_title=posting.title, degrees=posting.degrees, experience=posting.experience,
        degree_levels=full_analyzer.degree_levels, today=TODAY,
    )  # fmt: skip


def test_dated_roles_are_counted_once(checks):
    # Jan 2019 – Present (Dec 2026) is 96 months, 2016-2018 is 36: 132 months. The education dates
    # (2012-2015) are study, not work.
    assert checks.experience_years == 11.0


def test_each_years_requirement_is_compared(checks):
    got = {c.subject: (c.years_required, c.years_found, c.met) for c in checks.experience}
    assert got == {
        None: (8, 11.0, True),  # experience in general: the dated roles
        "Python": (3, 8.0, True),  # the Python role runs Jan 2019 – Dec 2026
        "Kubernetes": (2, 0.0, False),  # a knock-out question the resume fails
    }
    python = next(c for c in checks.experience if c.subject == "Python")
    assert python.evidence == "dated roles naming Python"


def test_a_claim_counts_when_there_are_no_dates(full_analyzer):
    resume = full_analyzer.extract(
        "Summary\n6+ years of experience with Python and SQL.\nSkills\nPython, SQL"
    )
    posting = full_analyzer.read_posting(
        "Data Engineer\nRequirements\n- 5+ years of Python\n- 10+ years of SQL"
    )
    checks = check_resume(
        resume, job_title=None, degrees=(), experience=posting.analysis.experience,
        degree_levels=full_analyzer.degree_levels, today=TODAY,
    )  # fmt: skip
    assert [(c.subject, c.years_found, c.met) for c in checks.experience] == [
        ("Python", 6.0, True),
        ("SQL", 6.0, False),
    ]
    assert checks.experience[0].evidence == "the resume says 6+ years (line 2)"
    assert checks.experience_years is None  # no dated role


def test_no_dates_and_no_claims_compare_nothing(full_analyzer):
    resume = full_analyzer.extract("Skills\nPython")
    posting = full_analyzer.read_posting("Data Engineer\nRequirements\n- 5+ years of experience")
    checks = check_resume(
        resume, job_title=None, degrees=(), experience=posting.analysis.experience, today=TODAY
    )
    assert [(c.years_found, c.met) for c in checks.experience] == [(None, None)]


def test_telecom_bsc_and_certifications_are_not_degrees(checks, full_analyzer):
    # "BSC" is a base station controller; "Certified ScrumMaster", "… – Associate" and CCNA are
    # certifications: none is a bachelor's. The diploma is the highest qualification.
    resume = full_analyzer.extract(TELECOM)
    assert resume.keyword("Bachelor's Degree") is None
    assert (checks.highest_degree, checks.highest_degree_name) == ("associate", "Diploma")
    assert checks.degree_requirement_met is False


def test_a_certification_never_satisfies_a_degree_in_the_score(full_analyzer):
    report = full_analyzer.score(TELECOM, POSTING)
    degree = next(k for k in report.missing if k.name == "Bachelor's Degree")
    assert degree.requirement == "required"
    assert not any(k.satisfied_by for k in report.matched)


@pytest.mark.parametrize(
    ("experience", "years"),
    [
        ("Engineer, Acme\nJan 2019 – Present", 8.0),
        ("Engineer, Acme\nJune 2022 -\nPresent", 4.6),  # a PDF breaks the range over two lines
        ("Engineer, Acme\n2016-2020", 5.0),  # bare years: Jan 2016 to Dec 2020
        ("Engineer, Acme\n03/2018 - 02/2020", 2.0),
        ("Engineer, Acme\nMar 2018 to Feb 2020\nAnalyst, Initech\nJan 2019 – Dec 2019", 2.0),  # overlap once
        # Negative rows: no work dates.
        ("Engineer, Acme\nSince forever", None),
        ("Engineer, Acme\nCall +1 555 2016 2020", None),
    ],
)
def test_dated_role_forms(full_analyzer, experience, years):
    resume = full_analyzer.extract(f"Jane Doe\nExperience\n{experience}\nEducation\n2010 - 2014 BSc Physics")
    checks = check_resume(resume, job_title=None, degrees=(), today=TODAY)
    assert checks.experience_years == years
