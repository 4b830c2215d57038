"""``FormIndex``: the lexicon's forms as a trie of lowercased tokens, and the candidate search over
a document's tokens: every form at every position, then one overlap rule (longest wins).

Plain dicts and tuples: one set test per token, then one dict step per further token while some form
continues. Cost is linear in the number of tokens (times the longest form, 12 tokens).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ..lexicon.table import FormTable
from .tokenizer import TOKEN_PATTERN

__all__ = ["Candidate", "FormIndex", "find_candidates", "resolve_overlaps"]


class Candidate(NamedTuple):
    """A form found at tokens ``start:end`` (end exclusive)."""

    start: int
    end: int
    form: int  # index into FormTable.forms


_FORMS = ""  # a trie node's key for the forms that end there: no token is empty


class FormIndex:
    """The forms as a trie of lowercased tokens: ``root[word][next word]...[""]`` holds the forms
    spelled by that token sequence, each ``(form index, exact tokens or None)``: case-sensitive forms
    must also match token for token. Within a node, case-insensitive forms come first, then form order.
    """

    def __init__(self, table: FormTable) -> None:
        forms = table.forms
        root: dict[str, Any] = {}
        longest = 1
        findall = TOKEN_PATTERN.findall
        # Case-insensitive forms first, then case-sensitive ones, each in form order: the order
        # the overlap rule breaks ties in.
        for case_sensitive in (False, True):
            for index, form in enumerate(forms):
                if form[4] is not case_sensitive:
                    continue
                text = form[1]
                # Lowercase then split: the same tokens for ASCII, at one call instead of one a token.
                words = findall(text.lower()) if text.isascii() else [t.lower() for t in findall(text)]
                if not words:
                    continue
                node = root
                for word in words:
                    child = node.get(word)
                    if child is None:
                        child = node[word] = {}
                    node = child
                exact = tuple(findall(text)) if case_sensitive else None
                found = node.get(_FORMS)
                if found is None:
                    node[_FORMS] = [(index, exact)]
                else:
                    found.append((index, exact))
                if len(words) > longest:
                    longest = len(words)
        self.root = root  # never changed after this: safe to share between threads
        self.ambiguous = tuple(bool(form[3]) for form in forms)
        self.list_only = tuple(bool(form[5]) for form in forms)
        self.entry = tuple(form[0] for form in forms)
        hard_skills = {i for i, entry in enumerate(table.entries) if entry[1] == "hard_skill"}
        self.tool = tuple(form[0] in hard_skills for form in forms)
        self.max_length = longest


def find_candidates(
    index: FormIndex, text: str, spans: list[tuple[int, int]], lowered: list[str]
) -> list[Candidate]:
    """Every form at every token position, in order of position; none spans a line break."""
    root = index.root
    count = len(lowered)
    found: list[Candidate] = []
    for position in [i for i, word in enumerate(lowered) if word in root]:
        node = root[lowered[position]]
        last = position
        while True:
            forms = node.get(_FORMS)
            if forms is not None:
                for form, exact_tokens in forms:
                    if exact_tokens is None or _spelled(text, spans, position, exact_tokens):
                        found.append(Candidate(position, last + 1, form))
            last += 1
            if last >= count:
                break
            node = node.get(lowered[last])
            if node is None or text.find("\n", spans[last - 1][1], spans[last][0]) != -1:
                break
    return found


def _spelled(text: str, spans: list[tuple[int, int]], position: int, tokens: tuple[str, ...]) -> bool:
    """Whether the tokens from ``position`` on are exactly ``tokens`` (a case-sensitive form)."""
    for offset, token in enumerate(tokens):
        start, end = spans[position + offset]
        if text[start:end] != token:
            return False
    return True


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
