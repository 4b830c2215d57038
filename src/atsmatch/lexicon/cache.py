"""The compiled form table: shipped ready for the built-in lexicon, cached on disk for users' own.

The built-in lexicon's table ships in the wheel (``shipped.py``). Merging a user's lexicon means
compiling again (about a second), so the CLI keeps the result in its cache folder, keyed by the
atsmatch version, the table-building code and every lexicon file's bytes. The cache only ever saves
time: anything odd in it (planted, truncated, foreign, wrong-shaped, not a regular file) is ignored
and rebuilt, and a folder that can't be written means compiling in memory.
"""

from __future__ import annotations

import logging
import os
import tempfile
import time
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from ..files import read_regular_file
from .load import load_lexicon, read_lexicon_bytes
from .shipped import load_shipped_table, shipped_key
from .stored import builder_digest, dump_table, parse_table
from .table import FormTable, build_form_table

__all__ = ["MAX_CACHED_TABLES", "default_cache_dir", "load_form_table"]

logger = logging.getLogger(__name__)

MAX_CACHED_TABLES = 8  # one per lexicon combination in use; older ones are deleted
_MAX_CACHE_FILE = 256 * 1_048_576
_PATTERN = "lexicon-*.json"
_LEGACY = ("lexicon-*.marshal",)  # atsmatch 0.1's cache files


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/atsmatch``, else ``~/.cache/atsmatch``: where the CLI keeps its cache.

    A relative ``XDG_CACHE_HOME`` is ignored, as the XDG Base Directory specification requires.
    """
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "atsmatch"


def load_form_table(
    extra: Sequence[str | os.PathLike[str]], cache_dir: Path | None, *, include_default: bool = True
) -> FormTable:
    """The compiled form table of the built-in lexicon plus ``extra``.

    The built-in lexicon alone comes from the shipped table. With ``extra`` files, the table comes
    from ``cache_dir`` if it holds one for exactly these files, else it is compiled (and stored
    there). Without ``cache_dir`` it is simply compiled.

    Args:
        extra: the user's lexicon files, merged in order.
        cache_dir: the cache folder, or None.
        include_default: start from the built-in lexicon (False: only ``extra``).

    Raises:
        LexiconError: a lexicon file is missing or invalid.
    """
    if not extra and include_default:
        shipped = load_shipped_table()
        if shipped is not None:
            return shipped
    if cache_dir is None:
        return build_form_table(load_lexicon(extra, include_default=include_default))
    key = _key(extra, include_default)
    path = cache_dir / f"lexicon-{key}.json"
    table = _read(path, key)
    if table is None:
        table = build_form_table(load_lexicon(extra, include_default=include_default))
        if _write(path, key, table):
            _prune(cache_dir, keep=path)
    return table


def _key(extra: Sequence[str | os.PathLike[str]], include_default: bool) -> str:
    from .. import __version__

    digest = builder_digest("load.py", "yaml_loader.py", "groups.py", "../files.py")
    digest.update(f"\0{__version__}\0{shipped_key() if include_default else '-'}".encode())
    # The skill tagger's model too (issue 9): its version is part of what an analysis was made with.
    digest.update(
        resources.files("atsmatch.extraction").joinpath("data", "skill_tagger.json.gz").read_bytes()
    )
    for source in extra:
        digest.update(b"\0" + read_lexicon_bytes(source))
    return digest.hexdigest()[:24]


def _read(path: Path, key: str) -> FormTable | None:
    try:
        return parse_table(read_regular_file(path, _MAX_CACHE_FILE), key)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:  # planted, truncated, foreign, a FIFO...: rebuild it
        logger.debug("ignoring lexicon cache %s: %s", path, exc)
        return None


def _write(path: Path, key: str, table: FormTable) -> bool:
    """Store ``table``; False (logged) if the folder can't be made or written."""
    temporary = None
    try:
        _make_private_dirs(path.parent)
        # Write then rename, so a concurrent reader never sees half a file (mode 0600).
        with tempfile.NamedTemporaryFile(
            dir=path.parent, delete=False, prefix=".lexicon-", suffix=".tmp"
        ) as out:
            temporary = Path(out.name)
            out.write(dump_table(table, key))
        os.replace(temporary, path)
        return True
    except OSError as exc:
        logger.debug("could not write lexicon cache %s: %s", path, exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        return False


def _make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parent with mode 0700 (the XDG rule for a cache)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for directory in reversed(missing):
        directory.mkdir(mode=0o700)


def _prune(cache_dir: Path, *, keep: Path) -> None:
    """Keep the newest ``MAX_CACHED_TABLES`` tables; drop legacy files and abandoned temporaries."""
    try:
        tables = sorted(
            (p for p in cache_dir.glob(_PATTERN) if p != keep), key=lambda p: p.stat().st_mtime, reverse=True
        )
        stale = tables[MAX_CACHED_TABLES - 1 :]
        stale += [p for pattern in _LEGACY for p in cache_dir.glob(pattern)]
        stale += [p for p in cache_dir.glob(".lexicon-*.tmp") if time.time() - p.stat().st_mtime > 3600]
        for old in stale:
            old.unlink(missing_ok=True)
    except OSError as exc:
        logger.debug("could not prune lexicon cache %s: %s", cache_dir, exc)
