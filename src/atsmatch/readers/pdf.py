"""PDF → text, page by page, with pypdf (imported only when a PDF is read)."""

from __future__ import annotations

import io

from ..errors import DocumentTooLargeError, EncryptedDocumentError, InputError
from .limits import ReadLimits

__all__ = ["read_pdf"]


def read_pdf(data: bytes, label: str, limits: ReadLimits, encoding: str | None) -> tuple[str, int | None]:
    """The text of every page, pages separated by a blank line, and the page count."""
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
