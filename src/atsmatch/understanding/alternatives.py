"""Alternatives: "one of: Python, Perl, PHP", "PyTorch or TensorFlow", "such as React, Vue, or
Angular", "e.g. AWS, GCP", "Java/Kotlin" offer a choice; any one member satisfies the requirement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..models import Keyword, Mention
from .levels import sentence_around

__all__ = ["Choice", "choice_text", "find_choices", "keyword_choices"]

# Everything after these, to the end of the sentence, is one choice: "one of: A, B, C".
_CHOICE_CUE = re.compile(
    r"\b(?:one of|any of|one or more of|either|at least one(?: [\w-]+){0,3}(?= ?\(| of))(?=[\s:(,]|$)",
    re.I,
)
# Examples are a choice unless joined by "and": "such as React, Vue, or Angular" offers one, "such
# as HTML, CSS, and JavaScript" names three that are all wanted.
_EXAMPLE_CUE = re.compile(r"\b(?:such as|e\.g\.?|eg\.|for example|for instance|like)(?=[\s:(,]|$)", re.I)
_AND = re.compile(r"\b(?:and|as well as)\b|&", re.I)
# Between two members of a choice: ", ", " or ", ", or ", "/".
_OR_GAP = re.compile(r"^\s*(?:,?\s*or\s+|/\s*|\s+or\s*/\s*)$", re.I)
_COMMA_GAP = re.compile(r"^\s*,\s*$")
# A choice offered by a cue runs to the end of its sentence: "such as Python, Ruby, PHP, and .Net".
_CHOICE_END = re.compile(r"\s[-–—]\s|;|\bas well as\b|,\s*(?:but|while)\s", re.I)
_MAX_TEXT = 160


@dataclass(frozen=True)
class Choice:
    """Mentions (by index in the list given) that offer a choice, and the clause that offers it."""

    members: tuple[int, ...]
    start: int
    end: int


def find_choices(
    text: str, spans: Sequence[tuple[int, int, str]], kind_of: Callable[[str], object] = lambda name: None
) -> list[Choice]:
    """Choices among mentions ``(start, end, keyword name)``, sorted by start, in ``text``.

    A cue ("one of", "such as", "e.g.") makes every mention after it in its clause one choice, as does
    "at least one framework (JSF, Wicket, GWT)" for its parenthesis, except examples joined by "and"
    ("such as HTML, CSS, and JavaScript": all three are wanted); otherwise a run of mentions
    joined by commas, "or" and "/" with at least one "or" or "/" (and no "and") is one, if its
    members are of one kind (``kind_of``: a degree never chains with a field of study).
    """
    choices: list[Choice] = []
    taken: set[int] = set()
    by_sentence: dict[tuple[int, int], list[int]] = {}
    for index, (start, end, _) in enumerate(spans):
        by_sentence.setdefault(sentence_around(text, start, end), []).append(index)
    for (left, right), members in by_sentence.items():
        cue_end, examples = _cue_end(text, left, right)
        if cue_end is not None:
            after = [i for i in members if spans[i][0] >= cue_end]
            clause_end = _CHOICE_END.search(text, cue_end, right)
            stop = clause_end.start() if clause_end else right
            after = [i for i in after if spans[i][1] <= stop]
            joined_by_and = len(after) >= 2 and bool(
                _AND.search(text, spans[after[0]][1], spans[after[-1]][0])
            )
            if len({spans[i][2] for i in after}) >= 2 and not (examples and joined_by_and):
                choices.append(Choice(tuple(after), left, right))
                taken.update(after)
        rest = [i for i in members if i not in taken]
        choices.extend(_or_runs(text, spans, rest, left, right, kind_of))
    return sorted(choices, key=lambda c: c.members[0])


def _cue_end(text: str, left: int, right: int) -> tuple[int | None, bool]:
    """Where a choice cue ends in the sentence (or in the words just before its parenthesis), and
    whether it introduces examples ("such as") rather than a choice ("one of")."""
    for cue_pattern, examples in ((_CHOICE_CUE, False), (_EXAMPLE_CUE, True)):
        cue = cue_pattern.search(text, left, right)
        if cue:
            return cue.end(), examples
        if left > 0 and text[left - 1] == "(":
            before = cue_pattern.search(text, max(0, left - 60), left)
            if before and "\n" not in text[before.end() : left]:
                return left, examples
    return None, False


def _or_runs(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    members: list[int],
    left: int,
    right: int,
    kind_of: Callable[[str], object],
) -> list[Choice]:
    runs: list[list[int]] = []
    has_or: list[bool] = []
    for index in members:
        if runs and kind_of(spans[runs[-1][-1]][2]) == kind_of(spans[index][2]):
            gap = text[spans[runs[-1][-1]][1] : spans[index][0]]
            if _OR_GAP.match(gap):
                runs[-1].append(index)
                has_or[-1] = True
                continue
            if _COMMA_GAP.match(gap):
                runs[-1].append(index)
                continue
        runs.append([index])
        has_or.append(False)
    return [
        Choice(tuple(run), left, right)
        for run, offered in zip(runs, has_or, strict=True)
        if offered and len({spans[i][2] for i in run}) >= 2
    ]


def choice_text(text: str, choice: Choice) -> str:
    """The clause offering the choice, trimmed to a short evidence span."""
    sentence = " ".join(text[choice.start : choice.end].split())
    return sentence if len(sentence) <= _MAX_TEXT else sentence[: _MAX_TEXT - 1] + "…"


def keyword_choices(
    text: str, kept: list[tuple[Keyword, tuple[Mention, ...]]], levels: Mapping[str, str]
) -> dict[str, str]:
    """Keyword name → choice id, for keywords named only inside choices ("one of: A, B").

    Choices that share a keyword merge ("like React, Vue or Angular.js" and later "such as React,
    Vue, or Angular" are one choice); a keyword also named outside any choice is asked for itself.
    """
    spans = sorted((m.start, m.end, k.name) for k, mentions in kept for m in mentions)
    in_choice: set[tuple[int, int]] = set()
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.setdefault(name, name) != name:
            name = parent[name]
        return name

    for choice in find_choices(text, spans, kind_of=lambda name: name in levels):
        names = [spans[index][2] for index in choice.members]
        in_choice.update(spans[index][:2] for index in choice.members)
        for name in names[1:]:
            parent[root(name)] = root(names[0])
    only_in_choices = {
        keyword.name: min(m.start for m in mentions)
        for keyword, mentions in kept
        if all((m.start, m.end) in in_choice for m in mentions)
    }
    # A degree named only as a choice ("BS/MS") joins the degree it is offered beside even when that
    # one is also asked for alone: a higher degree meets a lower requirement anyway.
    degrees_offered = {root(name) for name in only_in_choices if name in levels}
    for keyword, mentions in kept:
        if keyword.name in levels and keyword.name in parent and root(keyword.name) in degrees_offered:
            only_in_choices.setdefault(keyword.name, min(m.start for m in mentions))
    members: dict[str, list[tuple[int, str]]] = {}
    for name, first in only_in_choices.items():
        members.setdefault(root(name), []).append((first, name))
    groups = sorted((sorted(names) for names in members.values() if len(names) >= 2), key=lambda g: g[0])
    # Ids in reading order: alt-1, alt-2…
    return {name: f"alt-{number}" for number, group in enumerate(groups, start=1) for _, name in group}
