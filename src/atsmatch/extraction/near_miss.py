"""Near-misses: resume text that nearly spells a keyword the resume lacks (``Kubernets``, ``Tensorflow2``).

An ATS matches literally, so a near-miss is a suggestion to fix the spelling, never a match. Only the
missing keywords are searched, among resume words no keyword already claims.

Bounded on any input: each distinct n-gram is compared once (a resume repeating a word is one
candidate), the score matrix is computed in slices of at most ``_SLICE_CELLS`` cells, and a search
needing more than ``max_comparisons`` comparisons looks only at the first n-grams of the resume (a
490 KB resume of near-misses against a posting naming every skill stays within a second or two).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicon import LexiconEntry
from ..models import Extraction, Mention
from .names import FUNCTION_WORDS
from .tokenizer import line_starts, token_texts, tokenize

__all__ = ["NearMissHit", "find_near_misses"]

_MAX_WORDS = 3  # n-grams of 1 to 3 words
_SLICE_CELLS = 2_000_000  # scores computed at a time (float32: 8 MB)
_MAX_COMPARISONS = 50_000_000


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
    max_comparisons: int = _MAX_COMPARISONS,
) -> list[NearMissHit]:
    """The best near-miss in ``resume`` for each missing entry, if any reaches ``threshold``.

    Args:
        resume: the resume's extraction (its text and the spans already claimed by keywords).
        missing: lexicon entries of the posting keywords the resume lacks.
        threshold: least rapidfuzz ``ratio`` (0-100) that counts as a near-miss.
        min_length: forms shorter than this are skipped: one letter off in ``Java`` is another word.
        max_comparisons: a cap on form × n-gram comparisons; beyond it, later n-grams are not searched.
    """
    # Every (entry, form, n-gram size) to compare, then one matrix per size: rapidfuzz's cdist
    # compares all pairs in C, far faster than one extractOne call per form and size.
    queries: dict[int, list[tuple[int, str, str]]] = {}
    entries = list(missing)
    for number, entry in enumerate(entries):
        for form in _searchable_forms(entry, min_length):
            tokens = token_texts(form)
            query = " ".join(tokens).lower()
            for n in range(max(1, len(tokens) - 1), min(_MAX_WORDS, len(tokens) + 1) + 1):
                queries.setdefault(n, []).append((number, form, query))
    if not queries:
        return []

    text = resume.text
    spans = tokenize(text)
    lines = line_starts(text)
    candidates = _ngrams(text, spans, _claimed_tokens(resume, spans))
    budget = max_comparisons // max(1, sum(len(asked) for asked in queries.values()))
    best: dict[int, tuple[float, str, tuple[int, int]]] = {}
    for n, asked in queries.items():
        strings, positions = candidates.get(n, ((), ()))
        strings, positions = strings[:budget], positions[:budget]
        for row, column, similarity in _best_matches([q for _, _, q in asked], strings, threshold):
            number, form, _ = asked[row]
            if similarity > best.get(number, (0.0,))[0]:
                best[number] = (similarity, form, positions[column])
    hits = []
    for number in sorted(best):
        similarity, form, (first, last) = best[number]
        start, end = spans[first][0], spans[last][1]
        mention = Mention(
            text=text[start:end],
            start=start,
            end=end,
            line=bisect.bisect_right(lines, start),
            rule="variant",
            form=form,
        )
        hits.append(NearMissHit(entries[number].name, form, mention, round(similarity, 1)))
    return hits


def _best_matches(queries: list[str], strings: list[str], threshold: float):
    """(query row, string column, similarity) of each query's most similar string, if at least
    ``threshold`` and not exact; the matrix is computed a slice of columns at a time."""
    from rapidfuzz import fuzz, process

    if not queries or not strings:
        return []
    best: dict[int, tuple[float, int]] = {}
    width = max(1, _SLICE_CELLS // len(queries))
    for first in range(0, len(strings), width):
        scores = process.cdist(
            queries, strings[first : first + width], scorer=fuzz.ratio, score_cutoff=threshold
        )
        scores[scores >= 100] = 0  # an exact form is a match, not a near-miss
        columns = scores.argmax(axis=1)
        for row, column in enumerate(columns):
            similarity = float(scores[row, column])
            if similarity >= threshold and similarity > best.get(row, (0.0, 0))[0]:
                best[row] = (similarity, first + int(column))
    return [(row, column, similarity) for row, (similarity, column) in best.items()]


def _searchable_forms(entry: LexiconEntry, min_length: int) -> list[str]:
    """Name and aliases long enough to compare safely; acronyms and ambiguous words are exact-only."""
    ambiguous = set(entry.ambiguous)
    return [f for f in (entry.name, *entry.aliases) if len(f) >= min_length and f not in ambiguous]


def _claimed_tokens(resume: Extraction, spans: list[tuple[int, int]]) -> set[int]:
    starts = [start for start, _ in spans]
    claimed: set[int] = set()
    # Only the lexicon's claims: a tagged or listed "Kubernets" is still a misspelt Kubernetes.
    for keyword in (k for k in resume.keywords if k.source == "lexicon"):
        for mention in keyword.mentions:
            first = bisect.bisect_right(starts, mention.start) - 1
            last = bisect.bisect_left(starts, mention.end)
            claimed.update(range(max(first, 0), last))
    return claimed


def _ngrams(
    text: str, spans: list[tuple[int, int]], claimed: set[int]
) -> dict[int, tuple[list[str], list[tuple[int, int]]]]:
    """Distinct lowercased word n-grams (1 to ``_MAX_WORDS`` words, one line, unclaimed), each with
    the first and last token of its first occurrence."""
    words = [text[s:e].lower() for s, e in spans]
    usable = [w[:1].isalnum() and i not in claimed for i, w in enumerate(words)]
    grams: dict[int, tuple[list[str], list[tuple[int, int]]]] = {
        n: ([], []) for n in range(1, _MAX_WORDS + 1)
    }
    seen: set[str] = set()
    count = len(words)
    for i in range(count):
        # "to engineering" is not a misspelt "data engineers": an n-gram neither starts nor ends
        # on a function word.
        if not usable[i] or words[i] in FUNCTION_WORDS:
            continue
        gram, last = words[i], i
        # Grow the n-gram while the next word is usable and on the same line.
        for n in range(1, _MAX_WORDS + 1):
            if n > 1:
                last = i + n - 1
                if last >= count or not usable[last] or "\n" in text[spans[last - 1][1] : spans[last][0]]:
                    break
                gram = gram + " " + words[last]
            if gram in seen or words[last] in FUNCTION_WORDS:
                continue
            seen.add(gram)
            strings, positions = grams[n]
            strings.append(gram)
            positions.append((i, last))
    return grams
