"""Every message a reader can give says what happened and what to do, in words, not internals.

Issue 11 found 25 messages leaking library internals (``PdfStreamError: …``,
``XMLSyntaxError: Excessive depth…``, ``<_io.BytesIO object at 0x…>``). This walks one input per
error path of every reader atsmatch owns and checks the message a person sees.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from atsmatch import AtsmatchError, ReadLimits, read_document

from ..conftest import FIXTURES
from .hostile import (
    BILLION_LAUGHS_PROLOG,
    W,
    bomb_docx,
    document_xml,
    docx,
    paragraph,
    pdf,
    resume_body,
    text_page,
)

SMALL = ReadLimits(
    max_bytes=50_000, max_pages=1, max_chars=100, max_part_bytes=10_000, max_unpacked_bytes=20_000
)
GOOD_PDF = pdf([text_page("Python, SQL and Docker")])
GOOD_DOCX = docx(document_xml(resume_body()))


def _zip(**parts: bytes) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name.replace("__", "/"), data)
    return buffer.getvalue()


CASES = {
    # files
    "missing": (Path("/nonexistent/cv.pdf"), ReadLimits()),
    "directory": (FIXTURES, ReadLimits()),
    "device": (Path("/dev/null"), ReadLimits()),
    "over max_bytes": (GOOD_PDF, ReadLimits(max_bytes=100)),
    # sniffing
    "empty": (b"", ReadLimits()),
    "png": ((FIXTURES / "image.png").read_bytes(), ReadLimits()),
    "legacy doc": ((FIXTURES / "legacy.doc").read_bytes(), ReadLimits()),
    "rtf": (b"{\\rtf1 hello}", ReadLimits()),
    "xlsx": (_zip(xl__workbook_xml=b"<workbook/>"), ReadLimits()),
    "broken zip": (b"PK\x03\x04" + b"\x00" * 100, ReadLimits()),
    # text
    "binary": (b"\x00\x01\x02\x03binary" * 10, ReadLimits()),
    "latin-1": ("Compétences".encode("latin-1"), ReadLimits()),
    "bad utf-16": ("Skills".encode("utf-16-le") + b"\x00\xd8\x41\x00", ReadLimits()),
    "max_chars text": (b"Python " * 100, SMALL),
    # PDF
    "encrypted": ((FIXTURES / "encrypted.pdf").read_bytes(), ReadLimits()),
    "scanned": ((FIXTURES / "image_only.pdf").read_bytes(), ReadLimits()),
    "corrupt fixture": ((FIXTURES / "corrupt.pdf").read_bytes(), ReadLimits()),
    "zero pages": (pdf([]), ReadLimits()),
    "truncated": (GOOD_PDF[:150], ReadLimits()),
    "garbage": (b"%PDF-1.4\n" + bytes(range(256)) * 40, ReadLimits()),
    "unknown filter": (GOOD_PDF.replace(b"/FlateDecode", b"/NopeDecode"), ReadLimits()),
    "bad flate": (GOOD_PDF.replace(b"stream\n", b"stream\nxx", 1), ReadLimits()),
    "max_pages": (pdf([text_page("Python")], pages=[0, 0]), SMALL),
    "max_chars pdf": (pdf([text_page("Python " * 40)]), SMALL),
    "max_stream_bytes": (pdf([text_page("Python") + b" " * 100_000]), ReadLimits(max_stream_bytes=50_000)),
    "max_seconds": (pdf([b"BT " + b"() Tj " * 20_000 + b"ET"]), ReadLimits(max_seconds=0.001)),
    # DOCX
    "no body": (docx(f'<w:document xmlns:w="{W}"/>'), ReadLimits()),
    "not xml": (docx("this is not xml <"), ReadLimits()),
    "dtd": (docx(document_xml(paragraph("x &a;"), prolog=BILLION_LAUGHS_PROLOG)), ReadLimits()),
    "deep": (docx(document_xml("<w:tbl><w:tr><w:tc>" * 120 + "</w:tc></w:tr></w:tbl>" * 120)), ReadLimits()),
    "max_part_bytes": (GOOD_DOCX, ReadLimits(max_part_bytes=100)),
    "bomb": (bomb_docx("word/document.xml", 64 * 1_048_576, paragraph("SQL").encode()), ReadLimits()),
    "lying size": (bomb_docx("word/document.xml", 4 * 1_048_576, b"<w:p/>", declared=100), ReadLimits()),
    "max_chars docx": (GOOD_DOCX, SMALL),
    "no main part": (
        _zip(**{"[Content_Types].xml": b"<Types>wordprocessingml.document.main+xml</Types>"}),
        ReadLimits(),
    ),
}
LEAKS = re.compile(
    r"\b\w*(?:Error|Exception)\b|object at 0x|0x[0-9a-f]{6,}|<_io\.|Traceback|lxml|pypdf\.|zipfile"
)
ACTION = re.compile(
    r"\b(?:re-save|re-export|save|raise|pass|check|remove|name|export|run|try|submit|use|install)\b", re.I
)


@pytest.mark.parametrize(("source", "limits"), CASES.values(), ids=CASES.keys())
def test_message_says_what_happened_and_what_to_do(source, limits):
    if source == Path("/dev/null") and not source.exists():
        pytest.skip("no /dev/null")
    with pytest.raises(AtsmatchError) as caught:
        read_document(source, limits=limits, name=None if isinstance(source, Path) else "cv.bin")
    message = str(caught.value)
    assert "\n" not in message
    assert not LEAKS.search(message.replace("ReadLimits", "")), message
    label = str(source) if isinstance(source, Path) else "cv.bin"
    assert message.startswith(f"{label}: ")
    assert message.endswith("."), message
    assert ACTION.search(message), f"no advice in: {message}"
