"""Resume checks on several layouts: one-column text, a two-column PDF, a DOCX with tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from atsmatch.understanding.resume import check_resume

from ..conftest import DATA, FIXTURES

POSTING = Path(DATA / "posting.txt")


@pytest.mark.parametrize(
    ("resume", "sections", "skills_only", "missing_headings", "degree"),
    [
        (DATA / "resume.txt", ["summary", "experience", "skills", "education"], ("Go", "Terraform"), (), ("master", True)),
        (
            FIXTURES / "two_column.pdf", ["skills", "education", "summary", "experience"],
            ("Python", "SQL", "Docker", "Kubernetes"), (), ("bachelor", True),
        ),
        (
            FIXTURES / "table.docx", ["skills", "experience"],
            ("Python", "Go", "SQL", "Amazon Web Services", "Docker", "Terraform", "Kubernetes"), ("education",), (None, False),
        ),
    ],
    ids=["one-column text", "two-column pdf", "docx with tables"],
)  # fmt: skip
def test_layouts(mini_analyzer, resume, sections, skills_only, missing_headings, degree):
    report = mini_analyzer.score(Path(resume), POSTING)
    checks = report.resume_checks
    assert [s.kind for s in checks.sections if s.heading] == sections
    assert checks.skills_only == skills_only
    assert checks.headings_missing == missing_headings
    assert (checks.highest_degree, checks.degree_requirement_met) == degree
    assert checks.email == "jane@example.com"


def test_contact_details_and_title(mini_analyzer):
    checks = mini_analyzer.score(Path(DATA / "resume.txt"), POSTING).resume_checks
    assert (checks.phone, checks.linkedin) == ("+1 (555) 010-0199", "linkedin.com/in/janeexample")
    assert checks.job_title == "Senior Data Engineer"
    assert checks.job_title_line == 5


def test_title_variant_without_seniority(mini_analyzer):
    resume = mini_analyzer.extract("Jane\nData Engineer at Acme\nSkills\nPython")
    checks = check_resume(resume, job_title="Senior Data Engineer", degrees=())
    assert checks.job_title_line == 2


def test_missing_things_become_suggestions(mini_analyzer):
    report = mini_analyzer.score("Python and SQL", POSTING)
    kinds = {(s.kind, s.keyword) for s in report.suggestions}
    assert {("add_contact", "email"), ("add_contact", "phone"), ("add_contact", "linkedin")} <= kinds
    assert {("add_heading", "experience"), ("add_heading", "education"), ("add_heading", "skills")} <= kinds
    assert ("add_job_title", "Senior Data Engineer") in kinds


def test_a_higher_degree_meets_a_lower_requirement(mini_analyzer):
    report = mini_analyzer.score("Education\nM.Sc. Statistics", "Engineer\nRequirements\nBachelor's degree")
    (degree,) = report.matched
    assert (degree.name, degree.satisfied_by) == ("Bachelor's Degree", "Master's Degree")
    assert report.score == 100
    lower = mini_analyzer.score("Education\nBSc Statistics", "Engineer\nRequirements\nMaster's degree")
    assert [k.name for k in lower.missing] == ["Master's Degree"]
    assert lower.resume_checks.degree_requirement_met is False


def test_skills_only_keywords_get_a_suggestion(mini_analyzer):
    report = mini_analyzer.score(Path(DATA / "resume.txt"), POSTING)
    shown = {s.keyword for s in report.suggestions if s.kind == "show_in_experience"}
    assert shown == {"Terraform"}  # Go is skills-only too, but the posting doesn't ask for it
