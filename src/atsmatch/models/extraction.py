"""Keywords found in a document, each with every place it stands."""

from __future__ import annotations

from pydantic import Field, model_validator

from .base import Category, DocumentFormat, Frozen, MatchRule
from .document import Section, SectionKind

__all__ = ["Extraction", "Keyword", "Mention"]


class Mention(Frozen):
    """One place a keyword stands in a document: ``text == document.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line number in the document text")
    rule: MatchRule = Field(description="Which lexicon form matched: name, alias, acronym or variant")
    form: str = Field(description="The lexicon form that matched (as written in the lexicon)")
    confirmed_by: str | None = Field(
        default=None,
        description="For ambiguous words (Go, R, Excel): the context that confirmed the match",
    )
    section: SectionKind | None = Field(
        default=None, description="The kind of section the mention stands in (skills, required...)"
    )


class Keyword(Frozen):
    """A canonical skill found in a document, with every mention of it."""

    name: str
    category: Category
    group: str | None = None
    count: int = Field(default=0, description="How many mentions (always len(mentions))")
    mentions: tuple[Mention, ...]

    @model_validator(mode="after")
    def _count_mentions(self) -> Keyword:
        # Derived, but carried in the JSON for readers; a stale count in input is corrected.
        object.__setattr__(self, "count", len(self.mentions))
        return self


class Extraction(Frozen):
    """The keywords found in one document."""

    source: str | None
    format: DocumentFormat
    text: str
    keywords: tuple[Keyword, ...]
    sections: tuple[Section, ...] = ()
    lexicon_hash: str = Field(description="Content hash of the lexicon used, for reproducibility")

    def keyword(self, name: str) -> Keyword | None:
        """The keyword with this canonical name (case-insensitive), or None."""
        folded = name.casefold()
        return next((k for k in self.keywords if k.name.casefold() == folded), None)
