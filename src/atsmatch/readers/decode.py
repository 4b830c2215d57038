"""Bytes → str for text, Markdown and HTML: BOMs, declared charsets, the user's --encoding."""

from __future__ import annotations

import re

from ..errors import InputError, UnsupportedFormatError

__all__ = ["decode", "html_charset"]


def decode(data: bytes, label: str, encoding: str | None) -> str:
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


def html_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.I)
    return match.group(1).decode("ascii") if match else None
