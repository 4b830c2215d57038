"""Read a path, bytes or stdin into a ``Document``: format sniffed from content, text normalised once.

Readers keep line structure (paragraphs, list items, table rows become lines) because later stages
read sections and lists from it.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from .errors import (
    DocumentTooLargeError,
    EncryptedDocumentError,
    InputError,
    NoTextError,
    UnsupportedFormatError,
)
from .html import html_to_text
from .models import Document, DocumentFormat
from .text import normalise

__all__ = ["ReadLimits", "document_from_text", "read_document", "sniff_format"]

_IMAGE_MAGIC = {
    b"\x89PNG\r\n\x1a\n": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF87a": "GIF",
    b"GIF89a": "GIF",
    b"II*\x00": "TIFF",
    b"MM\x00*": "TIFF",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_HTML_TAG = re.compile(rb"<(?:body|div|p|br|li|ul|h[1-6]|table|span|section|article)\b[^>]*>", re.I)
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_Read = tuple[str, int | None]  # a reader's result: raw text and page count (PDFs only)


class ReadLimits(BaseModel):
    """Limits that keep one huge or hostile file from stalling a run; raise them if you need to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_bytes: int = Field(default=20 * 1024 * 1024, gt=0, description="File size limit")
    max_pages: int = Field(default=50, gt=0, description="PDF page limit")
    max_chars: int = Field(default=500_000, gt=0, description="Limit on the extracted text")


def document_from_text(text: str, *, source: str | None = None, format: DocumentFormat = "text") -> Document:
    """A ``Document`` from text already in memory, normalised like a file's."""
    return Document(text=normalise(text), format=format, source=source)


def read_document(
    source: str | os.PathLike[str] | bytes,
    *,
    name: str | None = None,
    limits: ReadLimits = ReadLimits(),
    encoding: str | None = None,
) -> Document:
    """Read a document from a path (``"-"`` for stdin) or raw bytes.

    Args:
        source: a file path, ``"-"`` for standard input, or the file's bytes.
        name: what to call the document in messages and reports (defaults to the path).
        limits: size, page and length limits.
        encoding: the text encoding of a plain-text file that is not UTF-8 (e.g. ``"cp1252"``).

    Returns:
        The ``Document``; its format is sniffed from the content, not the file name.

    Raises:
        InputError: the file is missing, unreadable, of an unsupported format, encrypted,
            without text, or over a limit; the message says which and what to do.
    """
    if isinstance(source, bytes):
        data, label, suffix = source, name or "<bytes>", ""
    elif os.fspath(source) == "-":
        data, label, suffix = _read_stdin(limits), name or "<stdin>", ""
    else:
        path = Path(source)
        label, suffix = name or str(path), path.suffix.lower()
        data = _read_file(path, label, limits)
    if len(data) > limits.max_bytes:
        raise _too_large(label, len(data), limits)
    fmt = sniff_format(data, suffix=suffix, source=label)
    raw_text, pages = _READERS[fmt](data, label, limits, encoding)
    text = normalise(raw_text)
    if not text.strip():
        raise _no_text(fmt, label)
    if len(text) > limits.max_chars:
        raise DocumentTooLargeError(
            f"holds {len(text):,} characters of text, over the limit of {limits.max_chars:,}. "
            "Is this really a resume or a job posting? Raise ReadLimits.max_chars if it is.",
            source=label,
        )
    return Document(text=text, format=fmt, source=label, pages=pages)


def sniff_format(data: bytes, *, suffix: str = "", source: str | None = None) -> DocumentFormat:
    """Tell the format from the content's first bytes; the file suffix only separates text from Markdown.

    Raises:
        NoTextError: the content is empty.
        UnsupportedFormatError: an image, a legacy Office file, RTF or another binary format.
    """
    if not data.strip():
        raise NoTextError("is empty: there is no text to analyse.", source=source)
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, source)
    if head.startswith(_OLE_MAGIC):
        raise UnsupportedFormatError(
            "is a legacy Word (.doc) file or a password-protected Office document. "
            "Save it as .docx (without a password) or as PDF and try again.",
            source=source,
        )
    for magic, kind in _IMAGE_MAGIC.items():
        if head.startswith(magic):
            raise UnsupportedFormatError(
                f"is a {kind} image, not a document. atsmatch reads PDF, DOCX, HTML, Markdown and "
                "text; an ATS can't read text inside images either, so submit a PDF or DOCX.",
                source=source,
            )
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        raise UnsupportedFormatError("is a WEBP image, not a document.", source=source)
    if head.lstrip().startswith(b"{\\rtf"):
        raise UnsupportedFormatError("is an RTF file. Save it as DOCX or PDF and try again.", source=source)
    if _HTML_START.match(head) or (head.lstrip().startswith(b"<") and _HTML_TAG.search(data[:8192])):
        return "html"
    return "markdown" if suffix in _MARKDOWN_SUFFIXES else "text"


def _read_stdin(limits: ReadLimits) -> bytes:
    import sys

    # Read one byte past the limit so an oversized stream is reported, not silently cut.
    return sys.stdin.buffer.read(limits.max_bytes + 1)


def _read_file(path: Path, label: str, limits: ReadLimits) -> bytes:
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("is a directory, not a file.", source=label)
        if size > limits.max_bytes:
            raise _too_large(label, size, limits)
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file. Check the path.", source=label) from None
    except PermissionError:
        raise InputError("permission denied: atsmatch can't open this file.", source=label) from None
    except IsADirectoryError:
        raise InputError("is a directory, not a file.", source=label) from None
    except OSError as exc:
        raise InputError(f"could not be read: {exc.strerror or exc}.", source=label) from None


