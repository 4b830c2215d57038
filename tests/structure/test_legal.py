"""Legal text is the sentences that are legal, never more."""

from __future__ import annotations

import pytest
from fpdf import FPDF

from atsmatch.structure.layout import read_structure
from atsmatch.understanding.posting import read_posting

EEO = (
    "Harbourline is an equal opportunity employer and does not discriminate on the basis of race or religion."
)


@pytest.mark.parametrize(
    ("lines", "legal"),
    [
        (["Python and SQL required", EEO], [2]),
        ([f"You will build APIs in Go. {EEO}"], []),  # a line with posting text stays the posting's
        ([EEO, "Requirements", "• Python"], [1]),  # a heading after legal text resumes the posting
        ([EEO, "• Kubernetes", "• Docker"], [1]),  # so does a bullet list
        (["We are an equal opportunity employer", "Python", "SQL"], [1]),  # unpunctuated, then a flat list
        (["We do not discriminate on the basis of", "race, religion or any other protected status."], [1, 2]),
        (["We celebrate diversity and are committed", "to creating an inclusive environment for all employees."], [1, 2]),
        (["Our opportunity: build the best search engine.", "Reasonable hours."], []),
    ],
)  # fmt: skip
def test_legal_lines(lines, legal):
    kinds = read_structure("\n".join(lines)).line_kinds
    assert [n for n, kind in enumerate(kinds, start=1) if kind == "legal"] == legal


def test_legal_section_then_a_list_resumes_the_section_before():
    text = "Requirements\n• Python\nEqual Opportunity\nWe are an equal opportunity employer.\n• SQL\n• Docker"
    kinds = read_structure(text).line_kinds
    assert kinds == ("required", "required", "legal", "legal", "required", "required")


def _two_page_recruiter_pdf() -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    page_one = [
        "Java Developer - Harbourline Recruitment for a Client in Leeds",
        "Our client is looking for a Java Developer to join their payments team.",
        "Requirements",
        "- 3+ years of Java and Spring Boot",
        "- Experience with Apache Maven",
        EEO,
    ]
    page_two = [
        "- Excellent knowledge of SQL and Hibernate",
        "- Experience with Spring MVC and test-driven development",
        "Please send your CV to jobs@harbourline.example",
    ]
    for lines in (page_one, page_two):
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_y(-15)
        pdf.cell(0, 10, str(pdf.page_no()), align="C")
    return bytes(pdf.output())


def test_text_after_a_page_break_that_follows_an_eeo_line_is_kept(full_analyzer):
    extraction = full_analyzer.extract(_two_page_recruiter_pdf())
    reading = read_posting(extraction)
    kept = {k.keyword.name for k in reading.keywords}
    assert {
        "Java",
        "Spring Boot",
        "Apache Maven",
        "SQL",
        "Hibernate",
        "Spring MVC",
        "Test-Driven Development",
    } <= kept
    structure = extraction.structure
    lines = extraction.text.split("\n")
    legal = [lines[n - 1] for n, kind in enumerate(structure.line_kinds, start=1) if kind == "legal"]
    assert legal and all("opportunity" in line or "religion" in line for line in legal)
    page_numbers = [r for r in structure.ignored if r.reason == "counter"]
    assert page_numbers  # the footer page numbers
    assert full_analyzer.score(extraction, extraction).score == 100
