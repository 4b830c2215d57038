"""What every model shares: frozen, no unknown fields; the literal types used across stages."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = [
    "CATEGORIES",
    "SCHEMA_VERSION",
    "Category",
    "DocumentFormat",
    "Frozen",
    "MatchRule",
    "RequirementLevel",
]

SCHEMA_VERSION = "1"

Category = Literal["hard_skill", "soft_skill", "certification"]
CATEGORIES: tuple[Category, ...] = ("hard_skill", "soft_skill", "certification")
DocumentFormat = Literal["pdf", "docx", "html", "markdown", "text"]
MatchRule = Literal["name", "alias", "acronym", "variant"]
RequirementLevel = Literal["required", "preferred", "unspecified"]


class Frozen(BaseModel):
    """Immutable, and strict about fields: a typo in input is an error, not a silent default."""

    model_config = ConfigDict(frozen=True, extra="forbid")