def _too_large(label: str, size: int, limits: ReadLimits) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"is {size / 1_048_576:.1f} MiB, over the limit of {limits.max_bytes / 1_048_576:.1f} MiB. "
        "Resumes and postings are rarely over 1 MiB: check that this is the right file, "
        "or raise the limit (--max-mib in the CLI, ReadLimits.max_bytes in the API).",
        source=label,
    )


def _no_text(fmt: DocumentFormat, label: str) -> NoTextError:
    if fmt == "pdf":
        return NoTextError(
            "has no text layer: it looks like a scanned or image-only PDF. An ATS can't read it "
            "either. Export the PDF from your word processor (not a scan or a 'print to image'), "
            "or run OCR on it first.",
            source=label,
        )
    return NoTextError("holds no text to analyse.", source=label)


def _sniff_zip(data: bytes, source: str | None) -> DocumentFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise InputError(
            "looks like a DOCX (ZIP) file but is damaged. Re-save it from your word processor.",
            source=source,
        ) from None
    if "word/document.xml" in names:
        return "docx"
    kind = (
        "an Excel workbook" if "xl/workbook.xml" in names
        else "a PowerPoint file" if "ppt/presentation.xml" in names
        else "an OpenDocument file" if "content.xml" in names
        else "a ZIP archive"
    )  # fmt: skip
    raise UnsupportedFormatError(
        f"is {kind}, not a DOCX document. Save the resume or posting as DOCX, PDF or text.",
        source=source,
    )


def _read_pdf(data: bytes, label: str, limits: ReadLimits, encoding: str | None) -> _Read:
    reader = _open_pdf(data, label)
    try:
        page_count = len(reader.pages)
    except Exception as exc:  # pypdf raises many types on damaged page trees
        raise _damaged_pdf(label, exc) from None
    if page_count > limits.max_pages:
        raise DocumentTooLargeError(
            f"has {page_count} pages, over the limit of {limits.max_pages}. "
            "Raise ReadLimits.max_pages if this is really one resume or posting.",
            source=label,
        )
    pages = []
    for page in reader.pages:
        try:
            pages.append(page.extract_text() or "")
        except Exception as exc:  # a damaged content stream: keep going would hide lost text
            raise _damaged_pdf(label, exc) from None
    return "\n\n".join(pages), page_count


def _open_pdf(data: bytes, label: str):  # -> pypdf.PdfReader, imported lazily (slow import)
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        # Many PDFs carry only an owner password ("no copying"); they open with an empty one.
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocumentError(
                "is password-protected. Remove the password (save an unprotected copy) and "
                "try again; an ATS can't read a protected file either.",
                source=label,
            )
    except EncryptedDocumentError:
        raise
    except DependencyError:
        raise EncryptedDocumentError(
            "is encrypted with AES, which needs the 'cryptography' package: pip install 'pypdf[crypto]'.",
            source=label,
        ) from None
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, KeyError...)
        raise _damaged_pdf(label, exc) from None
    return reader


def _damaged_pdf(label: str, exc: Exception) -> InputError:
    return InputError(
        f"is not a readable PDF ({type(exc).__name__}: {exc}). The file may be damaged or "
        "truncated: re-export it from the program that made it.",
        source=label,
    )


def _read_docx(data: bytes, label: str, limits: ReadLimits, encoding: str | None) -> _Read:
    from .docx_text import docx_to_text

    try:
        return docx_to_text(data), None
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on bad parts
        raise InputError(
            f"is not a readable DOCX ({type(exc).__name__}: {exc}). Re-save it from your word "
            "processor as .docx.",
            source=label,
        ) from None


def _decode(data: bytes, label: str, encoding: str | None) -> str:
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            encoding = codec
            break
    try:
        text = data.decode(encoding or "utf-8")
    except LookupError:
        raise InputError(f"unknown text encoding {encoding!r}.", source=label) from None
    except UnicodeDecodeError as exc:
        if b"\x00" in data[:4096]:
            raise UnsupportedFormatError(
                "is a binary file, not a document. atsmatch reads PDF, DOCX, HTML, Markdown and text.",
                source=label,
            ) from None
        raise InputError(
            f"is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start} can't be "
            "decoded). Save it as UTF-8, or name its encoding (--encoding cp1252 in the CLI, "
            "encoding='cp1252' in the API).",
            source=label,
        ) from None
    if "\x00" in text:
        raise UnsupportedFormatError(
            "is a binary file, not a document. atsmatch reads PDF, DOCX, HTML, Markdown and text.",
            source=label,
        )
    return text


def _read_text(data: bytes, label: str, limits: ReadLimits, encoding: str | None) -> _Read:
    return _decode(data, label, encoding), None


def _read_html(data: bytes, label: str, limits: ReadLimits, encoding: str | None) -> _Read:
    return html_to_text(_decode(data, label, encoding or _html_charset(data))), None


def _html_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    return match.group(1).decode("ascii") if match else None


_READERS: dict[DocumentFormat, Callable[[bytes, str, ReadLimits, str | None], _Read]] = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "html": _read_html,
    "markdown": _read_text,
    "text": _read_text,
}
