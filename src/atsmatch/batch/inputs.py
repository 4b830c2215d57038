"""Command-line inputs → the document paths of a batch: files, folders walked recursively, ``-`` lists.

Folders are walked for the suffixes atsmatch reads (``DOCUMENT_SUFFIXES``), in sorted order, hidden
files and folders skipped: a folder of resumes usually also holds notes, images and spreadsheets,
and sniffing each of them would open every file in the tree. A file named explicitly (on the command
line or in a ``-`` list) is always read and its format sniffed from its content, whatever its name.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TextIO, overload

__all__ = ["DOCUMENT_SUFFIXES", "PathList", "expand_inputs", "iter_inputs"]

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
    return list(iter_inputs(inputs, stdin=stdin))


def iter_inputs(inputs: Iterable[str | os.PathLike[str]], *, stdin: TextIO | None = None) -> Iterator[Path]:
    """``expand_inputs`` one path at a time (``PathList(iter_inputs(...))`` holds them compactly)."""
    seen: set[str] = set()
    for path in _named(inputs, stdin or sys.stdin):
        for found in _walk(path) if path.is_dir() else (path,):
            if (name := os.fspath(found)) not in seen:
                seen.add(name)
                yield found


class PathList(Sequence[Path]):
    """Paths kept as strings, each made a ``Path`` when read: a ``Path`` and its parts cost about
    400 bytes, so 10,000 of them held for a whole batch are 4 MB of its memory."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]]) -> None:
        self._names = [os.fspath(path) for path in paths]

    def __len__(self) -> int:
        return len(self._names)

    @overload
    def __getitem__(self, index: int) -> Path: ...
    @overload
    def __getitem__(self, index: slice) -> list[Path]: ...
    def __getitem__(self, index: int | slice) -> Path | list[Path]:
        if isinstance(index, slice):
            return [Path(name) for name in self._names[index]]
        return Path(self._names[index])


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
