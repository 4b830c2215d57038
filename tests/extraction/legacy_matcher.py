"""The matcher as it was before the rewrite of issue 12 (spaCy PhraseMatchers), kept frozen so the
equivalence test can compare the new one against it live. Not part of the package; do not improve it.

Deliberate differences from the original, each a named bug fix the new matcher makes too:

1. Two forms of one entry with the same tokens (``CI/CD pipelines`` and its variant ``CI / CD
   pipelines``): spaCy returned them in its hash order, so which form a mention reported was
   arbitrary; now the form listed first in the table (name, then aliases, then variants) wins.
2. A form no longer matches across a line break (``Apache`` at a line's end, ``Spark`` starting the
   next): a mention's text never contains a newline.
3. Later rounds of confirmation re-check every unconfirmed ambiguous candidate whose context window
   touches a newly confirmed one. They re-checked only candidates still waiting whose start was
   within 7 tokens of a newly confirmed start, so a chain of list items ("Python, go, rust, swift,
   ...") stopped after about four.
"""

from __future__ import annotations

import bisect
import threading
from dataclasses import dataclass
from typing import Any

from atsmatch.extraction.tokenizer import line_starts, token_texts, tokenize
from atsmatch.lexicon import Lexicon
from atsmatch.lexicon.table import Form, FormTable, build_form_table
from atsmatch.models import Document, Section
from atsmatch.structure.furniture import line_kinds

__all__ = ["LegacyMatcher"]

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
_LIST_SEPARATORS = frozenset({",", "/", ";", "|", "&", "and", "or", "+"})
_CONTEXT_WINDOW = 6  # tokens either side, on the same line
_PLACEHOLDER = "\x00"  # stands for every token no lexicon form contains
_ON_DEMAND_DOCUMENTS = 32  # after this many documents, compile every remaining pattern


@dataclass(frozen=True)
class _Candidate:
    start: int  # token indices
    end: int
    form: Form

    @property
    def entry(self) -> int:
        return self.form.entry


class _TokenLines:
    """The line of a token, looked up when asked: only ambiguous candidates' neighbours need it."""

    def __init__(self, spans: list[tuple[int, int]], lines: list[int]) -> None:
        self._spans = spans
        self._lines = lines
        self._known: dict[int, int] = {}

    def __getitem__(self, token: int) -> int:
        line = self._known.get(token)
        if line is None:
            line = self._known[token] = bisect.bisect_right(self._lines, self._spans[token][0])
        return line


