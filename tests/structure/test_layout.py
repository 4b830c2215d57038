"""The posting's body and what is ignored, on whole pages with all their furniture."""

from __future__ import annotations

import pytest

from atsmatch.structure.layout import read_structure
from atsmatch.understanding.posting import read_posting

from ..conftest import DATA

POSTINGS = DATA / "postings"


def _page(name: str) -> tuple[list[str], object]:
    text = (POSTINGS / name).read_text(encoding="utf-8")
    return text.split("\n"), read_structure(text)


def _reasons(lines, structure) -> dict[str, str]:
    """Each ignored non-blank line's text → its reason."""
    return {
        lines[n - 1]: r.reason
        for r in structure.ignored
        for n in range(r.start_line, r.end_line + 1)
        if lines[n - 1].strip()
    }


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Home | Jobs | Companies | Salaries | Interviews | Sign in", "navigation"),
        ("Home › Jobs › Northwind Data › Senior Data Engineer", "navigation"),
        ("Engineering – Software (Information & Communication Technology)", "navigation"),
        ("3,112 views · Posted 3 days ago · 87 applicants", "counter"),
        ("Contoso Analytics · Porto, Portugal", "similar_jobs"), ("Data Platform Engineer", "similar_jobs"),
        ("501-1,000 employees", "company_card"), ("Headquarters: Lisbon, Portugal", "company_card"),
        ("25 reviews", "reviews"), ("Work Life Balance", "reviews"), ("4.2", "reviews"),
        ("Great colleagues and a modern stack with Java and Scala", "reviews"),
        ("Slow promotions and too many meetings about Salesforce", "reviews"),
        ("€50K - €65K", "salaries"), ("Data Engineer II", "salaries"),
        ("Common Questions: Coding/Algorithm, Technical Knowledge, System Design", "interview"),
        ("Interview difficulty", "interview"),
        ("Northwind Data opens a second office in Porto - Público", "news"), ("Source: MSN", "news"), ("5w ago", "news"),
        ("Data Science jobs in Lisbon", "similar_jobs"), ("Get it on Google Play", "footer"), ("Deutsch", "footer"),
        ("© 2026 Boardly Ltd. All rights reserved. · Privacy · Terms", "footer"),
        ("Northwind Data is an equal opportunity employer. We do not discriminate on the basis of race, religion, sexual orientation or any other protected status.", "legal"),
    ],
)  # fmt: skip
def test_job_board_page_furniture_is_ignored_with_its_reason(line, reason):
    lines, structure = _page("board_page.txt")
    assert _reasons(lines, structure)[line] == reason


@pytest.mark.parametrize(
    "line",
    [
        "Senior Data Engineer", "Northwind Data · Lisbon, Portugal · Hybrid", "Requirements", "• Strong Python and SQL",
        "• Experience with Apache Spark in production", "• Knowledge of Kubernetes", "Benefits",
    ],
)  # fmt: skip
def test_job_board_page_body_is_kept(line):
    lines, structure = _page("board_page.txt")
    number = lines.index(line) + 1
    assert structure.body_start_line <= number <= structure.body_end_line
    assert structure.in_body(number)
    assert structure.ignored_reason(number) in (None, "benefits")  # perks: the posting's, not asked for


def test_job_board_page_facts_for_warnings():
    lines, structure = _page("board_page.txt")
    assert (structure.body_start_line, structure.body_end_line) == (9, 37)
    assert structure.has_requirement_section and structure.posting_count == 1
    assert not structure.looks_like_several_postings
    assert structure.out_of_body_line_count > structure.body_line_count  # most of this page is furniture
    assert structure.ignored_line_count > structure.out_of_body_line_count  # + company and benefits lines
    assert [r.reason for r in structure.ignored if r.reason in ("company", "benefits")] == ["benefits"]
    assert len(structure.line_kinds) == len(lines)


def test_linkedin_criteria_block_and_rails():
    lines, structure = _page("linkedin_page.txt")
    reasons = _reasons(lines, structure)
    for label in ("Seniority level", "Mid-Senior level", "Employment type", "Full-time", "Job function",
                  "Engineering and Information Technology", "Industries", "Software Development"):  # fmt: skip
        assert reasons[label] == "job_criteria"
    assert reasons["Harbor AI · Amsterdam, Netherlands"] == "similar_jobs"
    assert reasons["Polder Systems · Rotterdam, Netherlands"] == "similar_jobs"
    assert lines[structure.body_start_line - 1] == "Machine Learning Engineer, Search"
    assert "Publications in NLP are a plus" in lines[structure.body_end_line - 1]


def test_flat_posting_ending_in_eeo_keeps_everything_before_it():
    lines, structure = _page("flat_eeo.txt")
    assert [(r.start_line, r.end_line, r.reason) for r in structure.ignored] == [(8, 8, "legal")]
    assert structure.out_of_body_line_count == structure.ignored_line_count == 1
    assert structure.line_kinds == ("preamble",) * 4 + (
        "required",
        "preamble",
        "preamble",
        "legal",
        "preamble",
    )


def test_german_posting_is_divided_into_sections():
    _, structure = _page("stellenanzeige_de.txt")
    assert [(s.kind, s.heading) for s in structure.sections] == [
        ("preamble", None), ("company", "Über uns"), ("responsibilities", "Deine Aufgaben"), ("required", "Dein Profil"),
        ("preferred", "Wünschenswert"), ("benefits", "Wir bieten"),
    ]  # fmt: skip


