"""Whole postings, with their furniture, read with the shipped lexicon: title, levels, alternatives,
partner teams and company lines, years, degrees and warnings (issue 8, classes 2 and 6-10)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import DATA

POSTINGS = DATA / "postings"


@pytest.fixture(scope="module")
def read(full_analyzer):
    def read(name: str, **options):
        return full_analyzer.read_posting(Path(POSTINGS / name), **options).analysis

    return read


def levels(analysis) -> dict[str, str]:
    return {r.name: r.requirement for r in analysis.requirements}


def groups(analysis) -> list[tuple[tuple[str, ...], str]]:
    return [(tuple(sorted(g.keywords)), g.requirement) for g in analysis.alternatives]


def ignored(analysis) -> dict[str, str]:
    """Keywords left out, and why; the tagger's duty phrases apart (tests/understanding/test_tagged_phrases.py)."""
    return {k.name: k.reason for k in analysis.ignored_keywords if k.reason != "not_keyword_like"}


def test_a_job_board_page_with_company_colon_title(read):
    analysis = read("personalization_ml.txt")
    assert analysis.title == "Senior Machine Learning Engineer"  # company and team cut off
    assert (analysis.title_evidence.rule, analysis.title_line) == ("company_colon", 3)
    got = levels(analysis)
    assert (got["Python"], got["Kubernetes"]) == ("required", "preferred")
    # "Experience with PyTorch or TensorFlow is a strong plus": preferred, and either one will do.
    assert (got["PyTorch"], got["TensorFlow"]) == ("preferred", "preferred")
    assert groups(analysis) == [
        (("PyTorch", "TensorFlow"), "preferred"),
        (("Java", "Kotlin", "Scala"), "required"),
    ]
    # Partner teams and the employer describing itself are not asked of the candidate.
    assert ignored(analysis) == {
        "Apache Spark": "company", "UX Research": "partner_function", "Data Science": "partner_function",
        "Product Management": "partner_function", "Software Development": "about_the_company",
        "Docker": "about_the_company",
    }  # fmt: skip
    (years,) = analysis.experience
    assert (years.years_min, years.subject, years.keyword, years.requirement) == (
        5,
        "Python",
        "Python",
        "required",
    )
    assert years.text == "5+ years of experience with Python in production systems"
    (phd,) = analysis.degrees
    assert (phd.name, phd.as_written, phd.level) == ("Doctorate", "Ph.D. in Computer Science", "doctorate")
    assert phd.fields == ("Computer Science", "Mathematics", "Engineering")
    assert (phd.or_related, phd.or_equivalent, phd.requirement) == (True, True, "required")
    reason_of = {n: r.reason for r in analysis.ignored_lines for n in range(r.start_line, r.end_line + 1)}
    assert set(reason_of) == {1, 2, 5, 6, 8, 9, 10, 26, 28, 29, 30, 31, 32}
    # The page structure, when read, names furniture more finely ("similar_jobs" for "cruft").
    assert (reason_of[9], reason_of[26], reason_of[30]) in {
        ("company", "legal", "cruft"),
        ("company", "legal", "similar_jobs"),
    }
    assert analysis.warnings == ()


def test_a_flat_posting_with_one_of_and_not_required(read):
    analysis = read("network_automation_flat.txt")
    assert (analysis.title, analysis.title_evidence.rule) == ("Network Automation Engineer", "role_line")
    # "one of: Python, Perl, PHP, C, C++, JavaScript, Java, Ruby, Clojure": one requirement.
    nine = ("C", "C++", "Clojure", "Java", "JavaScript", "PHP", "Perl", "Python", "Ruby")
    # "BS/MS": the master's is offered beside the bachelor's, which is also asked for alone.
    assert groups(analysis) == [(nine, "unspecified"), (("Bachelor's Degree", "Master's Degree"), "required")]
    got = levels(analysis)
    assert (got["IP Addressing"], got["IPv6"]) == ("preferred", "preferred")  # "(Not Required): IPv4, IPv6"
    assert got["Terraform"] == "preferred"
    # "Nice to have / 3+ years of Kubernetes is a must": one rule, so keyword and years agree.
    assert got["Kubernetes"] == "required"
    years = {(e.years_min, e.subject): (e.requirement, e.text) for e in analysis.experience}
    assert years == {
        (3, "Network Automation"): ("required", "Minimum 3 years experience in network automation"),
        (3, "Kubernetes"): ("required", "3+ years of Kubernetes is a must"),
    }
    assert all(len(e.text) <= 160 for e in analysis.experience)  # the paragraph is 1,500 characters
    degrees = [(d.name, d.as_written, d.level, d.alternatives, d.or_related) for d in analysis.degrees]
    assert degrees == [
        ("Bachelor's Degree", "Bachelor's Degree in Computer Science", "bachelor", (), True),
        ("Bachelor's Degree", "BS/MS degree in Computer Science", "bachelor", ("Master's Degree",), True),
    ]
    assert analysis.degrees[0].fields == ("Computer Science", "Electrical Engineering")