class LegacyMatcher:
    """A lexicon compiled into spaCy PhraseMatchers; ``extract`` finds its skills in a document.

    The form table (every surface form of every entry, as tokens) is built at once, or handed in
    ready (from a cache); spaCy patterns
    are added on demand, for the forms whose first word a document contains. A single CLI call then
    compiles a few hundred patterns instead of the whole lexicon, and a long batch converges on the
    full matcher. ``compile_all`` adds everything up front.

    Safe to share between threads: spaCy's vocabulary and matchers are touched under one lock (a
    ``Doc`` may add words to the vocabulary), and patterns are compiled under it too.

    Args:
        lexicon: the merged, validated lexicon.
        context_window: how many tokens either side, on the same line, may confirm an ambiguous form.
        on_demand: compile patterns as documents need them (a one-shot CLI run); otherwise every
            pattern is compiled now, as a long-lived service wants.
    """

    def __init__(
        self,
        lexicon: Lexicon | FormTable,
        *,
        context_window: int = _CONTEXT_WINDOW,
        on_demand: bool = False,
    ) -> None:
        from spacy.attrs import LOWER  # slow import (spaCy itself): only when a matcher is built
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc
        from spacy.vocab import Vocab

        table = lexicon if isinstance(lexicon, FormTable) else build_form_table(lexicon)
        self.context_window = context_window
        self._table = table
        self._form_index = {tuple(form): index for index, form in enumerate(table.forms)}
        # Forms not yet given to spaCy, by first word: a copy, so a cached table stays whole.
        self._pending = {first: list(forms) for first, forms in table.by_first_word.items()}
        self._doc_class = Doc
        # Matching reads only LOWER and ORTH, so the vocabulary computes only those: spacy.blank("en")
        # would also build a rule-based tokenizer (0.2 s) that the regex tokenizer replaces, and
        # its twenty lexical attributes make each new word three times slower to add.
        self._vocab = Vocab(lex_attr_getters={LOWER: str.lower})
        self._documents_seen = 0
        self._folded_matcher = PhraseMatcher(self._vocab, attr="LOWER")
        self._exact_matcher = PhraseMatcher(self._vocab, attr="ORTH")
        # spaCy's match id -> form index; each form is its own pattern key.
        self._key_to_form: dict[int, int] = {}
        self._spacy_lock = threading.Lock()
        if not on_demand:
            self.compile_all()

    @property
    def lexicon(self) -> Lexicon:
        """The lexicon compiled into this matcher."""
        return self._table.lexicon

    def compile_all(self) -> None:
        """Give spaCy every pattern now, rather than as documents need them."""
        with self._spacy_lock:
            self._add_patterns(None)

    def _add_patterns(self, present: set[str] | None) -> None:
        """Compile the pending forms whose every word is in ``present`` (all if None)."""
        forms = self._table.forms
        strings = self._vocab.strings
        firsts = list(self._pending) if present is None else self._pending.keys() & present
        for first in firsts:
            waiting = []
            for index in self._pending.pop(first):
                form = Form._make(forms[index])
                tokens = token_texts(form.text)
                if present is not None and not all(t.lower() in present for t in tokens[1:]):
                    waiting.append(index)
                    continue
                key = f"atsmatch:{index}"
                self._key_to_form[strings.add(key)] = index
                matcher = self._exact_matcher if form.case_sensitive else self._folded_matcher
                matcher.add(key, [self._doc_class(self._vocab, words=tokens)])
            if waiting:
                self._pending[first] = waiting

    # --- extraction ---------------------------------------------------------------------------

    def extract(self, document: Document, *, sections: tuple[Section, ...] = ()) -> list[tuple]:
        """Every lexicon skill in ``document`` as plain tuples (see ``equivalence.keywords_of``):
        ``(name, category, group, ((text, start, end, line, rule, form, confirmed_by, section), ...))``."""
        text = document.text
        kinds = line_kinds(text, sections) if sections else None
        spans = tokenize(text)
        words = [text[s:e] for s, e in spans]
        known = self._table.known
        lowered = [w.lower() for w in words]
        placeheld = [w if low in known else _PLACEHOLDER for w, low in zip(words, lowered, strict=True)]
        with self._spacy_lock:
            if self._pending:
                self._documents_seen += 1
                self._add_patterns(set(lowered) if self._documents_seen < _ON_DEMAND_DOCUMENTS else None)
            candidates = self._candidates(self._doc_class(self._vocab, words=placeheld))
        # Fix 1: same-span matches of one matcher in form order; fix 2: none across a line break.
        candidates = [c for c in candidates if "\n" not in text[spans[c.start][0] : spans[c.end - 1][1]]]
        candidates.sort(key=lambda c: (c.form.case_sensitive, c.start, c.end, self._form_index[c.form]))
        kept = self._resolve_overlaps(candidates)
        lines = line_starts(text)
        token_lines = _TokenLines(spans, lines)
        confirmations = self._confirm(kept, words, token_lines)
        mentions: dict[int, list[tuple]] = {}
        for candidate in kept:
            confirmation = confirmations.get(candidate)
            if candidate.form.ambiguous and confirmation is None:
                continue
            start, end = spans[candidate.start][0], spans[candidate.end - 1][1]
            line = bisect.bisect_right(lines, start)
            section = kinds[line - 1] if kinds else None
            mentions.setdefault(candidate.entry, []).append(
                (
                    text[start:end],
                    start,
                    end,
                    line,
                    candidate.form.rule,
                    candidate.form.text,
                    confirmation,
                    section,
                )
            )
        table = self._table
        return [
            (table.name(index), table.category(index), table.group(index), tuple(found))
            for index, found in sorted(mentions.items(), key=lambda item: item[1][0][1])
        ]

    def _candidates(self, doc: Any) -> list[_Candidate]:
        forms, key_to_form = self._table.forms, self._key_to_form
        return [
            _Candidate(start, end, Form._make(forms[key_to_form[key]]))
            for matcher in (self._folded_matcher, self._exact_matcher)
            for key, start, end in matcher(doc)
        ]

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

    def _confirm(
        self, kept: list[_Candidate], words: list[str], token_lines: _TokenLines
    ) -> dict[_Candidate, str]:
        """Why each confirmed ambiguous candidate counts. Unambiguous matches confirm first; then
        a confirmed tool confirms its list neighbours in turn ("python, go and rust")."""
        confirmed = [c for c in kept if not c.form.ambiguous]
        waiting = ambiguous = [c for c in kept if c.form.ambiguous]
        reasons: dict[_Candidate, str] = {}
        while waiting:
            newly = {}
            for candidate in waiting:
                reason = self._confirmation(candidate, words, token_lines, confirmed)
                if reason is not None:
                    newly[candidate] = reason
            if not newly:
                break
            reasons.update(newly)
            confirmed.extend(newly)
            # Fix 3: re-check every unconfirmed candidate whose window touches a newly confirmed one.
            window = max(self.context_window, 2)
            waiting = [
                c
                for c in ambiguous
                if c not in reasons
                and any(c.end + window > n.start and c.start - window < n.end for n in newly)
            ]
        return reasons

    def _confirmation(
        self,
        candidate: _Candidate,
        words: list[str],
        token_lines: _TokenLines,
        unambiguous: list[_Candidate],
    ) -> str | None:
        """Why an ambiguous form counts as a skill here, or None if nothing supports it."""
        start, end = candidate.start, candidate.end
        line = token_lines[start]
        # A hyphenated compound ("Go-to-market", "Swift-moving") is an ordinary word, and so is
        # one followed by a preposition or article ("Excel at", "Go to", "Access to").
        # The one change since it was frozen, made in both matchers (a bug fix): a hyphen with a
        # space or a line between is a bullet or a dash ("- Bash", "Python or Bash\n- SQL").
        spans = token_lines._spans
        if (start > 0 and words[start - 1] == "-" and spans[start - 1][1] == spans[start][0]) or (
            end < len(words)
            and (
                (words[end] == "-" and spans[end][0] == spans[end - 1][1])
                or (words[end].lower() in ORDINARY_USE_NEXT and token_lines[end] == line)
            )
        ):
            return None
        table = self._table
        if candidate.form.list_only:
            return self._list_neighbour(candidate, words, unambiguous)
        low = start - self.context_window
        high = end + self.context_window
        # Neighbouring tools and the general words ("programming", "proficient") speak for tools;
        # an ambiguous degree or trait ("MD", "BA", "driven") needs its own context words.
        is_tool = table.category(candidate.entry) == "hard_skill"
        if is_tool:
            for other in unambiguous:
                near = other.end > low and other.start < high and token_lines[other.start] == line
                if near and table.category(other.entry) == "hard_skill":
                    return f"listed with {table.name(other.entry)!r}"
        own_context = table.context.get(candidate.entry, frozenset())
        for position in range(max(0, low), min(len(words), high)):
            if start <= position < end or token_lines[position] != line:
                continue
            word = words[position].lower()
            if word in own_context or (is_tool and word in CONTEXT_WORDS):
                return f"context word {words[position]!r}"
        label = self._list_label(start, words, token_lines)
        if label:
            return f"skills list {label!r}"
        return None

    def _list_neighbour(
        self, candidate: _Candidate, words: list[str], unambiguous: list[_Candidate]
    ) -> str | None:
        """A tool listed right beside the candidate: 'python, go', 'react and vue'."""
        start, end = candidate.start, candidate.end
        # Cheap test first: most lowercase ordinary words ("access", "spring") have no separator.
        before = start >= 2 and words[start - 1].lower() in _LIST_SEPARATORS
        after = end + 1 < len(words) and words[end].lower() in _LIST_SEPARATORS
        if not (before or after):
            return None
        table = self._table
        for other in unambiguous:
            beside = (before and other.end == start - 1) or (after and other.start == end + 1)
            if beside and table.category(other.entry) == "hard_skill":
                return f"listed with {table.name(other.entry)!r}"
        return None

    @staticmethod
    def _list_label(position: int, words: list[str], token_lines: _TokenLines) -> str | None:
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
