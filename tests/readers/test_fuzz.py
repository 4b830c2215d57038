"""Fuzzing the readers, the normaliser and extraction: only ``AtsmatchError`` may escape, and every
mention slices back to its text.

A bounded number of examples runs in the suite (a few seconds); a longer budget by::

    ATSMATCH_FUZZ_EXAMPLES=5000 pytest -q tests/readers/test_fuzz.py

(see docs/limits.md). Inputs: random bytes behind every sniffed format's magic, mutations of the
real PDF and DOCX fixtures, random WordprocessingML in a valid package, and random Unicode text
with RTL, combining marks, zero-width joiners inside skill words and homoglyphs.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atsmatch import AtsmatchError, ReadLimits, read_document
from atsmatch.readers.normalise import normalise

from ..conftest import FIXTURES

EXAMPLES = int(os.environ.get("ATSMATCH_FUZZ_EXAMPLES", "30"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="ATSMATCH_FUZZ_EXAMPLES" not in os.environ,  # the suite is reproducible
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# Small limits keep a pathological example from taking the suite's time.
LIMITS = ReadLimits(max_bytes=2_000_000, max_seconds=5.0, max_unpacked_bytes=64 * 1_048_576)

MAGIC = [b"%PDF-1.7\n", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"\x89PNG\r\n\x1a\n",
         b"<!DOCTYPE html><html>", b"<div>", b"{\\rtf1", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff",
         b"\xff\xfe\x00\x00", b"", b"RIFF\x00\x00\x00\x00WEBP"]  # fmt: skip
SEEDS = [
    (FIXTURES / name).read_bytes() for name in ("text.pdf", "two_column.pdf", "table.docx", "posting.html")
]


def read_or_refuse(data: bytes) -> None:
    try:
        document = read_document(data, limits=LIMITS)
    except AtsmatchError as error:
        assert "\n" not in str(error) and "Traceback" not in str(error)
        return
    assert document.text == normalise(document.text)


@FUZZ
@given(magic=st.sampled_from(MAGIC), body=st.binary(max_size=4096))
def test_random_bytes_behind_every_magic(magic, body):
    read_or_refuse(magic + body)


@st.composite
def mutated(draw) -> bytes:
    """A real fixture with a few bytes flipped, a slice cut out, or a tail truncated."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 8))):
        kind = draw(st.sampled_from(["flip", "cut", "truncate", "insert"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 512))]
        elif kind == "truncate":
            del data[at:]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        if not data:
            break
    return bytes(data)


@FUZZ
@given(data=mutated())
def test_mutated_pdf_and_docx_fixtures(data):
    read_or_refuse(data)


