"""Reading a file that must be a regular one, with a bound: documents, lexicons and the cache share this.

Raises plain ``OSError`` subclasses; each caller says what went wrong in its own terms (an
``InputError`` for a document, a ``LexiconError`` for a lexicon, a rebuild for the cache).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

__all__ = ["FileTooLargeError", "NotRegularFileError", "read_regular_file"]


class NotRegularFileError(OSError):
    """The path is a FIFO, a device, a socket or a directory; ``kind`` says which, in words."""

    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(f"{path} is {kind}, not a regular file")
        self.kind = kind


class FileTooLargeError(OSError):
    """The file holds more than the bound."""


def read_regular_file(path: Path, limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes.

    Opened without blocking (a FIFO never hangs the caller) and checked on the open descriptor,
    so a file swapped in between the check and the read is still the one checked.

    Raises:
        FileNotFoundError, PermissionError, NotRegularFileError, FileTooLargeError, OSError.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(path, _kind(info.st_mode))
        if info.st_size > limit:
            raise FileTooLargeError(f"{path} is over {limit} bytes")
        chunks, size = [], 0
        while chunk := os.read(descriptor, min(1_048_576, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew since fstat
                raise FileTooLargeError(f"{path} is over {limit} bytes")
        return b"".join(chunks)
    finally:
        os.close(descriptor)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
