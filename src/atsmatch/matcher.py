"""``Lexicon`` → compiled matcher: one tokenizer, two spaCy PhraseMatchers, one overlap rule,
ambiguous words confirmed by context, mentions grouped into keywords.

Compiling is the expensive step; build a ``Matcher`` once and reuse it for every document.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .lexicon import Lexicon, LexiconEntry, surface_forms
from .models import Document, Extraction, Keyword, Mention
from .sections import Section, line_kinds
from .tokenizer import token_texts, tokenize

__all__ = ["CONTEXT_WORDS", "LIST_LABELS", "ORDINARY_USE_NEXT", "Matcher", "line_starts"]

# Words that, near an ambiguous form, show it is used as a skill ("Go programming", "proficient in R").
# Deliberately narrow: "skills", "software" or "development" stand near "excel at" too.
CONTEXT_WORDS = frozenset(
    {
        "programming", "language", "languages", "proficient", "proficiency", "developer",
        "developers", "coding", "scripting", "framework", "frameworks", "library", "libraries",
        "certified", "experience", "knowledge",
    }
)  # fmt: skip
# A word right after an ambiguous form that shows ordinary use: "excel at", "go to", "access to",
# "spark the", "word of mouth".
ORDINARY_USE_NEXT = frozenset(
    {
        "at", "to", "the", "a", "an", "our", "your", "their", "my", "his", "her", "its", "you",
        "up", "out", "back", "ahead", "beyond", "of", "off", "forward", "above",
    }
)  # fmt: skip
# Labels that open a skills list: "Skills: ...", "Languages | ...", "Tech stack - ...".
LIST_LABELS = frozenset(
    {
        "skills", "skill", "languages", "language", "technologies", "technology", "tools", "tool",
        "stack", "frameworks", "software", "platforms", "proficiencies", "competencies",
        "expertise", "environment", "requirements", "qualifications", "libraries", "databases",
        "certifications", "programming", "tech", "technical", "keywords",
    }
)  # fmt: skip
_LABEL_ENDS = frozenset({":", "|", "-"})
_CONTEXT_WINDOW = 6  # tokens either side, on the same line
_PLACEHOLDER = "\x00"  # stands for every token no lexicon form contains


@dataclass(frozen=True)
class _FormInfo:
    entry: int
    text: str
    rule: str
    ambiguous: bool


@dataclass(frozen=True)
class _Candidate:
    entry: int
    start: int  # token indices
    end: int
    form: _FormInfo


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` starts; ``bisect`` on it gives a 0-based line."""
    starts = [0]
    position = text.find("\n")
    while position != -1:
        starts.append(position + 1)
        position = text.find("\n", position + 1)
    return starts


