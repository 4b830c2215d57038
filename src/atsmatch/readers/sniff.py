"""Tell a file's format from its content, not its name."""

from __future__ import annotations

import io
import re
import zipfile

from ..errors import InputError, NoTextError, UnsupportedFormatError
from ..models import DocumentFormat

__all__ = ["sniff_format"]

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


def sniff_format(data: bytes, *, suffix: str = "", source: str | None = None) -> DocumentFormat:
    """Tell the format from the content's first bytes; the file suffix only separates text from Markdown.

    Raises:
        NoTextError: the content is empty.
        UnsupportedFormatError: an image, a legacy Office file, RTF or another binary format.
    """
    if not data.strip():
        raise NoTextError(
            "is empty: there is no text to analyse. Check that this is the file you meant.", source=source
        )
    head = data[:1024]
    if _is_pdf(data, head):
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


def _is_pdf(data: bytes, head: bytes) -> bool:
    """A PDF starts with ``%PDF-``; some tools put junk first (the spec allows 1 KiB of it), so
    ``%PDF-`` later in the head counts only if the file also ends like a PDF. Text that mentions
    "%PDF-" in its first lines stays text."""
    if head.lstrip().startswith(b"%PDF-"):
        return True
    return b"%PDF-" in head and b"%%EOF" in data[-2048:]


def _sniff_zip(data: bytes, source: str | None) -> DocumentFormat:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            main_type = _declares_word_main_part(archive, names)
    except Exception:  # zipfile raises BadZipFile, ValueError, EOFError... on damaged archives
        raise InputError(
            "looks like a DOCX (ZIP) file but is damaged. Re-save it from your word processor.",
            source=source,
        ) from None
    if "word/document.xml" in names or main_type:
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


_WORD_MAIN_TYPES = (b"wordprocessingml.document.main+xml", b"ms-word.document.macroEnabled.main+xml")


def _declares_word_main_part(archive: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether ``[Content_Types].xml`` declares a Word main part (which may live anywhere)."""
    if "[Content_Types].xml" not in names:
        return False
    info = archive.getinfo("[Content_Types].xml")
    if info.file_size > 1_048_576:  # a real one is a few KiB
        return False
    with archive.open(info) as part:
        content_types = part.read(1_048_577)
    return any(kind in content_types for kind in _WORD_MAIN_TYPES)
