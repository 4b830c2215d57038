"""YAML → validated ``LexiconEntry`` models → one merged ``Lexicon``.

The packaged lexicon is read with ``importlib.resources``; users' files extend it (new entries,
extra aliases, disabled entries). Problems are reported with the file, line and entry.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import LexiconError
from ..files import FileTooLargeError, NotRegularFileError, read_regular_file
from .schema import EntryExtension, Lexicon, LexiconEntry, LexiconFile
from .yaml_loader import LINE_KEY, load_yaml, strip_lines

__all__ = [
    "DEFAULT_LEXICON",
    "MAX_LEXICON_BYTES",
    "load_lexicon",
    "parse_lexicon_text",
    "read_lexicon_bytes",
    "read_lexicon_file",
]

DEFAULT_LEXICON = "skill_lexicon.yaml"
MAX_LEXICON_BYTES = 32 * 1_048_576  # the shipped lexicon is under 1 MiB


def load_lexicon(
    extra: Sequence[str | os.PathLike[str]] = (), *, include_default: bool = True, from_yaml: bool = False
) -> Lexicon:
    """The packaged lexicon merged with the user's files, validated as a whole.

    Args:
        extra: the user's lexicon files, applied in order: entries added (or replacing a built-in
            entry of the same name), ``extend`` adding forms, ``disable`` removing entries.
        include_default: start from the packaged lexicon (False: only the given files).
        from_yaml: parse the packaged lexicon's YAML even when the shipped compiled table holds
            its entries, already validated (building that table, and the test checking it, do).

    Raises:
        LexiconError: a file is missing or invalid, or two entries claim the same form.
    """
    files: list[tuple[str, LexiconFile, dict[str, int]]] = []
    if include_default:
        files.append((DEFAULT_LEXICON, _default_lexicon(from_yaml), {}))
    for path in extra:
        files.append((str(path), *read_lexicon_file(path)))
    if len(files) == 1 and include_default:
        return Lexicon(entries=files[0][1].entries, sources=(DEFAULT_LEXICON,))
    return _merge(files)


def _default_lexicon(from_yaml: bool) -> LexiconFile:
    if not from_yaml:
        from .shipped import load_shipped_table  # shipped.py builds on this module

        table = load_shipped_table()
        if table is not None:
            return LexiconFile.model_construct(entries=table.lexicon.entries, extend=(), disable=())
    default = resources.files("atsmatch.lexicon").joinpath("data", DEFAULT_LEXICON)
    try:
        text = default.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(
            "the packaged lexicon is missing from the installation; reinstall atsmatch.",
            source=DEFAULT_LEXICON,
        ) from None
    parsed, _lines = parse_lexicon_text(text, source=DEFAULT_LEXICON)
    return parsed


def read_lexicon_file(path: str | os.PathLike[str]) -> tuple[LexiconFile, dict[str, int]]:
    """Parse and validate one lexicon file; returns it and the line of each entry by name.

    Raises:
        LexiconError: the file is missing, not a regular file, too large, not UTF-8 text, or invalid.
    """
    source = str(path)
    data = read_lexicon_bytes(path)
    if b"\0" in data:
        raise LexiconError("contains NUL bytes: it is not a YAML text file.", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise LexiconError("is not UTF-8 text.", source=source) from None
    return parse_lexicon_text(text, source=source)


def read_lexicon_bytes(path: str | os.PathLike[str]) -> bytes:
    """A lexicon file's bytes: only a regular file is opened (never a FIFO or a device), and at
    most ``MAX_LEXICON_BYTES`` are read.

    Raises:
        LexiconError: the file is missing, unreadable, not a regular file, or too large.
    """
    source = str(path)
    try:
        return read_regular_file(Path(path), MAX_LEXICON_BYTES)
    except FileNotFoundError:
        raise LexiconError("no such file.", source=source) from None
    except NotRegularFileError:
        raise LexiconError(
            "is not a regular file (a FIFO, a device or a directory): give a YAML file.", source=source
        ) from None
    except FileTooLargeError:
        raise LexiconError(
            f"is over {MAX_LEXICON_BYTES // 1_048_576} MiB: a lexicon is a text file of a few MiB at most.",
            source=source,
        ) from None
    except OSError as exc:
        raise LexiconError(f"could not be read: {exc.strerror or exc}.", source=source) from None


def parse_lexicon_text(text: str, *, source: str) -> tuple[LexiconFile, dict[str, int]]:
    """Validate lexicon YAML text; returns the file model and each entry's line by name."""
    data = load_yaml(text, source)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise LexiconError(
            "the top level must be a mapping with 'entries' (and optionally 'extend', 'disable').",
            source=source,
            line=1,
        )
    file_line = data.pop(LINE_KEY, 1)
    lines: dict[str, int] = {}
    for key in ("entries", "extend"):
        items = data.get(key) or []
        if not isinstance(items, list):
            raise LexiconError(f"'{key}' must be a list of entries.", source=source, line=file_line)
        for index, item in enumerate(items):
            _validate_item(item, key, index, source, lines)
    try:
        parsed = LexiconFile.model_validate(strip_lines(data))
    except ValidationError as exc:
        raise LexiconError(_describe(exc), source=source, line=file_line) from None
    _check_duplicate_names(parsed.entries, source, lines)
    return parsed, lines


