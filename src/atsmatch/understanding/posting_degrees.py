"""The degrees a posting asks for: level, fields, 'or related', 'or equivalent experience', and the
higher degrees it accepts instead ("BS/MS degree": a bachelor's, or a master's)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from ..models import DegreeRequirement, RequirementLevel
from .degrees import degree_fields, lowest

__all__ = ["DegreeMention", "read_degrees"]

_EQUIVALENT = re.compile(
    r"or equivalent|equivalent (?:practical |work |professional |industry )?experience|"
    r"or (?:relevant |comparable )?(?:work |professional |practical )?experience",
    re.I,
)
# "a degree in …" with no degree named: a bachelor's is what such postings mean.
_GENERIC_DEGREE = re.compile(
    r"\b(?:(?:a|an|university|college|undergraduate|relevant|technical|bachelor'?s?[- ]level)\s+)?"
    r"degree(?=\s+(?:in|of)\b)|\b(?:university|college|undergraduate|relevant|technical)\s+degree\b",
    re.I,
)

# A degree keyword's mention: (start, end, canonical name).
DegreeMention = tuple[int, int, str]


def read_degrees(
    text: str,
    mentions: Sequence[DegreeMention],
    choices: Sequence[Sequence[int]],
    levels: Mapping[str, str],
    *,
    line_of: Callable[[int], int],
    in_body: Callable[[int], bool],
    level: Callable[[int, int], RequirementLevel],
    clause: Callable[[int, int], tuple[int, int]],
) -> list[DegreeRequirement]:
    """One requirement per degree named (a choice among degrees is one, at its lowest level), and
    one per "degree in …" that names no degree keyword.

    Args:
        mentions: the body's degree mentions, sorted by start.
        choices: groups of indices into ``mentions`` that offer a choice ("BS/MS").
        levels: canonical name → degree level, from the lexicon.
    """
    grouped = _degree_choices(text, mentions, choices)
    found: list[DegreeRequirement] = []
    done: set[int] = set()
    seen: set[tuple[str, tuple[str, ...], RequirementLevel]] = set()
    for index, (start, _, _) in enumerate(mentions):
        if index in done:
            continue
        members = grouped.get(index, (index,))
        done.update(members)
        names = [mentions[i][2] for i in members]
        chosen = lowest(levels, names)
        last_end = max(mentions[i][1] for i in members)
        following = [s for s, _, _ in mentions if s >= last_end]
        stop = following[0] if following else len(text)
        requirement = _requirement(
            text, start, last_end, chosen, levels[chosen], level, clause, line_of, stop=stop
        )
        key = (requirement.name, requirement.fields, requirement.requirement)
        if key in seen:
            continue
        seen.add(key)
        found.append(requirement.model_copy(update={
            "alternatives": tuple(dict.fromkeys(n for n in names if n != chosen)),
        }))  # fmt: skip
    covered = [clause(s, e) for s, e, _ in mentions]
    for match in _GENERIC_DEGREE.finditer(text):
        if not in_body(line_of(match.start())):
            continue
        left, right = clause(match.start(), match.end())
        if any(left <= s < right or s <= left < e for s, e in covered):
            continue
        requirement = _requirement(
            text, match.start(), match.end(), "Degree", "bachelor", level, clause, line_of
        )
        if requirement.fields or requirement.or_related:
            found.append(requirement)
    return sorted(found, key=lambda d: d.line)


def _requirement(
    text: str,
    start: int,
    end: int,
    name: str,
    degree_level: str,
    level: Callable[[int, int], RequirementLevel],
    clause: Callable[[int, int], tuple[int, int]],
    line_of: Callable[[int], int],
    *,
    stop: int | None = None,
) -> DegreeRequirement:
    _, right = clause(start, end)
    line_end = text.find("\n", end)
    after = text[end : min(max(right, line_end if line_end != -1 else len(text)), stop or len(text))]
    fields, first_end, lenient = degree_fields(after)
    written_end = end + first_end if fields else end
    line_start = text.rfind("\n", 0, start) + 1
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return DegreeRequirement(
        name=name,
        as_written=" ".join(text[start:written_end].split()),
        level=degree_level,
        field=fields[0] if fields else None,
        fields=fields,
        or_related=lenient,
        or_equivalent=bool(_EQUIVALENT.search(line)),
        requirement=level(start, end),
        line=line_of(start),
    )


# Between two degrees of one choice: "HND or HNC in Mechanical Engineering, or NVQ Level 3".
_OR_BETWEEN = re.compile(r"\bor\b|/")
_NO_SENTENCE_END = re.compile(r"^[^.;\n]{0,80}$")


def _degree_choices(
    text: str, mentions: Sequence[DegreeMention], choices: Sequence[Sequence[int]]
) -> dict[int, tuple[int, ...]]:
    """Mention index → the indices of its choice: the choices given, merged with degrees that follow
    each other in one sentence joined by "or" or "/"."""
    parent = list(range(len(mentions)))

    def root(index: int) -> int:
        while parent[index] != index:
            index = parent[index]
        return index

    for choice in choices:
        for index in choice[1:]:
            parent[root(index)] = root(choice[0])
    for index in range(len(mentions) - 1):
        between = text[mentions[index][1] : mentions[index + 1][0]]
        if _NO_SENTENCE_END.match(between) and _OR_BETWEEN.search(between):
            parent[root(index + 1)] = root(index)
    members: dict[int, list[int]] = {}
    for index in range(len(mentions)):
        members.setdefault(root(index), []).append(index)
    return {index: tuple(group) for group in members.values() for index in group}
