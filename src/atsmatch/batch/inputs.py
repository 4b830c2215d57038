"""Command-line inputs → the document paths of a batch: files, folders walked recursively, ``-`` lists.

Folders are walked for the suffixes atsmatch reads (``DOCUMENT_SUFFIXES``), in sorted order, hidden
files and folders skipped: a folder of resumes usually also holds notes, images and spreadsheets,
and sniffing each of them would open every file in the tree. A file named explicitly (on the command
line or in a ``-`` list) is always read and its format sniffed from its content, whatever its name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

__all__ = ["DOCUMENT_SUFFIXES", "expand_inputs"]

DOCUMENT_SUFFIXES = frozenset({".pdf", ".docx", ".html", ".htm", ".md", ".markdown", ".txt", ".text"})


def expand_inputs(inputs: Iterable[str | os.PathLike[str]], *, stdin: TextIO | None = None) -> list[Path]:
    """Every document path named by ``inputs``, in the order given, each once.

    Args:
        inputs: files, folders (walked recursively for ``DOCUMENT_SUFFIXES``), or ``"-"`` for a
            list of paths on standard input, one a line (blank lines and ``#`` comments skipped).
        stdin: where ``"-"`` reads from (default ``sys.stdin``).

    Returns:
        The paths; one that does not exist is kept, so the batch reports it as an error row.
    """
    seen: set[Path] = set()
    paths: list[Path] = []
    for path in _named(inputs, stdin or sys.stdin):
        for found in _walk(path) if path.is_dir() else (path,):
            if found not in seen:
                seen.add(found)
                paths.append(found)
    return paths


def _named(inputs: Iterable[str | os.PathLike[str]], stdin: TextIO) -> Iterator[Path]:
    for item in inputs:
        if os.fspath(item) == "-":
            for line in stdin:
                line = line.strip()
                if line and not line.startswith("#"):
                    yield Path(line)
        else:
            yield Path(item)


def _walk(folder: Path) -> Iterator[Path]:
    for root, folders, files in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in DOCUMENT_SUFFIXES:
                yield Path(root) / name
