"""The zipfile + lxml DOCX reader against python-docx, the reference, on real files made here.

Documents are written with python-docx itself (headers, tables, nested tables, horizontally and
vertically merged cells, several sections), so both readers see what Word would save.
"""

from __future__ import annotations

import io

import docx
import pytest

from atsmatch import read_document
from atsmatch.readers.normalise import normalise

from ..conftest import EXAMPLES, FIXTURES
from .docx_reference import docx_to_text


def saved(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def resume_with_everything() -> bytes:
    """A whole resume page: header, headings, bullets, a skills table with merges, a nested table."""
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "jane@example.com | +1 555 0100 | linkedin.com/in/jane"
    document.add_heading("Jane Example", 0)
    document.add_paragraph("Senior Data Engineer - Berlin")
    document.add_heading("Skills", 1)
    table = document.add_table(rows=4, cols=3)
    for row, values in zip(table.rows, [("Languages", "Python", "SQL"), ("Cloud", "AWS", "GCP"),
                                         ("Tools", "Docker", "Kubernetes"), ("Other", "Airflow", "dbt")], strict=False):  # fmt: skip
        for cell, value in zip(row.cells, values, strict=False):
            cell.text = value
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Python, Go and SQL"  # across
    table.cell(2, 0).merge(table.cell(3, 0))  # down: python-docx repeats it in both rows
    inner = table.cell(1, 2).add_table(rows=2, cols=2)
    for cell, value in zip(
        [c for r in inner.rows for c in r.cells], ["Terraform", "Ansible", "Helm", "Pulumi"], strict=False
    ):
        cell.text = value
    document.add_heading("Experience", 1)
    run = document.add_paragraph().add_run("Acme GmbH\tData Engineer")
    run.add_break()
    run.add_text("2019 - 2024")
    for bullet in ["Built ETL pipelines with Apache Spark", "Cut cloud costs by 30%", "Led a team of 4"]:
        document.add_paragraph(bullet, style="List Bullet")
    new_section = document.add_section()
    new_section.header.is_linked_to_previous = False
    new_section.header.paragraphs[0].text = "Jane Example - page 2"
    document.add_heading("Education", 1)
    document.add_paragraph("B.Sc. Computer Science, TU Berlin, 2018")
    return saved(document)


def many_sections(count: int) -> bytes:
    document = docx.Document()
    document.sections[0].header.paragraphs[0].text = "jane@example.com"
    for number in range(count):
        document.add_paragraph(f"Project {number}: Python and SQL")
        document.add_section()
    return saved(document)


CASES = {
    "fixture table.docx": (FIXTURES / "table.docx").read_bytes(),
    "example resume.docx": (EXAMPLES / "resume.docx").read_bytes(),
    "resume with everything": resume_with_everything(),
    "40 sections": many_sections(40),
}


@pytest.mark.parametrize("data", CASES.values(), ids=CASES.keys())
def test_same_text_as_python_docx(data):
    assert read_document(data).text == normalise(docx_to_text(data))


def test_resume_with_everything_reads_in_order():
    text = read_document(resume_with_everything()).text.split("\n")
    assert text[:2] == ["jane@example.com | +1 555 0100 | linkedin.com/in/jane", "Jane Example - page 2"]
    assert "Languages | Python, Go and SQL" in text  # merged across: once
    # Merged down: python-docx joins the two cells' paragraphs and repeats the cell in both rows.
    assert text[text.index("Tools") :][:8] == [
        "Tools",
        "Other",
        "Docker",
        "Kubernetes",
        "Tools",
        "Other",
        "Airflow",
        "dbt",
    ]
    assert "Terraform | Ansible" in text and "Helm | Pulumi" in text  # nested table, its own rows
    assert "Acme GmbH Data Engineer" in text and "2019 - 2024" in text  # tab and line break
    assert text.index("Skills") < text.index("Experience") < text.index("Education")


def test_text_python_docx_misses_is_read():
    """Tracked insertions, content controls and text boxes hold text Word shows; python-docx skips them."""
    from .hostile import W, document_xml
    from .hostile import docx as package

    body = (
        "<w:p><w:r><w:t>Skills: Python</w:t></w:r><w:ins><w:r><w:t>, Docker</w:t></w:r></w:ins>"
        "<w:del><w:r><w:delText>, Cobol</w:delText></w:r></w:del></w:p>"
        "<w:sdt><w:sdtContent><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:sdtContent></w:sdt>"
        '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        "<mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>Terraform</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Terraform</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    )
    assert W in document_xml(body)
    assert read_document(package(document_xml(body))).text.split("\n") == [
        "Skills: Python, Docker", "Kubernetes", "", "Terraform",
    ]  # fmt: skip
