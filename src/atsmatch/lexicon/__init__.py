"""The lexicon: its file format, loading and merging, surface-form variants, the compiled form table
and its on-disk cache. Nothing here imports spaCy."""

from __future__ import annotations

from .load import DEFAULT_LEXICON, load_lexicon, read_lexicon_file
from .schema import EntryExtension, Lexicon, LexiconEntry, LexiconFile

__all__ = [
    "DEFAULT_LEXICON",
    "EntryExtension",
    "Lexicon",
    "LexiconEntry",
    "LexiconFile",
    "load_lexicon",
    "read_lexicon_file",
]
