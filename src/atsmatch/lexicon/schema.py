"""The lexicon's file format as pydantic models, and the merged ``Lexicon``."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ..models import Category

__all__ = ["EntryExtension", "Lexicon", "LexiconEntry", "LexiconFile"]

_GROUP = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _strings(value: Any) -> Any:
    """Accept a single string where a list is expected, as people write YAML."""
    return [value] if isinstance(value, str) else value


class _Forms(BaseModel):
    """A name and the lists of forms and hints that entries and extensions share."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    acronyms: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    _lists = field_validator("aliases", "acronyms", "ambiguous", "context", "related", mode="before")(
        _strings
    )

    @field_validator("aliases", "acronyms", "ambiguous", "context", "related")
    @classmethod
    def _no_blank_items(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not item for item in value):
            raise ValueError("must not contain empty strings")
        return value


class LexiconEntry(_Forms):
    """One canonical skill and the ways documents write it."""

    category: Category
    group: str | None = None

    @field_validator("group")
    @classmethod
    def _kebab_group(cls, value: str | None) -> str | None:
        if value is not None and not _GROUP.match(value):
            raise ValueError(f"group {value!r} must be kebab-case, like 'ml-framework'")
        return value

    @model_validator(mode="after")
    def _ambiguous_forms_exist(self) -> LexiconEntry:
        written = {self.name, *self.aliases, *self.acronyms}
        for form in self.ambiguous:
            if form not in written:
                raise ValueError(
                    f"ambiguous form {form!r} is not the name, an alias or an acronym "
                    "(copy it exactly as written there)"
                )
        return self


class EntryExtension(_Forms):
    """Extra forms or context words for an entry that already exists."""


class LexiconFile(BaseModel):
    """The top level of a lexicon YAML file."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int = 1
    entries: tuple[LexiconEntry, ...] = ()
    extend: tuple[EntryExtension, ...] = ()
    disable: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lexicon:
    """The merged, validated lexicon: entries in a fixed order, and a hash of their content."""

    entries: tuple[LexiconEntry, ...]
    sources: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def content_hash(self) -> str:
        """A short hash of every entry: equal hashes mean equal matching behaviour."""
        payload = json.dumps([e.model_dump(mode="json") for e in self.entries], sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def entry(self, name: str) -> LexiconEntry | None:
        """The entry with this canonical name (case-insensitive), or None."""
        folded = name.casefold()
        return next((e for e in self.entries if e.name.casefold() == folded), None)

    def counts(self) -> dict[str, Counter[str]]:
        """Entry counts per category and per (category, group)."""
        by_category: Counter[str] = Counter(e.category for e in self.entries)
        by_group: Counter[str] = Counter(f"{e.category}/{e.group or '-'}" for e in self.entries)
        return {"category": by_category, "group": by_group}
