"""Bytes from a path or a stream, never more than a limit: only regular files are opened.

A FIFO would block ``open`` forever and ``/dev/zero`` never ends, so the file is opened without
blocking, checked with ``fstat`` and refused unless it is a regular file; then it is read in chunks
and the read stops one byte past the limit, whatever the file claims its size is.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from .. import files
from ..errors import DocumentTooLargeError, InputError
from .limits import mib

__all__ = ["read_bounded", "read_regular_file"]

_CHUNK = 1 << 20


def read_regular_file(path: Path, label: str, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``.

    Raises:
        InputError: missing, unreadable, a directory, a FIFO, socket or device.
        DocumentTooLargeError: over ``max_bytes``.
    """
    try:
        return files.read_regular_file(path, max_bytes)
    except FileNotFoundError:
        raise InputError("no such file. Check the path.", source=label) from None
    except PermissionError:
        raise InputError("permission denied: atsmatch can't open this file.", source=label) from None
    except files.NotRegularFileError as exc:
        raise InputError(
            f"is {exc.kind}, not a regular file. Pass the document's file.", source=label
        ) from None
    except files.FileTooLargeError:
        raise too_large(label, max_bytes) from None
    except OSError as exc:
        raise InputError(f"could not be read ({exc.strerror or 'system error'}).", source=label) from None


def read_bounded(stream: BinaryIO, label: str, max_bytes: int) -> bytes:
    """Read ``stream`` to its end, refusing it once it is over ``max_bytes`` (no more is read)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - size))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise too_large(label, max_bytes)


def too_large(label: str, max_bytes: int) -> DocumentTooLargeError:
    return DocumentTooLargeError(
        f"is over the limit of {mib(max_bytes)} (ReadLimits.max_bytes). Resumes and postings are "
        "rarely over 1 MiB: check that this is the right file, or raise the limit (--max-mib in "
        "the CLI, ReadLimits.max_bytes in the API).",
        source=label,
    )
