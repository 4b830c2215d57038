"""``FormIndex``: the lexicon's forms as a dict of token tuples, and the candidate search over a
document's tokens: every form at every position, then one overlap rule (longest wins).

Plain dicts and tuples: a lookup per token whose lowercased text starts some form, then one per form
length. Cost is linear in the number of tokens (times the few lengths a first word has).
"""

from __future__ import annotations

from typing import NamedTuple

from ..lexicon.table import FormTable
from .tokenizer import token_texts

__all__ = ["Candidate", "FormIndex", "find_candidates", "resolve_overlaps"]


class Candidate(NamedTuple):
    """A form found at tokens ``start:end`` (end exclusive)."""

    start: int
    end: int
    form: int  # index into FormTable.forms


class FormIndex:
    """Forms by lowercased first word, then by length, then by their lowercased token tuple.

    ``by_first[word]`` is ``((length, {tokens: forms}), ...)``, longest first, where each form is
    ``(form index, exact tokens or None)``: case-sensitive forms must also match token for token.
    """

    def __init__(self, table: FormTable) -> None:
        grouped: dict[str, dict[int, dict[tuple[str, ...], list[tuple[int, tuple[str, ...] | None]]]]] = {}
        forms = table.forms
        for first, indices in table.by_first_word.items():
            lengths = grouped.setdefault(first, {})
            for index in sorted(indices):  # form order: on a tie the form listed first wins
                tokens = tuple(token_texts(forms[index][1]))
                exact = tokens if forms[index][4] else None
                lowered = tuple(t.lower() for t in tokens)
                lengths.setdefault(len(tokens), {}).setdefault(lowered, []).append((index, exact))
        self.by_first = {
            first: tuple(
                (length, {tokens: tuple(found) for tokens, found in by_tokens.items()})
                for length, by_tokens in sorted(lengths.items(), reverse=True)
            )
            for first, lengths in grouped.items()
        }
        self.ambiguous = tuple(bool(form[3]) for form in forms)
        self.case_sensitive = tuple(bool(form[4]) for form in forms)
        self.list_only = tuple(bool(form[5]) for form in forms)
        self.entry = tuple(form[0] for form in forms)
        self.max_length = max((length for lengths in grouped.values() for length in lengths), default=1)


def find_candidates(
    index: FormIndex, text: str, spans: list[tuple[int, int]], lowered: list[str]
) -> list[Candidate]:
    """Every form at every token position, in order of position; none spans a line break.

    Per position, case-insensitive forms come before case-sensitive ones, each in form order, so the
    overlap rule's tie-break matches the order the forms are listed in.
    """
    by_first = index.by_first
    found: list[Candidate] = []
    count = len(lowered)
    for position, word in enumerate(lowered):
        lengths = by_first.get(word)
        if lengths is None:
            continue
        folded: list[Candidate] = []
        exact: list[Candidate] = []
        for length, by_tokens in lengths:
            end = position + length
            if end > count:
                continue
            forms = by_tokens.get((word,) if length == 1 else tuple(lowered[position:end]))
            if forms is None:
                continue
            if length > 1 and "\n" in text[spans[position][0] : spans[end - 1][1]]:
                continue
            for form, exact_tokens in forms:
                if exact_tokens is None:
                    folded.append(Candidate(position, end, form))
                elif all(
                    text[spans[i][0] : spans[i][1]] == token
                    for i, token in zip(range(position, end), exact_tokens, strict=True)
                ):
                    exact.append(Candidate(position, end, form))
        found.extend(folded)
        found.extend(exact)
    return found


def resolve_overlaps(candidates: list[Candidate], ambiguous: tuple[bool, ...]) -> list[Candidate]:
    """Longest match wins; on a tie an unambiguous form, then the earlier one (as spaCy's filter_spans).

    Returns the kept candidates in order of position. Most documents have no overlap at all: that
    is checked first, in one pass.
    """
    reach = -1
    for candidate in candidates:
        if candidate.start < reach:
            break
        reach = candidate.end
    else:
        return candidates
    # Stable sort: candidates come in position order, so equal keys keep the finder's tie order.
    ordered = sorted(candidates, key=lambda c: (c.start - c.end, ambiguous[c.form], c.start))
    taken: set[int] = set()
    kept: list[Candidate] = []
    for candidate in ordered:
        positions = range(candidate.start, candidate.end)
        if taken.isdisjoint(positions):
            kept.append(candidate)
            taken.update(positions)
    kept.sort()
    return kept
