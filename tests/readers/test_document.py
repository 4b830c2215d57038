"""Readers on real small files (made by tests/fixtures/make_fixtures.py), sniffing, and every error."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from atsmatch import (
    DocumentTooLargeError,
    EncryptedDocumentError,
    InputError,
    NoTextError,
    ReadLimits,
    UnsupportedFormatError,
    read_document,
)
from atsmatch.readers import sniff_format

from ..conftest import FIXTURES, write


def lines(document) -> list[str]:
    return [line for line in document.text.split("\n") if line.strip()]


def test_pdf_with_text_layer_keeps_lines_in_order():
    document = read_document(FIXTURES / "text.pdf")
    assert (document.format, document.pages) == ("pdf", 2)
    assert lines(document) == [
        "Jane Example",
        "Skills",
        "Python, SQL and Docker",
        "Natural Language Processing (NLP)",
        "Experience",
        "Built ETL pipelines with Apache Spark",
    ]


def test_owner_password_only_pdf_opens():
    assert "Skills: Python, Kubernetes" in read_document(FIXTURES / "owner_only.pdf").text


def test_two_column_pdf_keeps_columns_whole():
    text = read_document(FIXTURES / "two_column.pdf").text
    assert "Data engineer with 7 years" in text  # justified gaps collapsed
    assert text.index("Skills") < text.index("Education") < text.index("Summary")


def test_docx_reads_header_paragraphs_and_tables_in_order():
    document = read_document(FIXTURES / "table.docx")
    assert document.format == "docx"
    got = lines(document)
    assert got[0] == "jane@example.com"  # page header first
    assert got.index("Skills") < got.index("Languages | Python, Go | SQL") < got.index("Experience")
    assert "Terraform" in got  # nested table
    assert "Orchestration | Kubernetes" in got  # merged cell once
    assert got[-1] == "Led cross-functional collaboration"


def test_html_drops_head_scripts_and_styles_and_decodes_entities():
    document = read_document(FIXTURES / "posting.html")
    assert document.format == "html"
    text = document.text
    assert "kubernetes" not in text.lower()  # only inside <script>
    assert "Docker" not in text  # only inside a comment
    assert "• 3+ years of Python" in text
    assert "Apache Spark & Airflow" in text
    assert "We're hiring" in text
    assert "\xa0" not in text


def test_markdown_by_suffix_and_text_otherwise():
    assert read_document(FIXTURES / "notes.md").format == "markdown"
    assert read_document(FIXTURES / "utf16.txt").format == "text"


def test_utf16_with_bom():
    assert read_document(FIXTURES / "utf16.txt").text == "Skills: Python, SQL"


def test_non_utf8_text_needs_its_encoding():
    with pytest.raises(InputError, match=r"not UTF-8 text \(byte 0xe9 at position 1.*--encoding cp1252"):
        read_document(FIXTURES / "latin1.txt")
    assert "Compétences : Python" in read_document(FIXTURES / "latin1.txt", encoding="latin-1").text


@pytest.mark.parametrize(
    ("fixture", "error", "message"),
    [
        ("encrypted.pdf", EncryptedDocumentError, "password-protected"),
        ("image_only.pdf", NoTextError, "no text layer"),
        ("corrupt.pdf", InputError, "not a readable PDF"),
        ("empty.txt", NoTextError, "is empty"),
        ("whitespace.txt", NoTextError, "is empty"),
        ("image.png", UnsupportedFormatError, "is a PNG image"),
        ("not_really.pdf", UnsupportedFormatError, "is a PNG image"),
        ("legacy.doc", UnsupportedFormatError, "legacy Word"),
    ],
)
def test_unreadable_fixtures_raise_one_clear_error(fixture, error, message):
    with pytest.raises(error, match=message) as caught:
        read_document(FIXTURES / fixture)
    assert caught.value.source == str(FIXTURES / fixture)
    assert str(FIXTURES / fixture) in str(caught.value)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x00\x01\x02binary\xff\xfe\x00", "binary file"),
        (b"{\\rtf1\\ansi hello}", "RTF"),
        (b"PK\x03\x04not really a zip", "damaged"),
        (b"\x89PNG\r\n\x1a\n....", "PNG image"),
    ],
)
def test_bad_bytes(content, message):
    with pytest.raises(InputError, match=message):
        read_document(content)


def test_zip_that_is_not_docx(tmp_path):
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormatError, match="Excel workbook"):
        read_document(buffer.getvalue(), name="cv.docx")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_document(tmp_path / "nope.pdf")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


@pytest.mark.parametrize(
    ("limits", "message"),
    [
        (ReadLimits(max_bytes=100), "over the limit of 0.0 MiB"),
        (ReadLimits(max_pages=1), "has 2 pages, over the limit of 1"),
        (ReadLimits(max_chars=20), "characters of text, over the limit of 20"),
    ],
)
def test_limits(limits, message):
    with pytest.raises(DocumentTooLargeError, match=message):
        read_document(FIXTURES / "text.pdf", limits=limits)


def test_content_wins_over_extension(tmp_path):
    disguised = write(tmp_path, "resume.pdf", (FIXTURES / "table.docx").read_bytes())
    assert read_document(disguised).format == "docx"
    text_as_pdf = write(tmp_path, "posting.pdf", "Senior Engineer\nPython")
    assert read_document(text_as_pdf).format == "text"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        (b"  <html lang='en'><p>x</p></html>", "html"),
        (b"<div><p>Python</p></div>", "html"),
        (b"Python <3 and C++ <br> sometimes", "text"),
        (b"%PDF-1.7 ...", "pdf"),
    ],
)
def test_sniff(head, expected):
    assert sniff_format(head) == expected


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Skills: Python")))
    document = read_document(Path("-"))
    assert (document.source, document.text) == ("<stdin>", "Skills: Python")


def test_offsets_index_the_normalised_text(mini_analyzer):
    extraction = mini_analyzer.extract(read_document(FIXTURES / "text.pdf"))
    for keyword in extraction.keywords:
        for mention in keyword.mentions:
            assert extraction.text[mention.start : mention.end] == mention.text
    assert {"Python", "SQL", "Docker", "Natural Language Processing", "ETL", "Apache Spark"} <= {
        k.name for k in extraction.keywords
    }