def _validate_item(item: Any, key: str, index: int, source: str, lines: dict[str, int]) -> None:
    """Validate one entry alone, so the error names its line and name."""
    if not isinstance(item, dict):
        raise LexiconError(f"item {index + 1} of '{key}' must be a mapping.", source=source)
    line = item.get(LINE_KEY)
    name = item.get("name") if isinstance(item.get("name"), str) else None
    model = LexiconEntry if key == "entries" else EntryExtension
    try:
        model.model_validate(strip_lines(item))
    except ValidationError as exc:
        raise LexiconError(_describe(exc), source=source, line=line, entry=name) from None
    if name and key == "entries":
        lines.setdefault(name.strip().casefold(), line)


def _describe(exc: ValidationError) -> str:
    """Pydantic's errors as one sentence a person can act on."""
    messages = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"])
        if error["type"] == "extra_forbidden":
            allowed = ", ".join(LexiconEntry.model_fields)
            messages.append(f"unknown key {where!r} (allowed keys: {allowed})")
        elif error["type"] == "missing":
            messages.append(f"missing required key {where!r}")
        elif error["type"] == "literal_error" and error["loc"] == ("version",):
            messages.append(
                f"version {error['input']!r} is not supported: 1 is the only lexicon format "
                "(write 'version: 1', or leave it out)"
            )
        elif error["type"] == "literal_error":
            messages.append(
                f"{where} must be one of hard_skill, soft_skill, certification, not {error['input']!r}"
            )
        else:
            message = error["msg"].removeprefix("Value error, ")
            messages.append(f"{where}: {message}" if where else message)
    return "; ".join(messages)


def _check_duplicate_names(entries: Iterable[LexiconEntry], source: str, lines: dict[str, int]) -> None:
    seen: set[str] = set()
    for entry in entries:
        folded = entry.name.casefold()
        if folded in seen:
            raise LexiconError(
                "this canonical name appears twice in the file; merge the two entries.",
                source=source,
                line=lines.get(folded),
                entry=entry.name,
            )
        seen.add(folded)


def _merge(files: list[tuple[str, LexiconFile, dict[str, int]]]) -> Lexicon:
    entries: dict[str, LexiconEntry] = {}
    origin: dict[str, tuple[str, int | None]] = {}
    for source, parsed, lines in files:
        for name in parsed.disable:
            if entries.pop(name.casefold(), None) is None:
                raise LexiconError(
                    f"'disable' names {name!r}, which no loaded lexicon defines.", source=source
                )
        for entry in parsed.entries:
            key = entry.name.casefold()
            entries[key] = entry  # a user's entry of the same name replaces the built-in one
            origin[key] = (source, lines.get(key))
        for extension in parsed.extend:
            key = extension.name.casefold()
            if key not in entries:
                raise LexiconError(
                    "'extend' names an entry that no loaded lexicon defines; add it under 'entries'.",
                    source=source,
                    entry=extension.name,
                )
            entries[key] = _extended(entries[key], extension, source)
    merged = tuple(entries.values())
    _check_form_collisions(merged, origin)
    _check_related(merged, origin)
    return Lexicon(entries=merged, sources=tuple(source for source, _, _ in files))


def _extended(entry: LexiconEntry, extension: EntryExtension, source: str) -> LexiconEntry:
    data = entry.model_dump()
    for field in ("aliases", "acronyms", "ambiguous", "context", "related"):
        data[field] = tuple(dict.fromkeys((*data[field], *getattr(extension, field))))
    try:
        return LexiconEntry.model_validate(data)
    except ValidationError as exc:
        raise LexiconError(_describe(exc), source=source, entry=entry.name) from None


def _check_form_collisions(
    entries: Sequence[LexiconEntry], origin: dict[str, tuple[str, int | None]]
) -> None:
    """Every written form belongs to one entry, whatever its case."""
    owner: dict[str, LexiconEntry] = {}
    for entry in entries:
        for form in dict.fromkeys(f.casefold() for f in (entry.name, *entry.aliases, *entry.acronyms)):
            other = owner.setdefault(form, entry)
            if other is not entry:
                source, line = origin.get(entry.name.casefold(), (None, None))
                raise LexiconError(
                    f"the form {form!r} is claimed by both {other.name!r} and {entry.name!r}; "
                    "keep it in one entry.",
                    source=source,
                    line=line,
                    entry=entry.name,
                )


def _check_related(entries: Sequence[LexiconEntry], origin: dict[str, tuple[str, int | None]]) -> None:
    names = {e.name.casefold() for e in entries}
    for entry in entries:
        for field, related in [("related", r) for r in entry.related] + [
            ("broader", b) for b in entry.broader
        ]:
            if related.casefold() not in names:
                source, line = origin.get(entry.name.casefold(), (None, None))
                raise LexiconError(
                    f"{field!r} names {related!r}, which is not an entry.",
                    source=source,
                    line=line,
                    entry=entry.name,
                )
