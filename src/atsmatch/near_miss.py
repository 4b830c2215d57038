"""Near-misses: resume text that nearly spells a keyword the resume lacks (``Kubernets``, ``Tensorflow2``).

An ATS matches literally, so a near-miss is a suggestion to fix the spelling, never a match. Only the
missing keywords are searched, among resume words no keyword already claims.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from .lexicon import LexiconEntry
from .matcher import line_starts
from .models import Extraction, Mention
from .tokenizer import token_texts, tokenize

__all__ = ["NearMissHit", "find_near_misses"]

_MAX_WORDS = 3


@dataclass(frozen=True)
class NearMissHit:
    """A missing keyword and the resume text that nearly spells one of its forms."""

    name: str
    form: str
    mention: Mention
    similarity: float


def find_near_misses(
    resume: Extraction,
    missing: Iterable[LexiconEntry],
    *,
    threshold: float = 85.0,
    min_length: int = 6,
) -> list[NearMissHit]:
    """The best near-miss in ``resume`` for each missing entry, if any reaches ``threshold``.

    Args:
        resume: the resume's extraction (its text and the spans already claimed by keywords).
        missing: lexicon entries of the posting keywords the resume lacks.
        threshold: least rapidfuzz ``ratio`` (0-100) that counts as a near-miss.
        min_length: forms shorter than this are skipped: one letter off in ``Java`` is another word.
    """
    from rapidfuzz import fuzz, process

    text = resume.text
    spans = tokenize(text)
    claimed = _claimed_tokens(resume, spans)
    lines = line_starts(text)
    token_lines = [bisect.bisect_right(lines, start) for start, _ in spans]
    candidates = _ngrams(text, spans, claimed, token_lines)
    hits = []
    for entry in missing:
        best: tuple[float, str, tuple[int, int]] | None = None
        for form in _searchable_forms(entry, min_length):
            size = len(token_texts(form))
            query = " ".join(token_texts(form)).lower()
            for n in range(max(1, size - 1), min(_MAX_WORDS, size + 1) + 1):
                strings, positions = candidates.get(n, ((), ()))
                found = process.extractOne(query, strings, scorer=fuzz.ratio, score_cutoff=threshold)
                if found and found[1] < 100 and (best is None or found[1] > best[0]):
                    best = (found[1], form, positions[found[2]])
        if best:
            similarity, form, (first, last) = best
            start, end = spans[first][0], spans[last][1]
            mention = Mention(
                text=text[start:end],
                start=start,
                end=end,
                line=bisect.bisect_right(lines, start),
                rule="variant",
                form=form,
            )
            hits.append(NearMissHit(entry.name, form, mention, round(similarity, 1)))
    return hits


def _searchable_forms(entry: LexiconEntry, min_length: int) -> list[str]:
    """Name and aliases long enough to compare safely; acronyms and ambiguous words are exact-only."""
    ambiguous = set(entry.ambiguous)
    return [f for f in (entry.name, *entry.aliases) if len(f) >= min_length and f not in ambiguous]


def _claimed_tokens(resume: Extraction, spans: list[tuple[int, int]]) -> set[int]:
    starts = [start for start, _ in spans]
    claimed: set[int] = set()
    for keyword in resume.keywords:
        for mention in keyword.mentions:
            first = bisect.bisect_right(starts, mention.start) - 1
            last = bisect.bisect_left(starts, mention.end)
            claimed.update(range(max(first, 0), last))
    return claimed


def _ngrams(
    text: str, spans: list[tuple[int, int]], claimed: set[int], token_lines: list[int]
) -> dict[int, tuple[list[str], list[tuple[int, int]]]]:
    """Lowercased word n-grams (1-3 words, one line, unclaimed) with their first and last token."""
    words = [text[s:e] for s, e in spans]
    usable = [w[:1].isalnum() and i not in claimed for i, w in enumerate(words)]
    grams: dict[int, tuple[list[str], list[tuple[int, int]]]] = {}
    for n in range(1, _MAX_WORDS + 1):
        strings: list[str] = []
        positions: list[tuple[int, int]] = []
        for i in range(len(words) - n + 1):
            last = i + n - 1
            if all(usable[i : last + 1]) and token_lines[i] == token_lines[last]:
                strings.append(" ".join(words[i : last + 1]).lower())
                positions.append((i, last))
        grams[n] = (strings, positions)
    return grams
