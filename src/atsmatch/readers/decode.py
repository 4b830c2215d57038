"""Bytes → str for text, Markdown and HTML: BOMs, the user's --encoding, UTF-16 without a BOM."""

from __future__ import annotations

import codecs

from ..errors import InputError, UnsupportedFormatError

__all__ = ["decode"]


# Codecs Python accepts that no document is written in: transforms of text, and punycode/IDNA,
# whose decoders are slow on long inputs (CPython's punycode is quadratic).
_NOT_DOCUMENT_ENCODINGS = frozenset(
    {
        "idna", "punycode", "raw-unicode-escape", "unicode-escape", "undefined", "base64",
        "bz2", "hex", "quopri", "rot-13", "uu", "zlib",
    }
)  # fmt: skip
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_BINARY = (
    "is a binary file, not a document. atsmatch reads PDF, DOCX, HTML, Markdown and text: "
    "save the document as one of those."
)


def decode(data: bytes, label: str, encoding: str | None) -> str:
    """The text of ``data``: a BOM wins, then ``encoding``, then UTF-16 without a BOM, then UTF-8.

    Raises:
        InputError: an unknown encoding, or bytes that are not text in it (the message names the
            byte and says how to pass the right encoding).
        UnsupportedFormatError: binary content.
    """
    bom = next((codec for mark, codec in _BOMS if data.startswith(mark)), None)
    encoding = bom or _checked(encoding, label) or _utf16_without_bom(data) or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        if encoding.startswith("utf-16"):
            raise InputError(
                "looks like UTF-16 text but can't be decoded as such. Save it as UTF-8, or name "
                "its encoding (--encoding utf-16-le or utf-16-be in the CLI, encoding= in the API).",
                source=label,
            ) from None
        if b"\x00" in data[:4096]:
            raise UnsupportedFormatError(_BINARY, source=label) from None
        raise InputError(
            f"is not {encoding_name(encoding)} text (byte 0x{data[exc.start]:02x} at position {exc.start} "
            "can't be decoded). Save it as UTF-8, or name its encoding (--encoding cp1252 in the CLI, "
            "encoding='cp1252' in the API).",
            source=label,
        ) from None
    except UnicodeError:  # a codec that fails without a position
        raise InputError(
            f"can't be decoded as {encoding}. Save it as UTF-8 or name another encoding.", source=label
        ) from None
    if "\x00" in text:
        raise UnsupportedFormatError(_BINARY, source=label)
    return text


def encoding_name(encoding: str) -> str:
    return "UTF-8" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding


def _checked(encoding: str | None, label: str) -> str | None:
    if encoding is None:
        return None
    try:
        name = codecs.lookup(encoding).name
        if name.removesuffix("_codec").replace("_", "-") in _NOT_DOCUMENT_ENCODINGS:
            raise LookupError(encoding)
    except (LookupError, TypeError, ValueError):
        raise InputError(
            f"can't be read as {encoding[:40]!r}: that is not a text encoding atsmatch can use. "
            "Name a standard one such as utf-8, cp1252 or latin-1 (--encoding in the CLI, "
            "encoding= in the API).",
            source=label,
        ) from None
    return name


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte is NUL (text in Latin script), else ``None``."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    tolerance = 1 + 0.05 * pairs
    codec = (
        "utf-16-le" if odd >= 0.6 * pairs and even <= tolerance
        else "utf-16-be" if even >= 0.6 * pairs and odd <= tolerance
        else None
    )  # fmt: skip
    if codec is None:
        return None
    # Binary formats have NUL-rich stretches too: UTF-16 text decodes to printable characters.
    head = sample[: 2 * pairs].decode(codec, "replace")
    printable = sum(char.isprintable() or char in "\t\n\r\f" for char in head)
    return codec if printable >= 0.95 * len(head) else None
