"""Word forms of the lexicon's soft skills: how resumes, written in the past tense, name them.

"Mentored 3 engineers" is Mentoring, "collaborated" is Collaboration, "creative problem solver" is
Creative Problem Solving, "led a team of 4" is Leadership (its alias "lead a team"). Derived by rule
from the lexicon's own forms, at build time:

* a one-word name in ``-ing`` or ``-ation`` (Mentoring, Negotiation): the verb's past tense and third
  person ("mentored", "mentors", "negotiated");
* a phrase in ``-ing`` (Problem Solving): the doer ("problem solver", "problem solvers");
* an alias that starts with a verb (the lexicon writes both "lead a team" and "leading a team"):
  that verb in the past tense and third person ("led a team", "leads a team").

Only soft skills: a hard skill's verb is too often ordinary ("trained a model" is not Training).
A form that is already some entry's form is left to the matcher. Mentions found here carry the
rule ``inflection`` and the lexicon form they stand for, so the report can say that an ATS
matching literally will not see "mentored" for "mentoring".
"""

from __future__ import annotations

import bisect
import re

from ..lexicon.table import FormTable
from ..models import Keyword, Mention
from .tokenizer import token_texts
from .tokens import Tokens

__all__ = ["WordForms", "past_tense", "verb_forms", "with_ing_form"]

_IRREGULAR_PAST = {
    "lead": "led", "build": "built", "drive": "drove", "take": "took", "make": "made", "give": "gave",
    "set": "set", "run": "ran", "write": "wrote", "teach": "taught", "think": "thought", "speak": "spoke",
    "find": "found", "hold": "held", "keep": "kept", "bring": "brought", "grow": "grew", "meet": "met",
    "deal": "dealt", "seek": "sought", "get": "got", "overcome": "overcame", "understand": "understood",
    "spot": "spotted", "tell": "told", "put": "put", "see": "saw", "learn": "learned", "forge": "forged",
    "read": "read", "wear": "wore", "go": "went", "be": "was",
}  # fmt: skip
_THIRD_PERSON = {"go": "goes", "be": "is", "do": "does", "have": "has"}
_NEEDS_E = ("c", "v", "z", "u", "s")  # influencing → influence, liaising → liaise
_SHORT_CVC = re.compile(r"^[^aeiou]*[aeiou][bdgmnprt]$")  # plan → planned, but not "mentor"
_SOFT = "soft_skill"


def past_tense(verb: str) -> str:
    """The simple past of an English verb (regular rules and a small table of irregular ones)."""
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    if _SHORT_CVC.match(verb):
        return verb + verb[-1] + "ed"
    return verb + "ed"


def verb_forms(verb: str) -> list[str]:
    """Past tense and third person of ``verb``."""
    third = verb + "es" if verb.endswith(("s", "sh", "ch", "x", "z")) else verb + "s"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        third = verb[:-1] + "ies"
    third = _THIRD_PERSON.get(verb, third)
    return [past_tense(verb), third]


def _stems(word: str) -> list[str]:
    """The verbs a name in -ing or -ation may come from ("mentoring" → mentor; "liaising" → liaise)."""
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        if len(stem) > 2 and stem[-1] == stem[-2] and _SHORT_CVC.match(stem[:-1]):
            return [stem[:-1]]  # planning → plan, but storytelling → storytell
        return [stem + "e"] if stem.endswith(_NEEDS_E) else [stem]  # influencing; mentoring
    if word.endswith(("isation", "ization")):
        return [word[:-5] + "e"]  # prioritisation → prioritise, improvisation → improvise
    if word.endswith("ation") and len(word) > 7:
        return [word[:-3] + "e"]  # collaboration → collaborate, prioritisation → prioritise
    return []