def test_a_uk_posting_with_breadcrumb_and_non_us_qualifications(read):
    analysis = read("maintenance_planner_uk.txt")
    assert (analysis.title, analysis.title_evidence.rule) == ("Senior Maintenance Planner", "breadcrumb")
    degrees = [(d.name, d.level, d.alternatives, d.requirement) for d in analysis.degrees]
    assert degrees == [
        (
            "NVQ Level 3",
            "high school",
            ("Higher National Diploma", "Higher National Certificate"),
            "required",
        ),
        ("A-Levels", "high school", (), "required"),
        # "Masters in Business Administration" is an MBA, not a generic master's.
        ("Master of Business Administration", "master", (), "preferred"),
    ]
    assert analysis.degrees[1].fields == ("Maths", "Physics")
    assert analysis.degrees[1].or_equivalent
    assert ignored(analysis) == {"Procurement": "partner_function", "Microsoft Excel": "benefits"}
    (years,) = analysis.experience
    assert (years.years_min, years.subject) == (4, "maintenance planning")


def test_the_title_from_as_a_when_the_top_is_furniture(read):
    analysis = read("search_staff_ml.txt")  # 求人情報, ログイン, a lone •, "Recruiters" above it
    assert (analysis.title, analysis.title_evidence.rule, analysis.title_line) == (
        "Staff Machine Learning Engineer", "as_a", 8,
    )  # fmt: skip
    assert groups(analysis) == [
        (("Java", "Scala"), "required"),
        (("Apache Solr", "Elasticsearch"), "required"),
    ]
    (degree,) = analysis.degrees
    assert (degree.name, degree.as_written, degree.level, degree.or_related) == (
        "Degree", "A degree in Computer Science", "bachelor", True,
    )  # fmt: skip
    assert degree.fields == ("Computer Science", "Engineering")


def test_years_without_a_subject_and_european_degrees(read):
    analysis = read("informatics_eu.txt")
    assert analysis.title == "Backend Developer"  # "(m/f/d)" cut off
    years = [(e.years_min, e.subject) for e in analysis.experience]
    assert years == [(10, None), (5, "Back-End Development")]  # "10+ years of Experience", "of of"
    degrees = [(d.name, d.as_written, d.level, d.or_related) for d in analysis.degrees]
    assert degrees == [
        ("Bachelor's Degree", "Bachelor in Informatics", "bachelor", True),
        ("Diploma", "Diploma in software engineering", "associate", False),
    ]


def test_a_careers_page_listing_several_roles_is_flagged(read):
    analysis = read("careers_overview.txt")
    (warning,) = analysis.warnings
    assert warning.startswith("The text names 4 job titles ('Senior Backend Engineer', 'Data Analyst'")
    assert "Score one posting at a time" in warning


def test_a_given_title_overrides_the_one_read(read):
    analysis = read("personalization_ml.txt", title="ML Engineer")
    assert (analysis.title, analysis.title_evidence.rule) == ("ML Engineer", "given")


def test_most_keywords_out_of_body_and_no_requirement_section_warn(full_analyzer):
    page = (
        "About Globex\nGlobex builds Python, Kubernetes and Terraform tooling for banks.\n\n"
        "Benefits\nA Microsoft Excel course, a Docker workshop and a gym.\n\n"
        "What you'll do\nYou will talk to customers every day and write about what they need from our "
        "product. You will help the sales team plan their quarter, run webinars and answer questions "
        "from partners, and you will keep our help centre up to date with clear articles.\n"
    )
    warnings = full_analyzer.read_posting(page).analysis.warnings
    assert [w.split(" ")[0:2] for w in warnings] == [["5", "of"], ["No", "requirements"]]


def test_a_posting_scored_against_itself_gives_100(full_analyzer):
    for path in sorted(POSTINGS.glob("*.txt")):
        extraction = full_analyzer.extract(path)
        report = full_analyzer.score(extraction, extraction)
        if report.matched or report.missing:
            assert report.score == 100, path.name


def test_no_title_means_no_headline_advice(full_analyzer):
    posting = "Requirements\n- Python and SQL\n- Docker\n"
    report = full_analyzer.score("Skills: Python", posting)
    assert report.posting_analysis.title is None
    assert "add_job_title" not in {s.kind for s in report.suggestions}
    with_title = full_analyzer.score("Skills: Python", posting, title="Data Engineer")
    assert ("add_job_title", "Data Engineer") in {(s.kind, s.keyword) for s in with_title.suggestions}


