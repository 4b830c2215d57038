"""Postings already read, kept by content: pairs scored in any order read each posting once."""

from __future__ import annotations

import threading
from collections.abc import Callable

from .posting import PostingReading

__all__ = ["PostingCache"]

# (lexicon hash, source, text, title): the same posting text from any file or object is one posting.
PostingKey = tuple[str, str | None, str, str | None]


class PostingCache:
    """The last ``size`` postings read (a few hundred KB each at most), oldest dropped first."""

    def __init__(self, size: int = 64) -> None:
        self._size = size
        self._readings: dict[PostingKey, PostingReading] = {}
        self._lock = threading.Lock()

    def get(self, key: PostingKey, read: Callable[[], PostingReading]) -> PostingReading:
        """The reading kept for ``key``, or ``read()``'s, kept."""
        reading = self._readings.get(key)
        if reading is None:
            reading = read()
            with self._lock:
                if len(self._readings) >= self._size:
                    self._readings.pop(next(iter(self._readings)))
                self._readings[key] = reading
        return reading
