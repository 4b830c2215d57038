"""``Lexicon`` → ``FormTable``: every surface form of every entry, indexed for the matcher.

Plain data (lists, dicts, strings), so ``to_json``/``from_json`` write it as portable JSON and read
it back in tens of milliseconds: the built-in lexicon's table ships ready in the wheel
(``lexicon/shipped.py``) and the CLI caches users' lexicons on disk (``lexicon/cache.py``), both
skipping YAML parsing, validation and form derivation.
"""

from __future__ import annotations

import gc
import json
from typing import Any, NamedTuple

from ..extraction.tokenizer import token_texts
from .schema import Lexicon, LexiconEntry
from .variants import surface_forms

__all__ = ["Form", "FormTable", "build_form_table"]

_ENTRY_FIELDS = (
    "name", "category", "group", "aliases", "acronyms", "ambiguous", "context", "related", "broader",
    "degree_level",
)  # fmt: skip
_LISTS = slice(3, 9)  # the list fields, aliases to broader
_RULES = frozenset({"name", "alias", "acronym", "variant"})
_CATEGORIES = frozenset({"hard_skill", "soft_skill", "certification"})
_DEGREE_LEVELS = frozenset({None, "high school", "associate", "bachelor", "master", "doctorate"})


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

    def to_json(self) -> bytes:
        """The table as compact JSON (UTF-8): lists, objects, strings, numbers and booleans only."""
        data = {
            "entries": self.entries,
            "sources": self.sources,
            "lexicon_hash": self.lexicon_hash,
            "forms": self.forms,
            "by_first_word": self.by_first_word,
            "context": {str(entry): sorted(words) for entry, words in self.context.items()},
            "known": sorted(self.known),
        }
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    @classmethod
    def from_json(cls, payload: bytes) -> FormTable:
        """The inverse of ``to_json``, checking the shape on the way.

        Raises:
            ValueError: not JSON, or not shaped like a form table (a foreign or damaged file).
        """
        data = _loads_without_gc(payload)
        _check_shape(data)
        return cls(
            entries=tuple(
                (*e[:3], *(tuple(items) for items in e[_LISTS]), *e[_LISTS.stop :]) for e in data["entries"]
            ),
            sources=tuple(data["sources"]),
            lexicon_hash=data["lexicon_hash"],
            forms=data["forms"],
            by_first_word=data["by_first_word"],
            context={int(entry): frozenset(words) for entry, words in data["context"].items()},
            known=frozenset(data["known"]),
        )


def _loads_without_gc(payload: bytes) -> Any:
    """``json.loads`` with the garbage collector paused: the load creates ~200,000 objects, and
    with spaCy imported each collection it triggers walks every live object (several times slower)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        return json.loads(payload)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a JSON form table: {exc}") from None
    finally:
        if enabled:
            gc.enable()


def _check_shape(data: Any) -> None:
    """Raise ValueError unless ``data`` has every field of a form table, each of the right type."""

    def need(condition: bool, what: str) -> None:
        if not condition:
            raise ValueError(f"not a form table: {what}")

    need(isinstance(data, dict) and set(data) == {"entries", "sources", "lexicon_hash", "forms",
                                                  "by_first_word", "context", "known"}, "fields")  # fmt: skip
    entries, forms = data["entries"], data["forms"]
    need(isinstance(entries, list) and isinstance(forms, list), "lists")
    need(
        isinstance(data["lexicon_hash"], str) and _strings(data["sources"]) and _strings(data["known"]),
        "names",
    )
    need(all(isinstance(e, list) and len(e) == len(_ENTRY_FIELDS) for e in entries), "entry rows")
    need(all(isinstance(e[0], str) and e[1] in _CATEGORIES and (e[2] is None or isinstance(e[2], str))
             and all(_strings(items) for items in e[_LISTS]) and e[_LISTS.stop] in _DEGREE_LEVELS
             for e in entries), "entry fields")  # fmt: skip
    count = len(entries)
    need(all(isinstance(f, list) and len(f) == len(Form._fields) for f in forms), "form rows")
    need(all(type(f[0]) is int and 0 <= f[0] < count and isinstance(f[1], str) and f[2] in _RULES
             and all(type(flag) is bool for flag in f[3:]) for f in forms), "form fields")  # fmt: skip
    by_first_word, context = data["by_first_word"], data["context"]
    need(isinstance(by_first_word, dict) and isinstance(context, dict), "indices")
    total = len(forms)
    need(all(isinstance(i, list) and all(type(j) is int and 0 <= j < total for j in i)
             for i in by_first_word.values()), "form index")  # fmt: skip
    need(all(k.isdigit() and int(k) < count and _strings(v) for k, v in context.items()), "context")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


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
            # Each word of a context phrase counts ("data warehouse": data, warehouse), but never its
            # punctuation or bare numbers: "CI/CD", "ICD-10", "front-end" split to "/", "-" and "10",
            # which confirmed 62 entries' forms wherever such a token stood nearby.
            context[index] = frozenset(
                token.lower()
                for word in entry.context
                for token in token_texts(word)
                if any(char.isalpha() for char in token)
            )
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