def test_a_workday_career_page(read):
    """An ATS-hosted page pasted whole: field labels above the body, a pay-transparency block, a
    "Similar Jobs (5)" rail with a count, and the employer's history in its first sentence."""
    analysis = read("workday_page.txt")
    assert analysis.title == "Senior Software Engineer"
    kinds = {s.heading: s.kind for s in analysis.sections}
    assert kinds["Similar Jobs (5)"] == "cruft" and kinds["Pay Transparency:"] == "benefits"
    got = levels(analysis)
    assert (got["Apache Spark"], got["SQL"], got["Databricks"]) == ("required", "required", "preferred")
    assert "Data Engineering" not in got  # "Staff Data Engineer" is a similar job's title
    assert groups(analysis) == [(("Python", "Scala"), "required")]
    assert [(e.years_min, e.keyword) for e in analysis.experience] == [
        (5, "Software Engineering"),
        (3, "Data Pipelines"),
    ]  # not "For more than 40 years, our teams have helped hospitals"
    assert [(d.level, d.requirement) for d in analysis.degrees] == [("bachelor", "required")]
    assert ignored(analysis)["Data Science"] == "partner_function"


def test_a_recruiters_three_page_pdf(full_analyzer):
    """An agency's role profile: its running header and numbered footer on every page, UK headings
    ("Essential Skills & Experience", "Desirable"), a bullet list whose last item ends in a tool
    ("Python or Bash" above another bullet), and the agency describing itself at the end."""
    from ..conftest import FIXTURES

    analysis = full_analyzer.read_posting(FIXTURES / "recruiter_profile.pdf").analysis
    assert analysis.title == "Lead DevOps Engineer"
    kinds = {s.heading: s.kind for s in analysis.sections}
    assert kinds["Essential Skills & Experience"] == "required" and kinds["Desirable"] == "preferred"
    got = levels(analysis)
    assert (got["Kubernetes"], got["PCI DSS"], got["Istio"]) == ("required", "required", "preferred")
    assert (("Bash", "Python"), "required") in groups(analysis)
    assert [(e.years_min, e.keyword, e.requirement) for e in analysis.experience] == [
        (6, "DevOps", "required")
    ]
    assert ignored(analysis)["General Data Protection Regulation"] == "company"  # the agency's own text


def test_an_indeed_page_with_its_menu_and_search_bar(read):
    """Indeed pasted whole: a menu and a search bar of one- and two-word lines ("Company reviews",
    "Salary estimate", "Job type") above the title card, profile-insight questions, and a
    healthcare posting, whose title nouns and licences are not a software engineer's."""
    analysis = read("indeed_page.txt")
    assert (analysis.title, analysis.title_line) == ("Nurse Practitioner", 14)
    assert not any(s.kind == "cruft" and s.start_line < 14 for s in analysis.sections)  # menu items
    got = levels(analysis)
    for licence in ("Advanced Practice Registered Nurse (APRN)", "Family Nurse Practitioner Certification",
                    "DEA Registration", "Basic Life Support", "Advanced Cardiovascular Life Support"):  # fmt: skip
        assert got[licence] == "required", licence
    assert (got["Pediatric Advanced Life Support"], got["Spanish"]) == ("preferred", "preferred")
    assert got["Urgent Care"] == "required"
    assert "Environmental Social and Governance" not in got  # "ESG at Indeed" in the footer


def test_a_greenhouse_page_with_its_application_form(read):
    """A Greenhouse posting pasted with its application form below (file pickers, work
    authorisation questions, the voluntary self-identification survey) and a bonus marked after
    a parenthesis."""
    analysis = read("greenhouse_page.txt")
    assert analysis.title == "Machine Learning Engineer"
    got = levels(analysis)
    assert (got["Python"], got["SQL"], got["PyTorch"]) == ("required", "required", "required")
    assert got["Feature Stores"] == "preferred"  # "(Feast or Tecton) is a bonus"
    assert (("LightGBM", "XGBoost"), "required") in groups(analysis)
    assert not {"Google Drive", "Dropbox", "LinkedIn"} & set(got)  # the form's buttons ask nothing
    assert [(e.years_min, e.requirement) for e in analysis.experience] == [(3, "required")]


def test_a_linkedin_page_with_its_assistant_and_hiring_team(read):
    """LinkedIn's job page as pasted in 2026: its AI assistant prompts ("Use AI to assess how you
    fit", "Tailor my resume"), premium and hirer notes, and the hiring team's card, whose
    recruiter's title (Talent Acquisition Partner) is no skill asked for."""
    analysis = read("linkedin_2026_page.txt")
    assert analysis.title == "Senior Frontend Engineer"
    got = levels(analysis)
    assert not {"Artificial Intelligence", "Talent Acquisition"} & set(got)
    assert (got["React"], got["TypeScript"], got["GraphQL"]) == ("required", "required", "required")
    assert (got["Next.js"], got["Dutch"]) == ("preferred", "preferred")
    assert [(e.years_min, e.keyword) for e in analysis.experience] == [(5, "Front-End Development")]
