"""Hostile files, each built small by code: every one is refused with one typed error or read right.

The cases of issue 11: bombs (PDF text operators, DOCX zip and media parts), devices and FIFOs,
XML entity attacks, misleading magic bytes, UTF-16 without a BOM, invisible characters.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from atsmatch import DocumentTooLargeError, InputError, NoTextError, ReadLimits, read_document
from atsmatch.cli import EXIT_INPUT, EXIT_USAGE, app
from atsmatch.readers import sniff_format

from ..conftest import DATA, write
from .hostile import (
    BILLION_LAUGHS_PROLOG,
    QUADRATIC_PROLOG,
    RESUME_LINES,
    W,
    bomb_docx,
    document_xml,
    docx,
    header_xml,
    paragraph,
    pdf,
    resume_body,
    section_break,
    text_page,
)

POSTING = DATA / "posting.txt"
MIB = 1_048_576


def cli(*args) -> object:
    return CliRunner().invoke(app, [str(arg) for arg in args])


def assert_cli_refuses(path: Path, message: str) -> None:
    """``score`` exits 3 with one line naming the file and the reason, never a traceback."""
    result = cli("score", path, POSTING)
    assert result.exit_code == EXIT_INPUT, result.output
    assert result.stderr.startswith(f"atsmatch: error: {path}: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.output


# ----------------------------------------------------------------------------------------- PDF


def test_resume_pdf_built_here_reads():
    document = read_document(pdf([text_page(*RESUME_LINES[:3]), text_page(*RESUME_LINES[3:])]))
    assert (document.format, document.pages) == ("pdf", 2)
    assert document.text.split("\n") == [*RESUME_LINES[:3], "", *RESUME_LINES[3:]]


def test_pages_sharing_one_text_operator_bomb_stop_inside_the_first_page():
    # 50 pages share one small stream (a 10 KB file) that decodes to 600,000 characters of text
    # operators: the character limit is checked while a page is extracted, not after each page.
    bomb = b"BT /F1 1 Tf " + (b"(" + b"Python SQL " * 10 + b") Tj ") * 6_000 + b"ET"
    data = pdf([bomb], pages=[0] * 50)
    assert len(data) < 12_000
    with pytest.raises(
        DocumentTooLargeError, match=r"more than 500,000 characters.*ReadLimits\.max_chars"
    ) as caught:
        read_document(data)
    assert "visit" in {entry.name for entry in caught.traceback}  # raised by the operator visitor


def test_wall_clock_budget_stops_a_slow_page():
    # Text operators that show nothing cost time without adding characters.
    slow = b"BT /F1 1 Tf " + b"() Tj " * 20_000 + b"ET"
    with pytest.raises(DocumentTooLargeError, match=r"took too long.*ReadLimits\.max_seconds"):
        read_document(pdf([slow], pages=[0] * 50), limits=ReadLimits(max_seconds=0.01))


def test_content_stream_with_too_many_tokens_is_not_parsed_to_its_end():
    # Parsing is the one cost a clock check can't interrupt, so pypdf's parser is capped too.
    many = b"BT /F1 1 Tf " + b"() Tj " * 20_000 + b"ET"
    with pytest.raises(
        DocumentTooLargeError, match=r"page 1\) of more than 10,000 operators.*max_stream_tokens"
    ):
        read_document(pdf([many]), limits=ReadLimits(max_stream_tokens=10_000))
    assert read_document(pdf([text_page(*RESUME_LINES)]), limits=ReadLimits(max_stream_tokens=200)).pages == 1


def test_stream_decompressing_past_its_cap():
    bomb = text_page("Python") + b" " * (20 * MIB)  # 20 MiB of spaces deflate to 20 KB
    with pytest.raises(
        DocumentTooLargeError, match=r"page 1 that decompresses to more than 8\.0 MiB.*max_stream_bytes"
    ):
        read_document(pdf([bomb]))


def test_streams_counted_together_against_the_document_total():
    page = text_page("Python") + b" " * 300_000
    limits = ReadLimits(max_unpacked_bytes=MIB)
    with pytest.raises(
        DocumentTooLargeError, match=r"decompresses to more than 1\.0 MiB.*max_unpacked_bytes"
    ):
        read_document(pdf([page], pages=[0] * 5), limits=limits)
    assert read_document(pdf([page], pages=[0] * 3), limits=limits).pages == 3


def test_page_limit():
    data = pdf([text_page("Python")], pages=[0] * 51)
    with pytest.raises(
        DocumentTooLargeError, match=r"has 51 pages, over the limit of 50 \(ReadLimits\.max_pages\)"
    ):
        read_document(data)


def test_zero_page_pdf_is_not_called_scanned():
    with pytest.raises(NoTextError, match="PDF with no pages") as caught:
        read_document(pdf([]))
    assert "scanned" not in str(caught.value)


def test_javascript_and_actions_are_inert(tmp_path):
    marker = tmp_path / "ran"
    script = b"app.alert('hi'); this.exportDataObject({cName: 'x', nLaunch: 2});"
    catalog = (
        b"/OpenAction << /S /JavaScript /JS (" + script + b") >> "
        b"/AA << /WC << /S /Launch /F (/bin/touch " + str(marker).encode() + b") >> >> "
        b"/Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (app.launchURL\\('http://example.com'\\)) >>] >> >> "
    )
    page_action = b"/AA << /O << /S /Launch /F (/bin/touch " + str(marker).encode() + b") >> >> "
    document = read_document(pdf([text_page(*RESUME_LINES)], catalog=catalog, page_extra=page_action))
    assert document.text.split("\n") == list(RESUME_LINES)
    assert "alert" not in document.text and not marker.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (pdf([text_page("Python")])[:200], "not a readable PDF"),
        (
            pdf([text_page("Python")]).replace(b"/Filter /FlateDecode", b"/Filter /FlateDecodX"),
            "not a readable PDF",
        ),
        (b"%PDF-1.4\n" + bytes(range(256)) * 40, "not a readable PDF"),
        (b"%PDF-1.4\n" + b"1 0 obj\n<<" * 5_000, "not a readable PDF"),
    ],
    ids=["truncated", "unknown-filter", "garbage", "deep-dictionaries"],
)
def test_damaged_pdfs_say_what_and_what_to_do(data, message):
    with pytest.raises(InputError, match=message) as caught:
        read_document(data, name="cv.pdf")
    text = str(caught.value)
    assert "Error" not in text and "0x" not in text
    assert "re-export it" in text or "ReadLimits" in text


# ---------------------------------------------------------------------------------------- DOCX


def test_docx_zip_bomb_is_refused_from_its_declared_size():
    # 300 MiB of paragraphs in a 1 MB file.
    bomb = bomb_docx("word/document.xml", 300 * MIB, paragraph("Python and SQL").encode())
    assert len(bomb) < 2 * MIB
    with pytest.raises(
        DocumentTooLargeError,
        match=r"\(word/document\.xml\) that unpacks to more than 300\.0 MiB.*max_part_bytes",
    ):
        read_document(bomb)


def test_docx_part_inflating_past_its_declared_size_is_refused():
    prefix = f'<w:document xmlns:w="{W}"><w:body>'.encode()
    liar = bomb_docx(
        "word/document.xml", 64 * MIB, paragraph("Python").encode(), prefix=prefix, declared=1000
    )
    with pytest.raises(InputError, match="word/document.xml can't be unpacked"):
        read_document(liar)


def test_docx_parts_counted_together_against_the_document_total():
    header = header_xml("jane@example.com " + "x" * 600_000)
    data = docx(document_xml(resume_body() + section_break("rIdH1")), headers={"rIdH1": header})
    with pytest.raises(DocumentTooLargeError, match="max_unpacked_bytes"):
        read_document(data, limits=ReadLimits(max_unpacked_bytes=500_000))


def test_docx_with_a_1_gib_media_part_reads_without_touching_it():
    # The media part claims 1 GiB and carries a wrong CRC: inflating it at all would fail.
    main = document_xml(resume_body()).encode()
    data = bomb_docx("word/media/image1.png", 1024 * MIB, b"\0", others={"word/document.xml": main}, crc=0)
    assert len(data) < 2 * MIB
    assert read_document(data).text.split("\n") == list(RESUME_LINES)


@pytest.mark.parametrize("main", ["word/main.xml", "content/resume.xml", "document.xml"])
def test_docx_main_part_found_through_package_relationships(main):
    data = docx(document_xml(resume_body()), main=main)
    assert sniff_format(data) == "docx"
    assert read_document(data).text.split("\n") == list(RESUME_LINES)


def test_docx_with_3000_section_breaks_reads_each_header_once():
    # Sections without a header of their own inherit the previous one: python-docx follows that
    # chain recursively and fails with RecursionError after 26 s here; the headers are read once.
    body = resume_body() + section_break("rIdH1") + section_break(None) * 2_998 + section_break("rIdH2")
    headers = {"rIdH1": header_xml("jane@example.com"), "rIdH2": header_xml("Page two header")}
    document = read_document(docx(document_xml(body), headers=headers))
    assert document.text.split("\n") == ["jane@example.com", "Page two header", *RESUME_LINES]


def test_xxe_to_a_local_file_is_not_resolved(tmp_path):
    secret = write(tmp_path, "secret.txt", "TOP-SECRET-TOKEN")
    prolog = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file://{secret}">]>'
    data = docx(document_xml(paragraph("Python &xxe;"), prolog=prolog))
    with pytest.raises(InputError, match="declares a DTD or entities") as caught:
        read_document(data)
    assert "TOP-SECRET" not in str(caught.value)


def test_secure_parser_itself_resolves_no_entity(tmp_path):
    from atsmatch.readers.docx_text import safe_parser

    secret = write(tmp_path, "secret.txt", "TOP-SECRET-TOKEN")
    parser = safe_parser()
    parser.feed(f'<!DOCTYPE a [<!ENTITY xxe SYSTEM "file://{secret}">]><a>x&xxe;y</a>'.encode())
    root = parser.close()
    assert "TOP-SECRET" not in "".join(root.itertext())


@pytest.mark.parametrize(
    ("prolog", "text"),
    [(BILLION_LAUGHS_PROLOG, "&j;"), (QUADRATIC_PROLOG, "&q;" * 5_000)],
    ids=["billion-laughs", "quadratic-blowup"],
)
def test_entity_expansion_attacks_are_refused(prolog, text):
    with pytest.raises(InputError, match="declares a DTD or entities"):
        read_document(docx(document_xml(paragraph(text), prolog=prolog)))


def test_nesting_deeper_than_libxml2_allows_is_a_clear_error():
    deep = "<w:tbl><w:tr><w:tc>" * 120 + paragraph("Python") + "</w:tc></w:tr></w:tbl>" * 120
    with pytest.raises(InputError, match="nests elements deeper than any word processor does") as caught:
        read_document(docx(document_xml(deep)))
    assert "XMLSyntaxError" not in str(caught.value)


# ------------------------------------------------------------------------------ devices, FIFOs


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_devices_are_refused_up_front(device, tmp_path):
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    with pytest.raises(InputError, match="is a device, not a regular file"):
        read_document(Path(device))
    link = tmp_path / "resume.pdf"
    link.symlink_to(device)
    with pytest.raises(InputError, match="is a device"):
        read_document(link)
    assert_cli_refuses(link, "is a device")


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "resume.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"is a named pipe \(FIFO\), not a regular file"):
        read_document(fifo)
    assert_cli_refuses(fifo, "named pipe")


class _Endless(io.RawIOBase):
    """A stream that never ends, like /dev/zero on stdin."""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"a" * len(buffer)
        return len(buffer)


def test_endless_stdin_stops_at_the_limit(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(_Endless())))
    with pytest.raises(DocumentTooLargeError, match=r"over the limit of 1\.0 MiB \(ReadLimits\.max_bytes\)"):
        read_document(Path("-"), limits=ReadLimits(max_bytes=MIB))


@pytest.mark.parametrize(
    ("value", "code"), [("inf", 0), ("1e308", 0), ("nan", EXIT_USAGE), ("0", EXIT_USAGE)]
)
def test_max_mib_accepts_inf_and_refuses_nan(value, code):
    result = cli("score", DATA / "resume.txt", POSTING, "--max-mib", value, "--format", "json")
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and "OverflowError" not in result.output


# --------------------------------------------------------------------------- sniffing, decoding


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Notes on %PDF-1.7 exports\nSkills: Python", "text"),
        (b"Our ATS parses %PDF-1.4 and DOCX files.\n" * 3, "text"),
        (b"\n  %PDF-1.4\n...", "pdf"),
        (b"\x00\x01junk" + pdf([text_page("Python")]), "pdf"),
    ],
)
def test_pdf_magic_counts_only_at_the_start(data, expected):
    assert sniff_format(data) == expected


def test_text_mentioning_pdf_magic_is_read_as_text(tmp_path):
    path = write(tmp_path, "posting.txt", "Upload your CV (%PDF-1.7 or DOCX).\nSkills: Python, SQL")
    assert read_document(path).text == "Upload your CV (%PDF-1.7 or DOCX).\nSkills: Python, SQL"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_detected(codec):
    text = "Skills: Python, SQL, Kubernetes\nCompétences : Docker"
    assert read_document(text.encode(codec)).text == text


@pytest.mark.parametrize(
    "data",
    [bytes([0x41, 0x00, 0x03, 0x00, 0x02, 0x00, 0x01, 0x00] * 64), bytes([7, 0] * 300)],
    ids=["control-characters", "bell-bytes"],
)
def test_nul_rich_binary_is_not_taken_for_utf16(data):
    with pytest.raises(InputError, match="binary file"):
        read_document(data)


def test_undecodable_utf16_names_the_option():
    data = "Skills: Python".encode("utf-16-le") + b"\x00\xd8\x41\x00"  # a lone surrogate
    with pytest.raises(InputError, match="looks like UTF-16 text.*--encoding utf-16-le"):
        read_document(data)


@pytest.mark.parametrize("charset", ["punycode", "idna", "rot13", "x-unknown", "base64"])
def test_html_declaring_an_odd_charset_reads_as_utf8(charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>Python and SQL</p></body></html>'
    assert read_document(page.encode()).text == "Python and SQL"


# -------------------------------------------------------------------------- invisible characters


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Py\u2063thon", "Python"),
        ("Kuber\u034fnetes", "Kubernetes"),
        ("Doc\u180eker", "Docker"),
        ("Terra\u200eform", "Terraform"),
        ("S\u200fQL", "SQL"),
        ("Py\ufe0fTorch", "PyTorch"),
        ("Java\u2064Script", "JavaScript"),
        ("Py\u00adthon", "Python"),
        ("Py\u200bthon", "Python"),
    ],
)
def test_invisible_characters_inside_skill_words_are_removed(text, skill, mini_analyzer):
    extraction = mini_analyzer.extract(read_document(f"Skills: {text}, Excel".encode()))
    assert skill in {keyword.name for keyword in extraction.keywords}


# ------------------------------------------------------------------------- the CLI on each kind


@pytest.mark.parametrize(
    ("name", "build", "message"),
    [
        (
            "bomb.docx",
            lambda: bomb_docx("word/document.xml", 300 * MIB, paragraph("SQL").encode()),
            "max_part_bytes",
        ),
        (
            "bomb.pdf",
            lambda: pdf(
                [b"BT /F1 1 Tf " + (b"(" + b"Python SQL " * 10 + b") Tj ") * 6_000 + b"ET"], pages=[0] * 50
            ),
            "max_chars",
        ),
        (
            "xxe.docx",
            lambda: docx(document_xml(paragraph("&a;"), prolog=BILLION_LAUGHS_PROLOG)),
            "declares a DTD",
        ),
        ("zero.pdf", lambda: pdf([]), "PDF with no pages"),
    ],
)
def test_cli_exits_3_with_one_line(name, build, message, tmp_path):
    assert_cli_refuses(write(tmp_path, name, build()), message)
