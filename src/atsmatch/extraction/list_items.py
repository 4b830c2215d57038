"""List mining: an item of an enumeration that stands among known skills is a skill too.

"Python, PyTorch, music information retrieval, signal processing": two or more items the lexicon
knows make the others skills, named as written (``source: "list"``), even when neither the lexicon
nor the tagger knows them. Enumerations are items split by commas, semicolons, slashes, pipes,
bullets, brackets, "and"/"or" within a line, or short lines in a row (one item per line).

The longest item wins an overlap: "music information retrieval" stands for itself, not for the
lexicon's shorter "information retrieval" inside it (the scorer still credits a posting's
"information retrieval" found inside it). An item is not mined when it is a phrase of the posting's
own prose: too long, opening with a determiner, or only a known skill with a qualifier ("strong
communication skills").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from ..models import Keyword, Mention
from .list_lines import disjoint, lines_with_two_items, prefix_length, prose_line
from .names import written_name
from .tokenizer import line_starts

__all__ = ["mine_lists"]

_SEPARATOR = re.compile(r"\s*(?:[,;|/•·▪●()]|\band\b|\bor\b|&)\s*", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z0-9][\w.+#'-]*")
_MAX_WORDS = 4
_MAX_LINE_WORDS = 5  # a line this short may be an item of a one-per-line list
_MIN_KNOWN = 2
# Words that open or qualify a phrase of prose, not a skill's name.
_NOT_A_NAME = frozenset(
    {
        "a", "an", "the", "our", "your", "their", "my", "we", "you", "they", "it", "this", "that",
        "these", "those", "etc", "more", "other", "others", "similar", "related", "any", "all",
        "some", "many", "much", "such", "also", "plus", "including", "like", "e.g", "i.e", "is",
        "are", "be", "will", "with", "in", "of", "to", "for", "on", "at", "by", "from", "as",
        "strong", "excellent", "good", "great", "solid", "advanced", "basic", "deep", "proven",
        "working", "experience", "experienced", "knowledge", "familiarity", "proficiency",
        "proficient", "understanding", "expert", "expertise", "skills", "skill", "years", "year",
        "ability", "abilities", "tools", "tool", "technologies", "frameworks", "languages",
        # generic heads: "MLOps tooling" is MLOps
        "tooling", "stack", "environment", "environments", "work", "projects", "team", "teams",
        # job titles: "Angular developer" is Angular
        "developer", "developers", "engineer", "engineers", "designer", "designers", "architect",
        "specialist", "manager", "analyst", "consultant", "lead", "programmer", "administrator",
    }
)  # fmt: skip
# Words of an organisation's name: "London School of Economics" is a place, not a skill.
_ORGANISATION = frozenset(
    {"university", "school", "college", "institute", "academy", "inc", "ltd", "llc", "gmbh", "corp", "group"}
)
# Words that make an item a clause ("Android app with RxJava"), not a name.
_PROSE_INSIDE = frozenset(
    {
        "with",
        "for",
        "in",
        "on",
        "at",
        "by",
        "from",
        "to",
        "using",
        "via",
        "is",
        "are",
        "was",
        "we",
        "you",
        "our",
    }
)
_Item = tuple[int, int]  # character range


def mine_lists(text: str, keywords: list[Keyword], *, starts: list[int] | None = None) -> list[Keyword]:
    """``keywords`` with the unknown items of enumerations among known skills added.

    Args:
        text: the document's text.
        keywords: the keywords found so far; lexicon mentions inside a longer mined item are
            dropped from them (the longest entry wins).
        starts: ``line_starts(text)``, if known.
    """
    lexicon = sorted(
        (m.start, m.end, k.category) for k in keywords if k.source == "lexicon" for m in k.mentions
    )
    claimed = sorted((m.start, m.end) for k in keywords for m in k.mentions)
    mined: dict[str, tuple[str, str, list[Mention]]] = {}
    replaced: set[tuple[int, int]] = set()
    lines = line_starts(text) if starts is None else starts
    for items in _enumerations(text, claimed, lexicon, lines):
        known = [c for item in items if (c := _known_category(item, lexicon))]
        if len(known) < _MIN_KNOWN:
            continue
        category = Counter(known).most_common(1)[0][0]
        for start, end in items:
            if _known_category((start, end), lexicon) or not _is_name(text[start:end]):
                continue
            within = _within(lexicon, start, end)
            inside_categories = [c for _, _, c in within]
            inside = [(s, e) for s, e, _ in within]
            # A degree and its subject ("B.Sc. Computer Science") are not a longer name.
            if "certification" in inside_categories:
                continue
            if _covered_by_other(claimed, start, end, inside):
                continue
            replaced.update(inside)
            written = text[start:end]
            name = written_name(written)
            mention = Mention(text=written, start=start, end=end, line=bisect.bisect_right(lines, start),
                              rule="list", form=written)  # fmt: skip
            mined.setdefault(name.casefold(), (name, category, []))[2].append(mention)
    if not mined:
        return keywords
    out = []
    for keyword in keywords:
        kept = tuple(m for m in keyword.mentions if (m.start, m.end) not in replaced)
        if len(kept) == len(keyword.mentions):
            out.append(keyword)
        elif kept:
            out.append(Keyword(**{**dict(keyword), "mentions": kept}))
    out += [
        Keyword(name=name, category=category, source="list", mentions=tuple(mentions))  # type: ignore[arg-type]
        for name, category, mentions in mined.values()
    ]
    return out


def _enumerations(
    text: str, claimed: list[tuple[int, int]], lexicon: list[tuple[int, int, str]], starts: list[int]
) -> list[list[_Item]]:
    """Item ranges of each enumeration: one per line with separators, one per run of short lines.

    A line is split only if it may matter: a line of prose (more than five words with a letter or
    digit) is no short item, and unless two lexicon mentions on it may each be a whole item, it
    holds no enumeration with two known items (an item known by one mention cannot share it with
    another: mentions do not overlap; where they do, every line is split).
    """
    lines = text.split("\n")
    busy = lines_with_two_items(text, lines, lexicon, starts) if disjoint(claimed) else None
    enumerations: list[list[_Item]] = []
    run: list[_Item] = []
    offset = 0
    for number, line in enumerate(lines):
        start = offset
        offset += len(line) + 1
        prefix = prefix_length(line)
        if busy is not None and number not in busy and prose_line(line, prefix):
            if len(run) >= 2:
                enumerations.append(run)
            run = []
            continue
        body = start + prefix
        items = _split(text, body, start + len(line), claimed)
        if len(items) >= 2:
            enumerations.append(items)
        if len(items) == 1 and len(text[items[0][0] : items[0][1]].split()) <= _MAX_LINE_WORDS:
            run.append(items[0])
            continue
        if len(run) >= 2:
            enumerations.append(run)
        run = []
    if len(run) >= 2:
        enumerations.append(run)
    return enumerations


def _split(text: str, start: int, end: int, claimed: list[tuple[int, int]]) -> list[_Item]:
    """The items between ``start`` and ``end``, split at separators outside known mentions."""
    items = []
    position = start
    for separator in _SEPARATOR.finditer(text, start, end):
        if _inside(claimed, separator.start(), separator.end()):
            continue  # "CI/CD", "R&D": a separator inside a known name
        items.append(_trimmed(text, position, separator.start()))
        position = separator.end()
    items.append(_trimmed(text, position, end))
    return [item for item in items if item[1] > item[0]]


def _trimmed(text: str, start: int, end: int) -> _Item:
    while start < end and not (text[start].isalnum() or text[start] == "."):
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in "+#"):
        end -= 1
    return start, end


def _is_name(written: str) -> bool:
    words = [w.lower() for w in _WORD.findall(written)]
    return (
        0 < len(words) <= _MAX_WORDS
        and len(written) <= 40
        and words[0] not in _NOT_A_NAME
        and not all(w in _NOT_A_NAME or w.isdigit() for w in words)
        and not any(w in _NOT_A_NAME for w in words[-1:])
        and not any(w in _ORGANISATION or w in _PROSE_INSIDE for w in words)
    )


def _known_category(item: _Item, lexicon: list[tuple[int, int, str]]) -> str | None:
    """The category of the lexicon mention that covers the whole item, if one does."""
    position = bisect.bisect_right(lexicon, (item[0], float("inf"), "")) - 1
    while position >= 0 and lexicon[position][0] >= item[0] - 60:
        start, end, category = lexicon[position]
        if start <= item[0] and end >= item[1]:
            return category
        position -= 1
    return None


def _inside(claimed: list[tuple[int, int]], start: int, end: int) -> bool:
    position = bisect.bisect_right(claimed, (start, float("inf"))) - 1
    return position >= 0 and claimed[position][0] < start and claimed[position][1] >= end


def _covered_by_other(claimed: list[tuple[int, int]], start: int, end: int, inside: list) -> bool:
    """Whether a mention other than those wholly inside the item overlaps it (a tagger span)."""
    for position in range(bisect.bisect_left(claimed, (start - 60,)), len(claimed)):  # no slice: linear
        s, e = claimed[position]
        if s >= end:
            return False
        if e > start and (s, e) not in inside:
            return True
    return False


def _within(lexicon: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    """The lexicon mentions wholly inside ``start``-``end``, in order (found by bisection)."""
    found = []
    for position in range(bisect.bisect_left(lexicon, (start,)), len(lexicon)):
        mention = lexicon[position]
        if mention[0] > end:
            break
        if mention[1] <= end:
            found.append(mention)
    return found
