"""Errors raised by atsmatch.

Every error a caller can meet derives from one base, so embedding code needs one ``except``::

    AtsmatchError                 anything atsmatch refuses to do, with a message for a person
    ├── InputError                a document that can't be read (attribute ``source`` names it)
    │   ├── UnsupportedFormatError    not PDF, DOCX, HTML, Markdown or text (an image, a legacy .doc)
    │   ├── EncryptedDocumentError    password-protected
    │   ├── NoTextError               no text to analyse: empty, or an image-only (scanned) PDF
    │   └── DocumentTooLargeError     over a size, page or length limit
    ├── LexiconError              a lexicon file that is not valid (``source``, ``line``, ``entry``)
    └── ArgumentError             a call atsmatch can't make sense of (also a ``TypeError``): an
                                  argument of the wrong type, or two that exclude each other

    AtsmatchWarning               (a ``UserWarning``) a result that is valid but almost surely not
                                  what was meant: a posting with no keyword at all

Messages say what happened, to which file, and what to do about it. ``ArgumentError`` is a mistake
in the calling code rather than in a document; it derives from ``TypeError`` too, so code written
against Python's convention catches it, and from ``AtsmatchError``, so one ``except`` still does.
"""

from __future__ import annotations

__all__ = [
    "ArgumentError",
    "AtsmatchError",
    "AtsmatchWarning",
    "DocumentTooLargeError",
    "EncryptedDocumentError",
    "InputError",
    "LexiconError",
    "NoTextError",
    "UnsupportedFormatError",
]


class AtsmatchError(Exception):
    """Base class of every error atsmatch raises on purpose."""


class InputError(AtsmatchError):
    """A document could not be read; ``source`` names it."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.source = source
        prefix = f"{source}: " if source else ""
        super().__init__(prefix + message)


class UnsupportedFormatError(InputError):
    """The content is not a format atsmatch reads."""


class EncryptedDocumentError(InputError):
    """The document is password-protected."""


class NoTextError(InputError):
    """The document holds no text to analyse."""


class DocumentTooLargeError(InputError):
    """The document is over a configured limit."""


class LexiconError(AtsmatchError):
    """A lexicon file is not valid; ``source``, ``line`` and ``entry`` locate the problem."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        entry: str | None = None,
    ) -> None:
        self.source = source
        self.line = line
        self.entry = entry
        where = source or "lexicon"
        if line is not None:
            where += f", line {line}"
        if entry:
            where += f", entry {entry!r}"
        super().__init__(f"{where}: {message}")


class ArgumentError(AtsmatchError, TypeError):
    """An argument of the wrong type, or arguments that exclude each other: a bug in the caller."""


class AtsmatchWarning(UserWarning):
    """A valid result that is almost surely not what the caller meant (``warnings.warn`` category)."""
