"""The lexicon's file format as pydantic models, and the merged ``Lexicon``.

``lexicon_json_schema()`` is the published JSON Schema of a lexicon file (docs/lexicon.schema.json).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from ..models import Category
from .groups import GROUPS

__all__ = ["EntryExtension", "Lexicon", "LexiconEntry", "LexiconFile", "lexicon_json_schema"]

_GROUP = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _strings(value: Any) -> Any:
    """Accept a single string where a list is expected, as people write YAML."""
    return [value] if isinstance(value, str) else value


def _known_group(value: str) -> str:
    if not _GROUP.match(value):
        raise ValueError(f"group {value!r} must be kebab-case, like 'ml-framework'")
    if value not in GROUPS:
        raise ValueError(
            f"group {value!r} is not one of the documented groups (docs/lexicon.md lists them); "
            "leave 'group' out, or use the closest documented one"
        )
    return value


Group = Annotated[
    str,
    AfterValidator(_known_group),
    WithJsonSchema({"type": "string", "enum": sorted(GROUPS)}),
]


def _has_letter_or_digit(forms: tuple[str, ...]) -> tuple[str, ...]:
    for form in forms:
        if not any(c.isalnum() for c in form):
            # '!!!' or '-' would match every run of punctuation in every document.
            raise ValueError(f"{form!r} has no letter or digit: a form must name something")
    return forms


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

    @field_validator("name")
    @classmethod
    def _name_has_letter_or_digit(cls, value: str) -> str:
        return _has_letter_or_digit((value,))[0]

    _forms_have_letters = field_validator("aliases", "acronyms")(_has_letter_or_digit)


class LexiconEntry(_Forms):
    """One canonical skill and the ways documents write it."""

    category: Category
    group: Group | None = Field(
        default=None, description="A documented family (docs/lexicon.md); 'degree' makes the entry a degree"
    )
    broader: tuple[str, ...] = Field(
        default=(),
        description=(
            "Canonical names of broader skills this one is a kind of (CLion: JetBrains IDEs); a resume's "
            "narrower skill counts for a posting's broader one, reported as a different phrasing"
        ),
    )

    _broader_list = field_validator("broader", mode="before")(_strings)
    # Only entries with a level count as degrees: a certification's name ("… – Associate") never does.
    degree_level: Literal["high school", "associate", "bachelor", "master", "doctorate"] | None = None

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

    model_config = ConfigDict(frozen=True, extra="forbid", title="atsmatch lexicon file")

    version: Literal[1] = Field(default=1, description="The file format's version: 1 is the only one")
    entries: tuple[LexiconEntry, ...] = ()
    extend: tuple[EntryExtension, ...] = ()
    disable: tuple[str, ...] = ()


def lexicon_json_schema() -> dict[str, Any]:
    """The JSON Schema of a lexicon file, as published in docs/lexicon.schema.json."""
    schema = LexiconFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


@dataclass(frozen=True)
class Lexicon:
    """The merged, validated lexicon: entries in a fixed order, and a hash of their content."""

    entries: tuple[LexiconEntry, ...]
    sources: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.entries)

    @cached_property
    def content_hash(self) -> str:
        """A short hash of every entry: equal hashes mean equal matching behaviour (computed once)."""
        payload = json.dumps([e.model_dump(mode="json") for e in self.entries], sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    @cached_property
    def _by_name(self) -> dict[str, LexiconEntry]:
        return {e.name.casefold(): e for e in self.entries}

    def entry(self, name: str) -> LexiconEntry | None:
        """The entry with this canonical name (case-insensitive), or None."""
        return self._by_name.get(name.casefold())

    def counts(self) -> dict[str, Counter[str]]:
        """Entry counts per category and per (category, group)."""
        by_category: Counter[str] = Counter(e.category for e in self.entries)
        by_group: Counter[str] = Counter(f"{e.category}/{e.group or '-'}" for e in self.entries)
        return {"category": by_category, "group": by_group}