class Matcher:
    """A lexicon compiled into spaCy PhraseMatchers; ``extract`` finds its skills in a document.

    The form table (every surface form of every entry, as tokens) is built at once; spaCy patterns
    are added on demand, for the forms whose first word a document contains. A single CLI call then
    compiles a few hundred patterns instead of the whole lexicon, and a long batch converges on the
    full matcher. ``compile_all`` adds everything up front. Not safe to share between threads.

    Args:
        lexicon: the merged, validated lexicon.
        context_window: how many tokens either side, on the same line, may confirm an ambiguous form.
    """

    def __init__(self, lexicon: Lexicon, *, context_window: int = _CONTEXT_WINDOW) -> None:
        from spacy.lang.en import English  # slow import (spaCy itself): only when a matcher is built
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc
        from spacy.vocab import create_vocab

        self.lexicon = lexicon
        self.context_window = context_window
        self._doc_class = Doc
        # The vocabulary spacy.blank("en") would build, without the rule-based tokenizer it also
        # builds (0.2 s) and that the regex tokenizer replaces.
        self._vocab = create_vocab("en", English.Defaults)
        self._folded_matcher = PhraseMatcher(self._vocab, attr="LOWER")
        self._exact_matcher = PhraseMatcher(self._vocab, attr="ORTH")
        # Matched token tuple (lowercased, or exact for case-sensitive forms) -> form, per entry.
        self._folded_forms: dict[tuple[int, tuple[str, ...]], _FormInfo] = {}
        self._exact_forms: dict[tuple[int, tuple[str, ...]], _FormInfo] = {}
        # Patterns not yet given to spaCy, by their first token (lowercased).
        self._pending: dict[str, list[tuple[int, tuple[str, ...], bool]]] = {}
        self._entry_context: dict[int, frozenset[str]] = {}
        self._known: set[str] = set()
        self._key_to_entry: dict[int, int] = {}
        self._build_form_table(lexicon.entries)
        self._lexicon_hash = lexicon.content_hash

    def _build_form_table(self, entries: Iterable[LexiconEntry]) -> None:
        strings = self._vocab.strings
        for index, entry in enumerate(entries):
            self._key_to_entry[strings.add(f"atsmatch:{index}")] = index
            for form in surface_forms(entry):
                tokens = tuple(token_texts(form.text))
                if not tokens:
                    continue
                info = _FormInfo(index, form.text, form.rule, form.ambiguous)
                self._known.update(t.lower() for t in tokens)
                table = self._exact_forms if form.case_sensitive else self._folded_forms
                lookup = tokens if form.case_sensitive else tuple(t.lower() for t in tokens)
                if table.setdefault((index, lookup), info) is info:
                    self._pending.setdefault(tokens[0].lower(), []).append(
                        (index, tokens, form.case_sensitive)
                    )
            if entry.ambiguous:
                self._entry_context[index] = frozenset(
                    token.lower() for word in entry.context for token in token_texts(word)
                )

    def compile_all(self) -> None:
        """Give spaCy every pattern now, rather than as documents need them."""
        self._add_patterns(list(self._pending))

    def _add_patterns(self, first_tokens: Iterable[str]) -> None:
        folded: dict[int, list[Any]] = {}
        exact: dict[int, list[Any]] = {}
        for first in first_tokens:
            for index, tokens, case_sensitive in self._pending.pop(first, ()):
                pattern = self._doc_class(self._vocab, words=list(tokens))
                (exact if case_sensitive else folded).setdefault(index, []).append(pattern)
        for matcher, patterns in ((self._folded_matcher, folded), (self._exact_matcher, exact)):
            for index, docs in patterns.items():
                matcher.add(f"atsmatch:{index}", docs)

    # --- extraction ---------------------------------------------------------------------------

    def extract(self, document: Document, *, sections: tuple[Section, ...] = ()) -> Extraction:
        """Every lexicon skill in ``document``, grouped by canonical name in order of first mention.

        Args:
            document: the document, its text normalised.
            sections: its sections, if known: each mention then records the kind it stands in.
        """
        text = document.text
        kinds = line_kinds(text, sections) if sections else None
        spans = tokenize(text)
        words = [text[s:e] for s, e in spans]
        known = self._known
        lowered = [w.lower() for w in words]
        if self._pending:
            self._add_patterns(self._pending.keys() & set(lowered))
        # Tokens no form contains become one placeholder, so spaCy's string store stays bounded.
        doc = self._doc_class(
            self._vocab, words=[w if low in known else _PLACEHOLDER for w, low in zip(words, lowered)]
        )
        candidates = self._candidates(doc, words)
        kept = self._resolve_overlaps(candidates)
        lines = line_starts(text)
        token_lines = None
        mentions: dict[int, list[Mention]] = {}
        confirmed_unambiguous = [c for c in kept if not c.form.ambiguous]
        for candidate in kept:
            confirmation = None
            if candidate.form.ambiguous:
                if token_lines is None:
                    token_lines = [bisect.bisect_right(lines, s) for s, _ in spans]
                confirmation = self._confirmation(candidate, words, token_lines, confirmed_unambiguous)
                if confirmation is None:
                    continue
            start, end = spans[candidate.start][0], spans[candidate.end - 1][1]
            line = bisect.bisect_right(lines, start)
            mentions.setdefault(candidate.entry, []).append(
                Mention(
                    text=text[start:end],
                    start=start,
                    end=end,
                    line=line,
                    rule=candidate.form.rule,  # type: ignore[arg-type]
                    form=candidate.form.text,
                    confirmed_by=confirmation,
                    section=kinds[line - 1] if kinds else None,
                )
            )
        entries = self.lexicon.entries
        keywords = tuple(
            Keyword(
                name=entries[index].name,
                category=entries[index].category,
                group=entries[index].group,
                mentions=tuple(found),
            )
            for index, found in sorted(mentions.items(), key=lambda item: item[1][0].start)
        )
        return Extraction(
            source=document.source,
            format=document.format,
            text=text,
            keywords=keywords,
            sections=sections,
            lexicon_hash=self._lexicon_hash,
        )

    def _candidates(self, doc: Any, words: list[str]) -> list[_Candidate]:
        found: list[_Candidate] = []
        for key, start, end in self._folded_matcher(doc):
            entry = self._key_to_entry[key]
            folded = tuple(w.lower() for w in words[start:end])
            found.append(_Candidate(entry, start, end, self._folded_forms[(entry, folded)]))
        for key, start, end in self._exact_matcher(doc):
            entry = self._key_to_entry[key]
            found.append(_Candidate(entry, start, end, self._exact_forms[(entry, tuple(words[start:end]))]))
        return found

    @staticmethod
    def _resolve_overlaps(candidates: list[_Candidate]) -> list[_Candidate]:
        """Longest match wins; on a tie an unambiguous form, then the earlier one (as filter_spans)."""
        ordered = sorted(candidates, key=lambda c: (-(c.end - c.start), c.form.ambiguous, c.start))
        taken: set[int] = set()
        kept: list[_Candidate] = []
        for candidate in ordered:
            positions = range(candidate.start, candidate.end)
            if not taken.intersection(positions):
                kept.append(candidate)
                taken.update(positions)
        return sorted(kept, key=lambda c: c.start)

    def _confirmation(
        self,
        candidate: _Candidate,
        words: list[str],
        token_lines: list[int],
        unambiguous: list[_Candidate],
    ) -> str | None:
        """Why an ambiguous form counts as a skill here, or None if nothing supports it."""
        start, end = candidate.start, candidate.end
        line = token_lines[start]
        # A hyphenated compound ("Go-to-market", "Swift-moving") is an ordinary word, and so is
        # one followed by a preposition or article ("Excel at", "Go to", "Access to").
        if (start > 0 and words[start - 1] == "-") or (
            end < len(words) and (words[end] == "-" or words[end].lower() in ORDINARY_USE_NEXT)
        ):
            return None
        low = start - self.context_window
        high = end + self.context_window
        entries = self.lexicon.entries
        for other in unambiguous:
            if other.end > low and other.start < high and token_lines[other.start] == line:
                if entries[other.entry].category == "hard_skill":
                    return f"listed with {entries[other.entry].name!r}"
        own_context = self._entry_context.get(candidate.entry, frozenset())
        for position in range(max(0, low), min(len(words), high)):
            if start <= position < end or token_lines[position] != line:
                continue
            word = words[position].lower()
            if word in own_context or word in CONTEXT_WORDS:
                return f"context word {words[position]!r}"
        label = self._list_label(start, words, token_lines)
        if label:
            return f"skills list {label!r}"
        return None

    @staticmethod
    def _list_label(position: int, words: list[str], token_lines: list[int]) -> str | None:
        """The label of a 'Skills: a, b, c' line that the token stands on, if any."""
        line = token_lines[position]
        first = position
        while first > 0 and token_lines[first - 1] == line:
            first -= 1
        for index in range(first, min(first + 5, position)):
            if words[index] in _LABEL_ENDS and index > first:
                label_words = [w.lower() for w in words[first:index]]
                if any(w in LIST_LABELS for w in label_words):
                    return " ".join(words[first:index]) + words[index]
        return None
