"""An on-disk cache of compiled lexicons, keyed by the bytes of the lexicon files.

Parsing and validating a 4,500-entry YAML lexicon and tokenizing its forms takes about a second;
reading the result back with ``marshal`` takes a few tens of milliseconds. The key covers the
atsmatch and Python versions (marshal's format is Python's own), the code that builds the table and
every lexicon file's bytes, so any change to any of them builds a new entry.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..extraction.tokenizer import TOKEN_PATTERN
from .load import DEFAULT_LEXICON, load_lexicon
from .table import FormTable, build_form_table

__all__ = ["default_cache_dir", "load_form_table"]

logger = logging.getLogger(__name__)

_BUILDERS = ("table.py", "load.py", "schema.py", "variants.py", "../extraction/tokenizer.py")


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/atsmatch``, else ``~/.cache/atsmatch``: where the CLI keeps its cache."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "atsmatch"


def load_form_table(extra: Sequence[str | os.PathLike[str]], cache_dir: Path | None) -> FormTable:
    """The compiled form table of the packaged lexicon plus ``extra``, from the cache if it has it.

    Without ``cache_dir`` the lexicon is simply built. A cache that can't be read or written is
    passed over (logged at debug level): the cache only ever saves time.

    Raises:
        LexiconError: a lexicon file is missing or invalid.
    """
    if cache_dir is None:
        return build_form_table(load_lexicon(extra))
    path = cache_dir / f"lexicon-{_key(extra)}.marshal"
    try:
        return FormTable.from_data(_loads_without_gc(path.read_bytes()))
    except FileNotFoundError:
        pass
    except Exception as exc:  # a truncated or stale file: rebuild it
        logger.debug("ignoring unreadable lexicon cache %s: %s", path, exc)
    table = build_form_table(load_lexicon(extra))
    _write(path, table)
    return table


def _loads_without_gc(data: bytes) -> Any:
    """``marshal.loads`` with the garbage collector paused: the load creates ~100,000 objects, and
    with spaCy imported each collection it triggers walks every live object (4x slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return marshal.loads(data)
    finally:
        if enabled:
            gc.enable()


def _key(extra: Sequence[str | os.PathLike[str]]) -> str:
    from .. import __version__

    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0{TOKEN_PATTERN.pattern}".encode())
    digest.update(resources.files("atsmatch.lexicon").joinpath("data", DEFAULT_LEXICON).read_bytes())
    # The code that builds the table, so an edited checkout never reads a stale cache.
    for module in _BUILDERS:
        digest.update((Path(__file__).parent / module).read_bytes())
    for source in extra:
        try:
            digest.update(b"\0" + Path(source).read_bytes())
        except FileNotFoundError:
            raise LexiconError("no such file.", source=str(source)) from None
        except OSError as exc:
            raise LexiconError(f"could not be read: {exc.strerror or exc}.", source=str(source)) from None
    return digest.hexdigest()[:24]


def _write(path: Path, table: FormTable) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a concurrent reader never sees half a file.
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            temporary = Path(handle.name)
            handle.write(marshal.dumps(table.to_data()))
        os.replace(temporary, path)
    except OSError as exc:
        logger.debug("could not write lexicon cache %s: %s", path, exc)
        if temporary is not None:
            temporary.unlink(missing_ok=True)