def test_french_posting_sections_and_furniture():
    lines, structure = _page("offre_fr.txt")
    assert [s.kind for s in structure.sections] == [
        "preamble", "company", "responsibilities", "required", "preferred", "benefits", "cruft",
    ]  # fmt: skip
    reasons = _reasons(lines, structure)
    assert reasons["Publiée il y a 3 jours · 42 candidatures"] == "counter"
    assert reasons["Postuler"] == "navigation"
    assert reasons["Lumen Analytique est un employeur garantissant l'égalité des chances."] == "legal"
    assert reasons["Tramway Conseil · Grenoble, France"] == "similar_jobs"
    assert lines[structure.body_start_line - 1] == "Ingénieur Data (H/F) - CDI"


def test_a_careers_page_listing_several_roles_reads_as_several_postings():
    _, structure = _page("careers_page.txt")
    assert structure.posting_count == 2 and structure.looks_like_several_postings
    _, single = _page("board_page.txt")
    assert single.posting_count == 1


def test_several_postings_on_one_page():
    text = "\n".join(
        [
            "Open roles at Quillby", "",
            "Data Engineer", "What you'll do", "• Build pipelines with Apache Spark", "Requirements", "• Python and SQL", "",
            "Frontend Developer", "What you'll do", "• Build our web app with React", "Requirements", "• TypeScript and CSS",
        ]
    )  # fmt: skip
    structure = read_structure(text)
    assert structure.posting_count == 2 and structure.looks_like_several_postings


def test_a_short_last_page_after_page_furniture_stays_in_the_body():
    page_one = [f"• You will build service number {n} with our team" for n in range(10)]
    page_two = ["• Experience with Kubernetes is required", "• You have worked with Terraform"]
    lines = ["Platform Engineer", *page_one, "Page 1 of 2", "© Harbourline 2026", "Privacy policy", *page_two]
    structure = read_structure("\n".join(lines))
    assert (structure.body_start_line, structure.body_end_line) == (1, len(lines))
    assert [r.reason for r in structure.ignored] == ["counter", "footer"]


def test_text_with_no_posting_lines_is_all_body():
    structure = read_structure("Python\nSQL\nDocker")
    assert (structure.body_start_line, structure.body_end_line, structure.ignored) == (1, 3, ())
    assert not structure.has_requirement_section


@pytest.mark.parametrize(
    ("name", "kept", "ignored"),
    [
        ("board_page.txt", {"Apache Spark", "Python", "SQL", "Terraform", "dbt", "Kubernetes", "Snowflake", "Apache Airflow"},
         {"Java", "Scala", "Salesforce", "System Design", "Master of Science in Nursing", "Data Science", "Business Intelligence"}),
        ("linkedin_page.txt", {"Python", "SQL", "PyTorch", "Apache Spark", "Elasticsearch", "Information Retrieval"},
         {"Software Development", "Information Technology", "Business Intelligence"}),
        ("flat_eeo.txt", {"Go", "Kubernetes", "PostgreSQL", "Apache Kafka", "Docker", "gRPC", "Prometheus"}, set()),
        ("stellenanzeige_de.txt", {"Java", "Spring Boot", "Kubernetes", "PostgreSQL", "Docker", "Git", "Apache Kafka"}, set()),
        ("oferta_es.txt", {"Python", "Django", "PostgreSQL", "Redis", "Docker", "Git", "Kubernetes"}, {"Java"}),
        ("offre_fr.txt", {"Apache Spark", "Apache Airflow", "PostgreSQL", "Python", "SQL", "Docker", "Git", "Kubernetes"}, set()),
    ],
)  # fmt: skip
def test_keywords_kept_and_self_score(full_analyzer, name, kept, ignored):
    extraction = full_analyzer.extract((POSTINGS / name).read_text(encoding="utf-8"))
    reading = read_posting(extraction)
    names = {k.keyword.name for k in reading.keywords}
    assert kept <= names
    assert not ignored & names
    assert ignored <= {k.name for k in reading.analysis.ignored_keywords}
    assert full_analyzer.score(extraction, extraction).score == 100


def test_structure_is_carried_on_the_extraction(mini_analyzer):
    text = (POSTINGS / "board_page.txt").read_text(encoding="utf-8")
    extraction = mini_analyzer.extract(text)
    assert extraction.structure == read_structure(extraction.text)
    assert extraction.sections == extraction.structure.sections
    for keyword in extraction.keywords:
        for mention in keyword.mentions:
            assert mention.section == extraction.structure.line_kinds[mention.line - 1]


def test_line_questions_and_page_facts_are_carried(full_analyzer):
    extraction = full_analyzer.extract(POSTINGS / "board_page.html")
    structure = extraction.structure
    assert structure.headline == "Senior Data Engineer"
    assert structure.posting_data.title == "Senior Data Engineer"
    assert structure.posting_data.company == "Northwind Data"
    lines = extraction.text.split("\n")
    legal = lines.index(next(line for line in lines if "equal opportunity" in line)) + 1
    requirement = lines.index("• Strong Python and SQL") + 1
    assert structure.ignored_reason(legal) == "legal" and not structure.in_body(legal)
    assert structure.ignored_reason(requirement) is None and structure.in_body(requirement)


@pytest.mark.parametrize(
    "line",
    [
        "• Screened 200 candidates a month for the platform team and reported to the director",
        "• Led 30 code reviews a week across the Python and Go services we maintain",
        "• Managed a team of 12 staff across three offices in Lisbon, Porto and Madrid",
    ],
)
def test_long_lines_with_furniture_words_stay_text(line):
    assert read_structure(f"Experience\n{line}").ignored == ()
