"""The compiled lexicon an ``Analyzer`` owns: its form table and what is built from it (the matcher,
the word forms, degree levels, the skills' links), each built once on first use, under one lock, so
one is safe to share between threads."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .extraction.context import ContextRules
from .extraction.matcher import Matcher
from .extraction.word_forms import WordForms
from .lexicon import Lexicon, LexiconEntry
from .lexicon.cache import load_form_table
from .lexicon.table import FormTable, build_form_table
from .understanding.degrees import degree_levels

__all__ = ["CompiledLexicon", "SkillLinks"]

# Skill name → the broader skills it is a kind of; skill name → its related skills (both ways).
SkillLinks = tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]


class CompiledLexicon:
    """The built-in lexicon with ``extra_lexicons`` merged over it, or a ready ``lexicon``, and
    everything compiled from it, built when first asked for."""

    def __init__(
        self,
        *,
        extra_lexicons: Sequence[str | os.PathLike[str]] = (),
        lexicon: Lexicon | None = None,
        cache_dir: Path | None = None,
        context_rules: ContextRules = ContextRules(),
    ) -> None:
        self._extra_lexicons = tuple(extra_lexicons)
        self._given = lexicon
        self._cache_dir = cache_dir
        self._context_rules = context_rules
        self._lock = threading.Lock()
        self._built: dict[str, Any] = {}

    def _once(self, name: str, build: Any) -> Any:
        found = self._built.get(name)
        if found is None:
            with self._lock:
                found = self._built.get(name)
                if found is None:
                    found = self._built[name] = build()
        return found

    @property
    def table(self) -> FormTable:
        """The form table: the shipped one, a cached one, or compiled now.

        Raises:
            LexiconError: a lexicon file is invalid.
        """
        if self._given is not None:
            return self._once("table", lambda: build_form_table(self._given))
        return self._once("table", lambda: load_form_table(self._extra_lexicons, self._cache_dir))

    @property
    def matcher(self) -> Matcher:
        table = self.table
        return self._once("matcher", lambda: Matcher(table, context_rules=self._context_rules))

    @property
    def word_forms(self) -> WordForms:
        table = self.table
        return self._once("word_forms", lambda: WordForms(table))

    @property
    def degree_levels(self) -> dict[str, str]:
        """Canonical name → degree level, for the lexicon's degree entries (``degree_level:``)."""
        table = self.table
        return self._once("degree_levels", lambda: degree_levels(table.lexicon.entries))

    def entries(self, names: Iterable[str]) -> list[LexiconEntry]:
        """The lexicon's entries of these canonical names, in order; names it lacks are left out."""
        table = self.table
        return [entry for name in names if (entry := table.entry(name)) is not None]

    @property
    def links(self) -> SkillLinks:
        """The broader skills each skill is a kind of, and its related skills (both ways)."""
        table = self.table
        return self._once("links", lambda: _links(table.entries))


def _links(entries: Sequence[tuple[Any, ...]]) -> SkillLinks:
    related: dict[str, set[str]] = {}
    for entry in entries:
        for other in entry[7]:
            related.setdefault(entry[0], set()).add(other)
            related.setdefault(other, set()).add(entry[0])
    return (
        {e[0]: e[8] for e in entries if e[8]},
        {name: tuple(sorted(others)) for name, others in related.items()},
    )
