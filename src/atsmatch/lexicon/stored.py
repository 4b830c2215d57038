"""A ``FormTable`` stored in a file: a one-line header (what it is, the key it was built for, the
SHA-256 of the payload) followed by the table's JSON. Shared by the shipped table and the cache.

Reading refuses anything odd (another format, another key, a payload that doesn't match its hash,
a wrong shape) with ``ValueError``, so a caller can always fall back to building the table.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .table import FormTable

__all__ = ["FORMAT", "builder_digest", "dump_table", "parse_table"]

FORMAT = "atsmatch-form-table"
_VERSION = 1
# The code that turns validated entries into a table: a change to any of it makes every stored
# table stale. (Merging users' files, load.py, is in the cache's key; the shipped table's test
# re-parses the YAML, so a stricter validation is caught there.)
_BUILDERS = ("table.py", "schema.py", "variants.py", "../extraction/tokenizer.py")


def builder_digest(*more: str) -> hashlib._Hash:
    """A running SHA-256 over the table-building code (and ``more`` modules of lexicon/), to which
    a caller adds the lexicon bytes."""
    digest = hashlib.sha256(f"{FORMAT}\0{_VERSION}\0".encode())
    for module in (*_BUILDERS, *more):
        digest.update((Path(__file__).parent / module).read_bytes())
    return digest


def dump_table(table: FormTable, key: str) -> bytes:
    """The header line and the payload."""
    payload = table.to_json()
    header = {
        "format": FORMAT,
        "version": _VERSION,
        "key": key,
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    return json.dumps(header, sort_keys=True).encode() + b"\n" + payload


def parse_table(data: bytes, key: str) -> FormTable:
    """The table in ``data`` if it was stored for ``key`` and is whole.

    Raises:
        ValueError: a foreign, stale, truncated or wrong-shaped file.
    """
    head, newline, payload = data.partition(b"\n")
    try:
        header = json.loads(head) if newline else None
    except (UnicodeDecodeError, json.JSONDecodeError):
        header = None
    if not isinstance(header, dict) or header.get("format") != FORMAT or header.get("version") != _VERSION:
        raise ValueError("not a stored form table")
    if header.get("key") != key:
        raise ValueError("stored for another lexicon or another atsmatch")
    if header.get("sha256") != hashlib.sha256(payload).hexdigest():
        raise ValueError("the payload does not match its hash (truncated or altered)")
    return FormTable.from_json(payload)
