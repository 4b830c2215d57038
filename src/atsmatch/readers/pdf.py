"""PDF → text, page by page, with pypdf (imported only when a PDF is read), inside the limits.

A small PDF can cost without bound: 50 pages can share one content stream that decodes to
millions of text operators. So every stream's decompressed size is capped (pypdf's own
configuration, set for this read only), each page's content counts against the document's total,
and while a page is extracted every operator is seen by a visitor that counts the text shown and
watches the clock. pypdf runs no JavaScript and follows no actions: those parts are never read.
"""

from __future__ import annotations

import dataclasses
import io
from contextlib import AbstractContextManager, nullcontext

from ..errors import DocumentTooLargeError, EncryptedDocumentError, InputError
from .limits import ReadBudget, ReadLimits, mib

__all__ = ["content_size", "open_pdf", "page_count", "read_pdf", "stream_caps"]

_TEXT_OPERATORS = frozenset({b"Tj", b"TJ", b"'", b'"'})
_CLOCK_EVERY = 512  # operators between two looks at the clock


def read_pdf(data: bytes, budget: ReadBudget, encoding: str | None = None) -> tuple[str, int]:
    """The text of every page, pages separated by a blank line, and the page count.

    Raises:
        EncryptedDocumentError: needs a password.
        InputError: damaged beyond reading (the message says where).
        DocumentTooLargeError: over a page, stream, size, length or time limit.
    """
    with stream_caps(budget.limits):
        reader = open_pdf(data, budget)
        count = page_count(reader, budget)
        texts: list[str] = []
        chars = 0
        for number, page in enumerate(reader.pages, start=1):
            budget.check_time()
            text = _page_text(page, number, budget, chars)
            chars += len(text) + 2
            budget.check_chars(chars)
            texts.append(text)
    return "\n\n".join(texts), count


def stream_caps(limits: ReadLimits) -> AbstractContextManager:
    """pypdf's decompression caps set to ours for this read only (a context variable, so threads
    reading other documents keep theirs)."""
    try:
        from pypdf import Configuration, apply_configuration
    except ImportError:  # an older pypdf: only its own fixed 75 MB caps apply
        return nullcontext()
    cap = limits.max_stream_bytes
    wanted = {
        "zlib_maximum_output_length": cap, "lzw_maximum_output_length": cap,
        "run_length_maximum_output_length": cap, "brotli_maximum_output_length": cap,
        "maximum_declared_stream_length": limits.max_bytes,
        # Parsing a content stream is the cost no clock check can interrupt: cap its tokens.
        "stream_parsing_work_maximum_count": limits.max_stream_tokens,
    }  # fmt: skip
    known = {field.name for field in dataclasses.fields(Configuration)}
    return apply_configuration(**{name: value for name, value in wanted.items() if name in known})


def page_count(reader, budget: ReadBudget) -> int:
    try:
        count = len(reader.pages)
    except Exception as exc:  # pypdf raises many types on damaged page trees
        raise _damaged(budget, "its list of pages is damaged", exc) from None
    if count > budget.limits.max_pages:
        raise budget.over(f"has {count} pages", "max_pages", str(budget.limits.max_pages))
    return count


def _page_text(page, number: int, budget: ReadBudget, chars_before: int) -> str:
    size = content_size(page, number, budget)
    budget.count_unpacked(size)
    shown = chars_before
    operators = 0

    def visit(operator: bytes, operands, cm, tm) -> None:
        nonlocal shown, operators
        operators += 1
        if operator in _TEXT_OPERATORS:
            shown += sum(len(operand) for operand in operands if isinstance(operand, (str, bytes, list)))
            budget.check_chars(shown)
        if operators % _CLOCK_EVERY == 0:
            budget.check_time()

    from pypdf.errors import LimitReachedError

    try:
        return page.extract_text(visitor_operand_before=visit) or ""
    except DocumentTooLargeError:
        raise
    except LimitReachedError as exc:  # a content, form or font stream over a cap
        raise _stream_too_large(budget, number, exc) from None
    except Exception as exc:  # a damaged content stream: going on would hide lost text
        raise _damaged(budget, f"page {number} can't be decoded", exc) from None


def content_size(page, number: int, budget: ReadBudget) -> int:
    """The decompressed size of a page's content (pypdf stops a stream at the cap)."""
    from pypdf.errors import LimitReachedError

    try:
        contents = page.get_contents()
        return 0 if contents is None else len(contents.get_data())
    except LimitReachedError as exc:
        raise _stream_too_large(budget, number, exc) from None
    except Exception as exc:
        raise _damaged(budget, f"page {number} can't be decoded", exc) from None


def _stream_too_large(budget: ReadBudget, number: int, exc: Exception) -> DocumentTooLargeError:
    if "tokens" in str(exc):  # pypdf's parsing budget, not a decompression cap
        tokens = budget.limits.max_stream_tokens
        return budget.over(
            f"has page content (page {number}) of more than {tokens:,} operators and operands",
            "max_stream_tokens", f"{tokens:,}", "It looks built to exhaust a reader's time.",
        )  # fmt: skip
    cap = budget.limits.max_stream_bytes
    return budget.over(
        f"has a stream on page {number} that decompresses to more than {mib(cap)}",
        "max_stream_bytes", mib(cap), "It may be a decompression bomb.",
    )  # fmt: skip


def open_pdf(data: bytes, budget: ReadBudget):  # -> pypdf.PdfReader, imported lazily (slow import)
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(io.BytesIO(data))
        # Many PDFs carry only an owner password ("no copying"); they open with an empty one.
        if reader.is_encrypted and not reader.decrypt(""):
            raise EncryptedDocumentError(
                "is password-protected. Remove the password (save an unprotected copy) and "
                "try again; an ATS can't read a protected file either.",
                source=budget.label,
            )
    except EncryptedDocumentError:
        raise
    except DependencyError:
        raise EncryptedDocumentError(
            "is encrypted with AES, which needs the 'cryptography' package: pip install 'pypdf[crypto]'.",
            source=budget.label,
        ) from None
    except Exception as exc:  # pypdf raises many types (PdfReadError, ValueError, KeyError...)
        raise _damaged(budget, "its structure can't be read", exc) from None
    return reader


def _damaged(budget: ReadBudget, what: str, exc: Exception) -> InputError:
    """A damaged PDF, said for a person: what broke and what to do (not pypdf's internals)."""
    from pypdf.errors import LimitReachedError

    if isinstance(exc, LimitReachedError):
        what += " (it is built to exhaust a reader's memory or time)"
    return InputError(
        f"is not a readable PDF: {what}. The file may be damaged or truncated: re-export it "
        "from the program that made it, or save it again as PDF.",
        source=budget.label,
    )
