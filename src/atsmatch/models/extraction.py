"""Keywords found in a document, each with every place it stands."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, computed_field

from .base import SCHEMA_VERSION, Category, Derived, DocumentFormat, Frozen, MatchRule
from .document import DocumentStructure, Section, SectionKind

__all__ = ["Confirmation", "ConfirmationKind", "Extraction", "Keyword", "KeywordSource", "Mention"]

ConfirmationKind = Literal["neighbour", "context_word", "list_label", "list_item"]

# lexicon: a lexicon entry (any of its forms or word forms); tagger: a span the trained tagger found
# and the lexicon lacks; list: an item of an enumeration among known skills.
KeywordSource = Literal["lexicon", "tagger", "list"]


class Confirmation(Frozen):
    """Why an ambiguous form (Go, R, Excel) counts as a skill where it stands.

    ``neighbour``: a skill right beside it or near it on the line (``keyword``); ``context_word``: a word
    near it on the line, such as "programming" (``word``); ``list_label``: the label of the skills list
    it stands in, such as "Skills:" (``word``); ``list_item``: an item of a list written one item per
    line, confirmed by the list's heading (``word``) or by a skill on a neighbouring item (``keyword``).
    """

    kind: ConfirmationKind
    word: str | None = Field(default=None, description="The context word or label, as written")
    keyword: str | None = Field(default=None, description="The canonical name of the confirming skill")

    def __str__(self) -> str:
        if self.kind == "neighbour":
            return f"listed with {self.keyword!r}"
        if self.kind == "context_word":
            return f"context word {self.word!r}"
        if self.kind == "list_label":
            return f"skills list {self.word!r}"
        if self.keyword is not None:
            return f"one-per-line list with {self.keyword!r}"
        return f"one-per-line list under {self.word!r}"


class Mention(Frozen):
    """One place a keyword stands in a document: ``text == document.text[start:end]``."""

    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    line: int = Field(ge=1, description="1-based line number in the document text")
    rule: MatchRule = Field(
        description=(
            "Which form matched: a lexicon name, alias, acronym or variant; an inflection of one "
            "('mentored' for Mentoring); a tagger span or a list item, as written"
        )
    )
    form: str = Field(description="The lexicon form that matched (as written in the lexicon)")
    confirmed_by: Confirmation | None = Field(
        default=None,
        description="For ambiguous words (Go, R, Excel): the context that confirmed the match",
    )
    section: SectionKind | None = Field(
        default=None, description="The kind of section the mention stands in (skills, required...)"
    )


class Keyword(Derived):
    """A canonical skill found in a document, with every mention of it."""

    name: str
    category: Category
    group: str | None = None
    source: KeywordSource = Field(
        default="lexicon", description="What found it: the lexicon, the trained tagger, or list mining"
    )
    mentions: tuple[Mention, ...]

    @computed_field(description="How many mentions: len(mentions)")
    @property
    def count(self) -> int:
        return len(self.mentions)


class Extraction(Frozen):
    """The keywords found in one document."""

    schema_version: str = SCHEMA_VERSION
    source: str | None
    format: DocumentFormat
    text: str
    keywords: tuple[Keyword, ...]
    sections: tuple[Section, ...] = ()
    structure: DocumentStructure | None = Field(
        default=None, description="How the document's lines were read (body, ignored ranges), computed once"
    )
    lexicon_hash: str = Field(description="Content hash of the lexicon used, for reproducibility")

    def keyword(self, name: str) -> Keyword | None:
        """The keyword with this canonical name (case-insensitive), or None."""
        folded = name.casefold()
        return next((k for k in self.keywords if k.name.casefold() == folded), None)
