"""``Lexicon`` → ``FormTable``: every surface form of every entry, indexed for the matcher.

Plain data (tuples, dicts, strings), so ``to_data``/``from_data`` turn it into something ``marshal``
writes and reads in milliseconds: the CLI caches it on disk, keyed by the lexicon's bytes, and skips
YAML parsing, validation and form derivation on later runs.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..extraction.tokenizer import token_texts
from .schema import Lexicon, LexiconEntry
from .variants import surface_forms

__all__ = ["Form", "FormTable", "build_form_table"]

_ENTRY_FIELDS = ("name", "category", "group", "aliases", "acronyms", "ambiguous", "context", "related")


class Form(NamedTuple):
    """One surface form of one entry, as the matcher needs it."""

    entry: int
    text: str
    rule: str  # name | alias | acronym | variant
    ambiguous: bool
    case_sensitive: bool
    list_only: bool  # confirmed only by a listed tool right beside it


class FormTable:
    """Forms by index, form indices by first word, context words, and the entries behind them.

    Args:
        entries: each entry's fields, in ``_ENTRY_FIELDS`` order.
        sources: the lexicon files it was merged from.
        lexicon_hash: the lexicon's content hash.
        forms: every form, as plain tuples in ``Form`` order (``Form._make`` reads one).
        by_first_word: lowercased first word → indices of the forms that start with it.
        context: entry index → lowercased context words, for entries with ambiguous forms.
        known: every lowercased word any form contains.
        lexicon: the validated lexicon, if at hand (else rebuilt from ``entries`` when asked for).
    """

    def __init__(
        self,
        *,
        entries: tuple[tuple[Any, ...], ...],
        sources: tuple[str, ...],
        lexicon_hash: str,
        forms: tuple[tuple[Any, ...], ...],
        by_first_word: dict[str, tuple[int, ...]],
        context: dict[int, frozenset[str]],
        known: frozenset[str],
        lexicon: Lexicon | None = None,
    ) -> None:
        self.entries = entries
        self.sources = sources
        self.lexicon_hash = lexicon_hash
        self.forms = forms
        self.by_first_word = by_first_word
        self.context = context
        self.known = known
        self._lexicon = lexicon
        self._index_by_name: dict[str, int] | None = None

    @property
    def lexicon(self) -> Lexicon:
        """The lexicon, rebuilt from the entries without validation (they were validated)."""
        if self._lexicon is None:
            self._lexicon = Lexicon(
                entries=tuple(
                    LexiconEntry.model_construct(**dict(zip(_ENTRY_FIELDS, e, strict=True)))
                    for e in self.entries
                ),
                sources=self.sources,
            )
        return self._lexicon

    def entry(self, name: str) -> LexiconEntry | None:
        """The entry with this canonical name (case-insensitive), built alone: cheaper than ``lexicon``."""
        if self._index_by_name is None:
            self._index_by_name = {e[0].casefold(): i for i, e in enumerate(self.entries)}
        index = self._index_by_name.get(name.casefold())
        if index is None:
            return None
        if self._lexicon is not None:
            return self._lexicon.entries[index]
        return LexiconEntry.model_construct(**dict(zip(_ENTRY_FIELDS, self.entries[index], strict=True)))

    def name(self, entry: int) -> str:
        return self.entries[entry][0]

    def category(self, entry: int) -> str:
        return self.entries[entry][1]

    def group(self, entry: int) -> str | None:
        return self.entries[entry][2]

    def to_data(self) -> tuple[Any, ...]:
        """The table as nested tuples, dicts, sets and strings only (what ``marshal`` can write)."""
        return (self.entries, self.sources, self.lexicon_hash, self.forms, self.by_first_word,
                self.context, self.known)  # fmt: skip

    @classmethod
    def from_data(cls, data: tuple[Any, ...]) -> FormTable:
        """The inverse of ``to_data``."""
        entries, sources, lexicon_hash, forms, by_first_word, context, known = data
        return cls(
            entries=entries, sources=sources, lexicon_hash=lexicon_hash,
            forms=forms, by_first_word=by_first_word,
            context=context, known=known,
        )  # fmt: skip


def build_form_table(lexicon: Lexicon) -> FormTable:
    """Derive and tokenize every surface form of every entry once."""
    forms: list[tuple[Any, ...]] = []
    by_first_word: dict[str, list[int]] = {}
    context: dict[int, frozenset[str]] = {}
    known: set[str] = set()
    for index, entry in enumerate(lexicon.entries):
        for form in surface_forms(entry):
            tokens = token_texts(form.text)
            if not tokens:
                continue
            known.update(t.lower() for t in tokens)
            by_first_word.setdefault(tokens[0].lower(), []).append(len(forms))
            forms.append((index, form.text, form.rule, form.ambiguous, form.case_sensitive, form.list_only))
        if entry.ambiguous:
            context[index] = frozenset(token.lower() for word in entry.context for token in token_texts(word))
    return FormTable(
        entries=tuple(tuple(getattr(e, f) for f in _ENTRY_FIELDS) for e in lexicon.entries),
        sources=lexicon.sources,
        lexicon_hash=lexicon.content_hash,
        forms=tuple(forms),
        by_first_word={word: tuple(indices) for word, indices in by_first_word.items()},
        context=context,
        known=frozenset(known),
        lexicon=lexicon,
    )
