"""The optional PDFium engine (``atsmatch[pdfium]``): the same text as pypdf, the same limits and
errors. Skipped where pypdfium2 is not installed."""

from __future__ import annotations

import pytest

from atsmatch import DocumentTooLargeError, EncryptedDocumentError, InputError, NoTextError, ReadLimits
from atsmatch import read_document as read

from ..conftest import EXAMPLES, FIXTURES
from .hostile import RESUME_LINES, pdf, text_page

pytest.importorskip("pypdfium2")


def read_document(source, **options):
    return read(source, pdf_engine="pdfium", **options)


@pytest.mark.parametrize(
    "path",
    [
        FIXTURES / "text.pdf",
        FIXTURES / "two_column.pdf",
        FIXTURES / "owner_only.pdf",
        EXAMPLES / "resume.pdf",
    ],
    ids=lambda path: path.name,
)
def test_same_text_as_pypdf(path):
    assert read_document(path) == read(path)


def test_built_resume_reads_line_by_line():
    document = read_document(
        pdf([text_page(*RESUME_LINES)], catalog=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> ")
    )
    assert (document.text.split("\n"), document.pages) == (list(RESUME_LINES), 1)


@pytest.mark.parametrize(
    ("data", "limits", "error", "message"),
    [
        (pdf([text_page("Python")], pages=[0] * 51), ReadLimits(), DocumentTooLargeError, "max_pages"),
        (
            pdf([text_page("Python") + b" " * (20 * 1_048_576)]),
            ReadLimits(),
            DocumentTooLargeError,
            "max_stream_bytes",
        ),
        (
            pdf([text_page("Python") + b" " * 300_000], pages=[0] * 5),
            ReadLimits(max_unpacked_bytes=1_048_576),
            DocumentTooLargeError,
            "max_unpacked_bytes",
        ),
        (pdf([text_page("Python SQL " * 20)]), ReadLimits(max_chars=100), DocumentTooLargeError, "max_chars"),
        (pdf([]), ReadLimits(), NoTextError, "PDF with no pages"),
        (
            (FIXTURES / "encrypted.pdf").read_bytes(),
            ReadLimits(),
            EncryptedDocumentError,
            "password-protected",
        ),
        ((FIXTURES / "image_only.pdf").read_bytes(), ReadLimits(), NoTextError, "no text layer"),
        ((FIXTURES / "corrupt.pdf").read_bytes(), ReadLimits(), InputError, "not a readable PDF"),
    ],
    ids=["pages", "stream", "total", "chars", "zero-pages", "encrypted", "scanned", "corrupt"],
)
def test_same_limits_and_errors(data, limits, error, message):
    with pytest.raises(error, match=message):
        read_document(data, limits=limits)
