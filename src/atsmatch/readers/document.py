"""Read a path, bytes or stdin into a ``Document``: format sniffed from content, text normalised once.

Readers keep line structure (paragraphs, list items, table rows become lines) because later stages
read sections and lists from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from ..errors import ArgumentError, NoTextError
from ..models import Document, DocumentFormat
from .decode import decode
from .docx import read_docx
from .html import html_encoding, read_html
from .limits import ReadBudget, ReadLimits
from .normalise import normalise
from .pdf import read_pdf
from .pdf_pdfium import read_pdf_pdfium
from .sniff import sniff_format
from .source import read_bounded, read_regular_file, too_large

__all__ = ["document_from_text", "read_document"]

_Read = tuple[str, int | None]  # a reader's result: raw text and page count (PDFs only)


def document_from_text(text: str, *, source: str | None = None, format: DocumentFormat = "text") -> Document:
    """A ``Document`` from text already in memory, normalised like a file's."""
    return Document(text=normalise(text), format=format, source=source)


def read_document(
    source: os.PathLike[str] | bytes | bytearray | memoryview,
    *,
    name: str | None = None,
    limits: ReadLimits = ReadLimits(),
    encoding: str | None = None,
    pdf_engine: Literal["pypdf", "pdfium"] = "pypdf",
) -> Document:
    """Read a document from a path (``Path("-")`` for stdin) or raw bytes.

    Args:
        source: a file path (``pathlib.Path``), ``Path("-")`` for standard input, or the file's
            bytes. A ``str`` is refused: everywhere else in atsmatch a str is a document's text
            (``document_from_text``), so a str path here would mean two things.
        name: what to call the document in messages and reports (defaults to the path).
        limits: size, page and length limits.
        encoding: the text encoding of a plain-text file that is not UTF-8 (e.g. ``"cp1252"``).
        pdf_engine: ``"pdfium"`` extracts PDF text with PDFium (``pip install 'atsmatch[pdfium]'``),
            1.4–3× faster than pypdf, within the same limits (docs/limits.md).

    Returns:
        The ``Document``; its format is sniffed from the content, not the file name.

    Raises:
        InputError: the file is missing, unreadable, of an unsupported format, encrypted,
            without text, or over a limit; the message says which and what to do.
        ArgumentError: ``source`` is a str or another type that is not a path or bytes.
    """
    data, label, suffix = _raw_bytes(source, name, limits)
    fmt = sniff_format(data, suffix=suffix, source=label)
    budget = ReadBudget(limits, label)
    extras: dict[str, object] = {}
    if fmt == "html":  # a page also says what it is: its <h1> and its schema.org JobPosting
        page = read_html(decode(data, label, encoding or html_encoding(data)), source=label)
        raw_text, pages = page.text, None
        extras = {"headline": page.headline, "posting_data": page.posting_data}
    else:
        reader = read_pdf_pdfium if fmt == "pdf" and pdf_engine == "pdfium" else _READERS[fmt]
        raw_text, pages = reader(data, budget, encoding)
    budget.check_chars(len(raw_text))
    text = normalise(raw_text)
    if not text.strip():
        raise _no_text(fmt, label, pages)
    budget.check_chars(len(text))  # NFKC can lengthen text (U+FDFA becomes 18 characters)
    return Document(text=text, format=fmt, source=label, pages=pages, **extras)  # type: ignore[arg-type]


def _raw_bytes(
    source: os.PathLike[str] | bytes | bytearray | memoryview, name: str | None, limits: ReadLimits
) -> tuple[bytes, str, str]:
    """The document's bytes (bounded by ``limits.max_bytes``), its label and its file suffix."""
    if not isinstance(source, (bytes, bytearray, memoryview, os.PathLike)):
        hint = " (wrap a path in pathlib.Path; for text in memory use document_from_text)"
        raise ArgumentError(
            f"read_document takes a pathlib.Path or bytes, not {type(source).__name__}{hint}."
        )
    if isinstance(source, (bytes, bytearray, memoryview)):
        data, label = bytes(source), name or "<bytes>"
        if len(data) > limits.max_bytes:
            raise too_large(label, limits.max_bytes)
        return data, label, ""
    if os.fspath(source) == "-":
        import sys

        label = name or "<stdin>"
        return read_bounded(sys.stdin.buffer, label, limits.max_bytes), label, ""
    path = Path(source)
    label = name or str(path)
    return read_regular_file(path, label, limits.max_bytes), label, path.suffix.lower()


def _no_text(fmt: DocumentFormat, label: str, pages: int | None) -> NoTextError:
    if fmt == "pdf" and pages == 0:
        return NoTextError(
            "is a PDF with no pages, so there is no text to analyse. Export the document again "
            "from the program that made it.",
            source=label,
        )
    if fmt == "pdf":
        return NoTextError(
            "has no text layer: it looks like a scanned or image-only PDF. An ATS can't read it "
            "either. Export the PDF from your word processor (not a scan or a 'print to image'), "
            "or run OCR on it first.",
            source=label,
        )
    return NoTextError(
        "holds no text to analyse (only markup, or white space). Check that this is the file you meant.",
        source=label,
    )


def _read_text(data: bytes, budget: ReadBudget, encoding: str | None) -> _Read:
    return decode(data, budget.label, encoding), None


def _read_html(data: bytes, budget: ReadBudget, encoding: str | None) -> _Read:
    return read_html(
        decode(data, budget.label, encoding or html_encoding(data)), source=budget.label
    ).text, None


_READERS: dict[DocumentFormat, Callable[[bytes, ReadBudget, str | None], _Read]] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "html": _read_html,
    "markdown": _read_text,
    "text": _read_text,
}
