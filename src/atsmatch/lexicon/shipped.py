"""The built-in lexicon's form table, compiled ahead of time and shipped in the wheel (gzipped
JSON), so neither the first CLI run nor a library's first call parses YAML.

Rebuild it after changing data/skill_lexicon.yaml or the table-building code::

    python -m atsmatch.lexicon.build            # writes lexicon/compiled/skill_lexicon.table.json.gz
    python -m atsmatch.lexicon.build --check    # exit 1 if it is stale (the test suite checks too)

A stale or missing table is never used: atsmatch then compiles the YAML, as before, only slower.
"""

from __future__ import annotations

import gzip
import logging
from functools import lru_cache
from importlib import resources

from .load import DEFAULT_LEXICON, load_lexicon
from .stored import builder_digest, dump_table, parse_table
from .table import FormTable, build_form_table

__all__ = ["SHIPPED_TABLE", "build_shipped_table", "load_shipped_table", "shipped_key"]

logger = logging.getLogger(__name__)

SHIPPED_TABLE = "skill_lexicon.table.json.gz"


def shipped_key() -> str:
    """The key of the built-in lexicon: its YAML bytes and the code that compiles them."""
    digest = builder_digest()
    digest.update(resources.files("atsmatch.lexicon").joinpath("data", DEFAULT_LEXICON).read_bytes())
    return digest.hexdigest()[:24]


def load_shipped_table() -> FormTable | None:
    """The shipped table if it is there and up to date with the built-in lexicon, else None.

    Read once per process and shared: a ``FormTable`` is never changed after it is built.
    """
    return _shipped_table(shipped_key())


@lru_cache(maxsize=1)
def _shipped_table(key: str) -> FormTable | None:
    resource = resources.files("atsmatch.lexicon").joinpath("compiled", SHIPPED_TABLE)
    try:
        return parse_table(gzip.decompress(resource.read_bytes()), key)
    except (OSError, EOFError, ValueError) as exc:  # missing, damaged, or stale: compile instead
        logger.debug("not using the shipped lexicon table: %s", exc)
        return None


def build_shipped_table() -> bytes:
    """The gzipped table of the built-in lexicon, as shipped (deterministic bytes)."""
    table = build_form_table(load_lexicon(from_yaml=True))
    return gzip.compress(dump_table(table, shipped_key()), compresslevel=9, mtime=0)
