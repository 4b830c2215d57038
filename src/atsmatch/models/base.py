"""What every model shares: frozen, no unknown fields; the literal types used across stages."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, model_validator

__all__ = [
    "CATEGORIES",
    "SCHEMA_VERSION",
    "Category",
    "Derived",
    "DocumentFormat",
    "Frozen",
    "MatchRule",
    "RequirementLevel",
]

# "2": DocumentSummary.keyword_count (was keywords), Extraction.schema_version, suggestions as data,
# near-misses with the posting keyword's fields; see CHANGELOG.md.
SCHEMA_VERSION = "2"

Category = Literal["hard_skill", "soft_skill", "certification"]
CATEGORIES: tuple[Category, ...] = ("hard_skill", "soft_skill", "certification")
DocumentFormat = Literal["pdf", "docx", "html", "markdown", "text"]
MatchRule = Literal["name", "alias", "acronym", "variant", "inflection", "tagger", "list"]
RequirementLevel = Literal["required", "preferred", "unspecified"]


class Frozen(BaseModel):
    """Immutable, and strict about fields: a typo in input is an error, not a silent default."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Derived(Frozen):
    """A model with derived values (``Keyword.count``, ``CategoryCoverage.percent``...) as computed
    fields: written in the JSON for readers, recomputed (never trusted) when JSON is read back.

    A separate base, so models without computed fields (``Mention``, by the thousand) keep
    pydantic's validation without a Python hook (a third faster to build).
    """

    @model_validator(mode="before")
    @classmethod
    def _ignore_computed_fields(cls, data: Any) -> Any:
        computed = cls.model_computed_fields
        if computed and isinstance(data, dict) and not computed.keys().isdisjoint(data):
            return {key: value for key, value in data.items() if key not in computed}
        return data
