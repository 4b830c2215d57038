"""``Lexicon`` → compiled matcher: one tokenizer, a dict of token tuples, one overlap rule, ambiguous
words confirmed by context, mentions grouped into keywords.

The hot path is plain Python data (lists, tuples, dicts); the pydantic models are built once per
document, at the end. No spaCy here: a ``Doc`` per document only fed spaCy's PhraseMatcher, and a
dict lookup per token finds the same candidates several times faster.
"""

from __future__ import annotations

import bisect
from typing import Any

from ..lexicon import Lexicon
from ..lexicon.table import FormTable, build_form_table
from ..models import Confirmation, Document, DocumentStructure, Extraction, Keyword, Section
from ..structure.furniture import line_kinds
from .confirm import Reason, confirm
from .context import ContextRules
from .forms import FormIndex, find_candidates, resolve_overlaps
from .lines import TokenLines, Words
from .tokens import Tokens

__all__ = ["Matcher", "MentionTuple"]

# (entry, start, end, line, form, confirmation) with character offsets and a 1-based line.
MentionTuple = tuple[int, int, int, int, int, Reason | None]
_REASON_FIELDS = ("kind", "word", "keyword")


class Matcher:
    """A lexicon compiled into a token index; ``extract`` finds its skills in a document.

    Building one takes a form table (from the lexicon, or ready from a cache) and indexes its forms
    by first word: tens of milliseconds, no spaCy. Nothing changes while extracting, so one
    ``Matcher`` is safe to share between threads without a lock.

    Args:
        lexicon: the merged, validated lexicon, or its form table.
        context_rules: what confirms an ambiguous form (Go, R, Excel); see ``ContextRules``.
    """

    def __init__(self, lexicon: Lexicon | FormTable, *, context_rules: ContextRules = ContextRules()) -> None:
        self.table = lexicon if isinstance(lexicon, FormTable) else build_form_table(lexicon)
        self.context_rules = context_rules
        self._index = FormIndex(self.table)

    @property
    def lexicon(self) -> Lexicon:
        """The lexicon compiled into this matcher."""
        return self.table.lexicon

    def find(self, text: str, *, tokens: Tokens | None = None) -> list[MentionTuple]:
        """Every confirmed mention in ``text`` as plain tuples, in order of position.

        ``tokens``: the text's tokens if already found (``Tokens(text)``), to be shared with the
        stages after the matcher.
        """
        tokens = Tokens(text) if tokens is None else tokens
        spans, lowered = tokens.spans, tokens.lowered
        index = self._index
        kept = resolve_overlaps(find_candidates(index, text, spans, lowered), index.ambiguous)
        if not kept:
            return []
        starts = tokens.line_starts
        lines = TokenLines(text, spans, starts)
        reasons = confirm(kept, Words(text, spans), lowered, lines, index, self.table, self.context_rules)
        ambiguous, entries = index.ambiguous, index.entry
        found: list[MentionTuple] = []
        for position, candidate in enumerate(kept):
            reason = reasons.get(position)
            if reason is None and ambiguous[candidate.form]:
                continue
            start, end = spans[candidate.start][0], spans[candidate.end - 1][1]
            line = bisect.bisect_right(starts, start)
            found.append((entries[candidate.form], start, end, line, candidate.form, reason))
        return found

    def extract(
        self,
        document: Document,
        *,
        sections: tuple[Section, ...] = (),
        structure: DocumentStructure | None = None,
        tokens: Tokens | None = None,
    ) -> Extraction:
        """Every lexicon skill in ``document``, grouped by canonical name in order of first mention.

        Args:
            document: the document, its text normalised.
            sections: its sections, if known: each mention then records the kind it stands in.
            structure: its structure, read once (``structure.layout.read_structure``): its sections
                and line kinds are used instead, and it is carried on the extraction.
            tokens: the text's tokens, if already found.
        """
        text = document.text
        found = self.find(text, tokens=tokens)
        if structure is not None:
            sections, kinds = structure.sections, list(structure.line_kinds)
        else:
            kinds = line_kinds(text, sections) if sections and found else None
        return Extraction.model_validate(
            {
                "source": document.source,
                "format": document.format,
                "text": text,
                "keywords": self._keywords(text, found, kinds),
                "sections": sections,
                "structure": structure,
                "lexicon_hash": self.table.lexicon_hash,
            }
        )

    def _keywords(self, text: str, found: list[MentionTuple], kinds: list[Any] | None) -> list[Keyword]:
        """The models, validated a keyword at a time from plain data (pydantic-core validates nested
        data faster than models are constructed one by one), so only one keyword's plain data is
        alive at once; equal mention texts and confirmations share one object."""
        forms, table = self.table.forms, self.table
        by_entry: dict[int, list[MentionTuple]] = {}
        for mention in found:
            by_entry.setdefault(mention[0], []).append(mention)
        found.clear()
        texts: dict[str, str] = {}
        confirmations: dict[Reason, Confirmation] = {}
        keywords = []
        for entry, mentions in by_entry.items():  # dicts keep order: first mention first
            data = []
            for _, start, end, line, form, reason in mentions:
                written = text[start:end]
                confirmation = None
                if reason is not None:
                    confirmation = confirmations.get(reason)
                    if confirmation is None:
                        fields = dict(zip(_REASON_FIELDS, reason))  # noqa: B905
                        confirmation = confirmations[reason] = Confirmation.model_validate(fields)
                data.append(
                    {
                        "text": texts.setdefault(written, written),
                        "start": start,
                        "end": end,
                        "line": line,
                        "rule": forms[form][2],
                        "form": forms[form][1],
                        "confirmed_by": confirmation,
                        "section": kinds[line - 1] if kinds else None,
                    }
                )
            mentions.clear()
            keywords.append(
                Keyword.model_validate(
                    {
                        "name": table.name(entry),
                        "category": table.category(entry),
                        "group": table.group(entry),
                        "mentions": data,
                    }
                )  # fmt: skip
            )
        return keywords
