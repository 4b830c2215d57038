"""Builders of small hostile (and ordinary) PDFs and DOCX packages, made by code in the tests.

Nothing here is a mock: each builder writes real bytes that pypdf, python-docx and Word would
open (or refuse) the same way.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE_DOCUMENT = f"{R}/officeDocument"
_HEADER = f"{R}/header"
_MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_HEADER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"


# ---------------------------------------------------------------------------------------- PDF


def pdf(
    streams: list[bytes],
    pages: list[int] | None = None,
    *,
    catalog: bytes = b"",
    page_extra: bytes = b"",
    compress: bool = True,
) -> bytes:
    """A PDF whose page i shows content stream ``pages[i]`` (default: one page per stream)."""
    pages = list(range(len(streams))) if pages is None else pages
    first_stream, first_page = 4, 4 + len(streams)
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(len(pages)))
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        2: b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % len(pages),
        3: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for i, content in enumerate(streams):
        data = zlib.compress(content, 9) if compress else content
        flate = b"/Filter /FlateDecode " if compress else b""
        objects[first_stream + i] = (
            b"<< " + flate + b"/Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        )
    for i, stream in enumerate(pages):
        objects[first_page + i] = (
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R "
            % (first_stream + stream)
            + page_extra
            + b">>"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref, size = len(out), max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    out += b"".join(b"%010d 00000 n \n" % offsets[number] for number in range(1, size))
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


def text_page(*lines: str) -> bytes:
    """A content stream showing each line in Helvetica, one under the other."""
    shown = b" ".join(b"(" + line.encode("latin-1") + b") '" for line in lines)
    return b"BT /F1 12 Tf 72 720 Td 14 TL " + shown + b" ET"


RESUME_LINES = (
    "Jane Example - Data Engineer",
    "jane@example.com | +1 555 0100",
    "Skills",
    "Python, SQL, Docker and Kubernetes",
    "Experience",
    "Built ETL pipelines with Apache Spark at Acme (2019-2024)",
)


# --------------------------------------------------------------------------------------- DOCX


def paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def document_xml(body: str, *, prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}'
        f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}</w:body></w:document>'
    )


def docx(
    body: str | bytes,
    *,
    main: str = "word/document.xml",
    headers: dict[str, str] | None = None,
    extra_parts: dict[str, bytes] | None = None,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """A DOCX package: the main part at ``main`` (found through _rels/.rels), header parts by
    relationship id (``{"rIdH1": "<w:hdr>…"}``) and any extra parts (media...)."""
    headers = headers or {}
    folder, name = main.rsplit("/", 1) if "/" in main else ("", main)
    overrides = [f'<Override PartName="/{main}" ContentType="{_MAIN_TYPE}"/>']
    rels = []
    for rid in headers:
        overrides.append(
            f'<Override PartName="/{_join(folder, rid + ".xml")}" ContentType="{_HEADER_TYPE}"/>'
        )
        rels.append(f'<Relationship Id="{rid}" Type="{_HEADER}" Target="{rid}.xml"/>')
    parts: dict[str, bytes] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            f'ContentType="application/xml"/>{"".join(overrides)}</Types>'
        ).encode(),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}"><Relationship '
            f'Id="rId1" Type="{_OFFICE_DOCUMENT}" Target="/{main}"/></Relationships>'
        ).encode(),
        main: body if isinstance(body, bytes) else body.encode(),
        _join(folder, f"_rels/{name}.rels"): (
            f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">{"".join(rels)}'
            "</Relationships>"
        ).encode(),
    }
    for rid, xml in headers.items():
        parts[_join(folder, rid + ".xml")] = xml.encode()
    parts.update(extra_parts or {})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for part, data in parts.items():
            archive.writestr(part, data)
    return buffer.getvalue()


BILLION_LAUGHS_PROLOG = (
    '<!DOCTYPE w:document [<!ENTITY a "lol">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    + "]>"
)
QUADRATIC_PROLOG = f'<!DOCTYPE w:document [<!ENTITY q "{"x" * 50_000}">]>'


def header_xml(*lines: str) -> str:
    return f'<w:hdr xmlns:w="{W}" xmlns:r="{R}">{"".join(paragraph(line) for line in lines)}</w:hdr>'


def section_break(header_rid: str | None = None) -> str:
    reference = f'<w:headerReference w:type="default" r:id="{header_rid}"/>' if header_rid else ""
    return f"<w:p><w:pPr><w:sectPr>{reference}</w:sectPr></w:pPr></w:p>"


def resume_body() -> str:
    return "".join(paragraph(line) for line in RESUME_LINES)


def bomb_docx(
    part: str,
    size: int,
    chunk: bytes,
    *,
    prefix: bytes = b"",
    others: dict[str, bytes] | None = None,
    declared: int | None = None,
    crc: int | None = None,
) -> bytes:
    """A ZIP whose ``part`` inflates to ``prefix`` + ``chunk`` repeated to about ``size`` bytes,
    built in a fraction of a second: one 1 MiB block is deflated once (a full flush resets the
    compressor, so every block compresses to the same bytes) and its compressed form repeated.
    Sizes and CRC are honest unless ``declared`` (the size the ZIP claims) or ``crc`` say otherwise."""
    block = chunk * (1_048_576 // len(chunk))
    count = max(1, size // len(block))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    packed = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    assert compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH) == packed
    if crc is None:
        crc = zlib.crc32(prefix)
        for _ in range(count):
            crc = zlib.crc32(block, crc)
    data = head + packed * count + compressor.flush()
    members = [
        (name, zlib.compress(body, 9)[2:-4], zlib.crc32(body), len(body))
        for name, body in (others or {}).items()
    ]
    actual = len(prefix) + len(block) * count
    members.append((part, data, crc, actual if declared is None else declared))
    return _raw_zip(members)


def _raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A ZIP of already-deflated members ``(name, deflated, crc32, size)`` (sizes under 4 GiB)."""
    out, directory = bytearray(), bytearray()
    for name, data, crc, size in members:
        encoded = name.encode()
        fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0, crc, len(data), size)
        directory += (
            b"PK\x01\x02"
            + struct.pack("<H", 20)
            + fields
            + struct.pack("<HHHHHII", len(encoded), 0, 0, 0, 0, 0, len(out))
            + encoded
        )
        out += b"PK\x03\x04" + fields + struct.pack("<HH", len(encoded), 0) + encoded + data
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), len(out), 0)
    return bytes(out + directory + end)


def _join(folder: str, name: str) -> str:
    return f"{folder}/{name}" if folder else name
