"""What a document argument may be, and how each kind is read: one meaning per type, everywhere.

A ``str`` is the document's text; a path (``pathlib.Path`` or ``os.PathLike``) is a file; ``bytes``
are a file's content; a ``Document`` is a document already read. Paths from the command line are
wrapped in ``Path`` by the caller.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ArgumentError
from .models import Document
from .readers import ReadLimits, document_from_text, read_document
from .structure.reflow import reflow_flat_lines
from .structure.vocabulary import HeadingVocabulary

__all__ = ["Source", "read_source", "source_label"]

Source = Document | str | os.PathLike[str] | bytes


def read_source(
    source: Source,
    limits: ReadLimits,
    encoding: str | None = None,
    *,
    headings: HeadingVocabulary | None = None,
) -> Document:
    """A ``Document`` from text (str), a file (Path), its bytes, or a ready ``Document`` (as is).

    A text pasted as one paragraph gets its lines back (``structure/reflow.py``, with the
    ``headings`` vocabulary), so its sections read as on the page.

    Raises:
        InputError: the file can't be read; the message says why and what to do.
        ArgumentError: ``source`` is none of these types.
    """
    if isinstance(source, Document):
        return source
    if isinstance(source, str):
        document = document_from_text(source)
    elif isinstance(source, bytes):
        document = read_document(source, limits=limits, encoding=encoding)
    elif isinstance(source, os.PathLike):
        document = read_document(Path(source), limits=limits, encoding=encoding)
    else:
        raise ArgumentError(
            f"a document is a str (its text), a pathlib.Path (a file), bytes (a file's content) or a "
            f"Document, not {type(source).__name__}."
        )
    text = reflow_flat_lines(document.text, headings)
    return document if text is document.text else document.model_copy(update={"text": text})


def source_label(source: Source, number: int) -> str:
    """What a ranking calls a document: its path, its document's source, or its place in the list."""
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    if isinstance(source, Document) and source.source:
        return source.source
    kind = {str: "text", bytes: "bytes"}.get(type(source), "document")
    return f"<{kind} {number}>"