class WordForms:
    """The derived word forms of a lexicon's soft skills, and the search for them in a text.

    Args:
        table: the compiled lexicon.
    """

    def __init__(self, table: FormTable) -> None:
        self._table = table
        self._by_name = {entry[0]: index for index, entry in enumerate(table.entries)}
        taken = {form[1].casefold() for form in table.forms}
        # first word → [(words, entry, lexicon form)], longest first
        self._phrases: dict[str, list[tuple[tuple[str, ...], int, str]]] = {}
        for index, entry in enumerate(table.entries):
            if entry[1] != _SOFT:
                continue
            for derived, source in _derived(entry[0], entry[3], set(entry[5])):
                if derived.casefold() not in taken:
                    taken.add(derived.casefold())
                    words = tuple(token_texts(derived.lower()))
                    self._phrases.setdefault(words[0], []).append((words, index, source))
        for phrases in self._phrases.values():
            phrases.sort(key=lambda p: -len(p[0]))

    def __len__(self) -> int:
        return sum(len(p) for p in self._phrases.values())

    def add_mentions(
        self, text: str, keywords: list[Keyword], *, tokens: Tokens | None = None
    ) -> list[Keyword]:
        """``keywords`` with the word-form mentions found in ``text`` where no mention stands.

        ``tokens``: the text's tokens if already found (the matcher's), else found here.
        """
        tokens = Tokens(text) if tokens is None else tokens
        spans, lowered, phrases = tokens.spans, tokens.lowered, self._phrases
        claimed = sorted((m.start, m.end) for k in keywords for m in k.mentions)
        longest = max((e - s for s, e in claimed), default=0)
        found: dict[int, list[Mention]] = {}
        replaced: set[tuple[int, int]] = set()
        free = 0  # the first token no found form covers
        for position in [i for i, word in enumerate(lowered) if word in phrases]:
            if position < free:
                continue
            match = self._match_at(lowered, position)
            if match is None:
                continue
            length, entry, source = match
            start, end = spans[position][0], spans[position + length - 1][1]
            # Only mentions starting less than the longest mention before ``start`` can reach it.
            low, high = bisect.bisect_left(claimed, (start - longest,)), bisect.bisect_left(claimed, (end,))
            overlapped = [(s, e) for s, e in claimed[low:high] if e > start]
            # The longer form wins: "creative problem solver" over the alias "problem solver".
            if all(start <= s and e <= end and (s, e) != (start, end) for s, e in overlapped):
                replaced.update(overlapped)
                found.setdefault(entry, []).append(
                    Mention(
                        text=text[start:end],
                        start=start,
                        end=end,
                        line=bisect.bisect_right(tokens.line_starts, start),
                        rule="inflection",
                        form=source,
                    )  # fmt: skip
                )
            free = position + length
        if not found:
            return keywords
        table = self._table
        out = []
        for keyword in keywords:
            index = self._index(keyword)
            extra = found.pop(index, []) if index is not None else []
            kept = [m for m in keyword.mentions if (m.start, m.end) not in replaced]
            if extra or len(kept) < len(keyword.mentions):
                mentions = tuple(sorted((*kept, *extra), key=lambda m: m.start))
                if not mentions:
                    continue
                keyword = Keyword(**{**dict(keyword), "mentions": mentions})  # count recomputed
            out.append(keyword)
        for index, mentions in found.items():
            out.append(Keyword(name=table.name(index), category=table.category(index),  # type: ignore[arg-type]
                               group=table.group(index), mentions=tuple(mentions)))  # fmt: skip
        return out

    def _match_at(self, lowered: list[str], position: int) -> tuple[int, int, str] | None:
        for words, entry, source in self._phrases.get(lowered[position], ()):
            if tuple(lowered[position : position + len(words)]) == words:
                return len(words), entry, source
        return None

    def _index(self, keyword: Keyword) -> int | None:
        return self._by_name.get(keyword.name) if keyword.source == "lexicon" else None


def _derived(name: str, aliases: tuple[str, ...], ambiguous: set[str]) -> list[tuple[str, str]]:
    """``(derived form, lexicon form it comes from)`` for one soft-skill entry."""
    out: list[tuple[str, str]] = []
    words = name.lower().split()
    if len(words) == 1:
        out += [(form, name) for stem in _stems(words[0]) for form in verb_forms(stem)]
    elif words[-1].endswith("ing") and len(words[-1]) > 5:
        doer = words[-1][:-3] + "er"  # solving → solver, setting → setter
        out += [(" ".join([*words[:-1], doer]), name), (" ".join([*words[:-1], doer + "s"]), name)]
    written = {a.lower() for a in aliases if a not in ambiguous}
    for alias in sorted(written):
        first, _, rest = alias.partition(" ")
        if rest and with_ing_form(first, rest, written):
            out += [(f"{form} {rest}", alias) for form in verb_forms(first)]
    return out


def with_ing_form(first: str, rest: str, written: set[str]) -> bool:
    """Whether the lexicon also writes the phrase with ``first`` in -ing ("lead a team", "leading a
    team"): then ``first`` is a verb."""
    if first.endswith("s"):
        return False  # "leads by example" is already inflected
    stem = first[:-1] if first.endswith("e") else first
    return f"{stem}ing {rest}" in written or f"{first}ing {rest}" in written