def _mutate(draw, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if draw(st.booleans()):
            data[at : at + draw(st.integers(0, 16))] = draw(st.binary(max_size=16))
        else:  # repeat a slice: deep nesting, long runs
            piece = bytes(data[at : at + draw(st.integers(1, 32))])
            data[at:at] = piece * draw(st.integers(1, 200))
    return bytes(data)


@st.composite
def mutated_inside(draw) -> bytes:
    """Mutations behind the compression: in a DOCX's XML parts (re-zipped), or in an uncompressed
    PDF's objects and content streams, so the mutation reaches the parsers, not only zlib."""
    import io
    import zipfile

    from .hostile import RESUME_LINES, pdf, text_page

    if draw(st.booleans()):
        return _mutate(draw, pdf([text_page(*RESUME_LINES), text_page("Skills: Python")], compress=False))
    source = zipfile.ZipFile(io.BytesIO(SEEDS[2]))
    target = draw(
        st.sampled_from(
            ["word/document.xml", "_rels/.rels", "word/_rels/document.xml.rels", "word/header1.xml"]
        )
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            body = source.read(info)
            archive.writestr(info.filename, _mutate(draw, body) if info.filename == target else body)
    return buffer.getvalue()


@FUZZ
@given(data=mutated_inside())
def test_mutations_behind_the_compression(data):
    read_or_refuse(data)


SKILLS = ["Python", "Kubernetes", "Docker", "SQL", "PyTorch", "Apache Spark", "C++", "C#", ".NET", "Node.js"]
INVISIBLE = "\u200b\u200c\u200d\u2060\u2063\u034f\u180e\u200e\u200f\ufe0f\u00ad\u202e\u2066"
HOMOGLYPHS = {"o": "\u043e", "a": "\u0430", "e": "\u0435", "p": "\u0440", "c": "\u0441", "y": "\u0443"}
RTL = "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u202bRTL\u202c"
COMBINING = "\u0301\u0308\u0327\u0338\u20dd"


@st.composite
def hostile_text(draw) -> str:
    """Skill words interleaved with RTL text, combining marks, invisibles and homoglyphs."""
    pieces = []
    for _ in range(draw(st.integers(1, 12))):
        kind = draw(st.sampled_from(["skill", "split", "homoglyph", "mark", "rtl", "unicode", "space"]))
        skill = draw(st.sampled_from(SKILLS))
        if kind == "skill":
            pieces.append(skill)
        elif kind == "split":
            at = draw(st.integers(0, len(skill)))
            pieces.append(skill[:at] + draw(st.sampled_from(INVISIBLE)) + skill[at:])
        elif kind == "homoglyph":
            pieces.append(
                "".join(HOMOGLYPHS.get(char, char) if draw(st.booleans()) else char for char in skill)
            )
        elif kind == "mark":
            pieces.append(skill + draw(st.sampled_from(COMBINING)))
        elif kind == "rtl":
            pieces.append(RTL)
        elif kind == "unicode":
            pieces.append(draw(st.text(max_size=40)))
        else:
            pieces.append(draw(st.sampled_from([" ", "\n", ", ", " - ", "\r\n", "\t", "\u2028", "-\n"])))
    return "".join(pieces)


@FUZZ
@given(text=hostile_text())
def test_normalise_is_a_fixed_point_on_hostile_text(text):
    once = normalise(text)
    assert normalise(once) == once
    assert not any(char in once for char in INVISIBLE)


@FUZZ
@given(text=hostile_text())
def test_extraction_mentions_slice_back_to_the_text(text, mini_analyzer):
    try:
        extraction = mini_analyzer.extract(text)
    except AtsmatchError:
        return
    for keyword in extraction.keywords:
        for mention in keyword.mentions:
            assert extraction.text[mention.start : mention.end] == mention.text


@FUZZ
@given(text=hostile_text())
def test_hostile_text_as_file_bytes(text):
    for codec in ("utf-8", "utf-16", "utf-16-le"):
        read_or_refuse(text.encode(codec, "surrogatepass"))


TAGS = ["p", "r", "t", "tbl", "tr", "tc", "tcPr", "gridSpan", "vMerge", "trPr", "gridBefore", "sdt",
        "sdtContent", "ins", "del", "hyperlink", "tab", "br", "sectPr", "headerReference", "txbxContent"]  # fmt: skip
ATTRIBUTES = ['', ' w:val="continue"', ' w:val="restart"', ' w:val="3"', ' w:val="99999"', ' w:val="-1"',
              ' w:val="x"', ' w:type="page"', ' r:id="rId1"', ' r:id="rIdH1"']  # fmt: skip


def _element(children: list[str], tag: str, attribute: str, text: str) -> str:
    return f"<w:{tag}{attribute}>{text}{''.join(children)}</w:{tag}>"


wordml = st.recursive(
    st.builds(
        lambda text: f"<w:t>{text}</w:t>", st.sampled_from(["Python", "SQL", "", "Kubernetes &amp; Go"])
    ),
    lambda children: st.builds(
        _element,
        st.lists(children, max_size=4),
        st.sampled_from(TAGS),
        st.sampled_from(ATTRIBUTES),
        st.sampled_from(["", "Docker", " "]),
    ),  # fmt: skip
    max_leaves=40,
)


@FUZZ
@given(body=st.lists(wordml, max_size=6))
def test_random_wordprocessingml_in_a_valid_package(body):
    from .hostile import document_xml, docx, header_xml

    data = docx(document_xml("".join(body)), headers={"rIdH1": header_xml("jane@example.com")})
    read_or_refuse(data)
