"""After the matcher: the skills the lexicon's forms alone miss, added as further keywords.

Stages, each in its own module, run in this order on the matcher's ``Extraction``:

0. prose (``prose``): lexicon mentions in an institution's name, a contact label or an audience
   are dropped ("London School of Economics" is not Economics);
1. word forms (``word_forms``): inflections and nominalisations of lexicon forms ("mentored" for
   Mentoring), added to the lexicon's keywords with the rule ``inflection``;
2. the trained tagger (``tagger``): Knowledge and Skill spans the lexicon lacks, named as written,
   ``source: "tagger"``;
3. list mining (``list_items``): items of an enumeration among known skills, ``source: "list"``.

A later stage never claims a character an earlier one did: the lexicon names what it knows.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from ..models import Extraction, Keyword, Mention
from ..structure.furniture import line_kinds
from .list_items import mine_lists
from .names import written_name
from .prose import drop_prose_mentions
from .tagger import SkillTagger, TaggedSpan
from .tokenizer import line_starts
from .tokens import Tokens
from .word_forms import WordForms

__all__ = ["add_found_skills", "tagged_keywords"]

_NEIGHBOUR_REACH = 60  # characters either side, on the same line, whose lexicon skills set a category
_MAX_TAGGED_WORDS = 6  # longer spans are sentences, not keywords an ATS could search for


def add_found_skills(
    extraction: Extraction,
    *,
    word_forms: WordForms | None = None,
    tagger: SkillTagger | None = None,
    lists: bool = True,
    tokens: Tokens | None = None,
) -> Extraction:
    """``extraction`` with the keywords the word forms, the tagger and list mining find added.

    Args:
        extraction: the lexicon matcher's result.
        word_forms: the lexicon's word-form index, or None to skip that stage.
        tagger: the trained tagger, or None to skip it.
        lists: whether to mine enumerations for unknown items.
        tokens: the text's tokens, if the matcher's are at hand (found here otherwise).
    """
    keywords = drop_prose_mentions(extraction.text, list(extraction.keywords))
    if word_forms is not None:
        keywords = word_forms.add_mentions(extraction.text, keywords, tokens=tokens)
    if tagger is not None:
        with_forms = extraction.model_copy(update={"keywords": tuple(keywords)})
        keywords += tagged_keywords(extraction.text, tagger.tag(with_forms), keywords)
    if lists:
        keywords = mine_lists(extraction.text, keywords, starts=tokens.line_starts if tokens else None)
    before = extraction.keywords
    # Each stage hands back the very objects it did not change: identity says "nothing found"
    # without comparing every mention's fields.
    if len(keywords) == len(before) and all(a is b for a, b in zip(keywords, before, strict=True)):
        return extraction
    keywords = _with_sections(_merged(keywords), extraction)
    keywords.sort(key=lambda k: k.mentions[0].start)
    return extraction.model_copy(update={"keywords": tuple(keywords)})


def tagged_keywords(text: str, spans: Iterable[TaggedSpan], known: list[Keyword]) -> list[Keyword]:
    """Keywords for tagged spans that no known keyword's mention overlaps, grouped by written name."""
    claimed = sorted((m.start, m.end, k.category) for k in known for m in k.mentions)
    lines = line_starts(text)
    found: dict[str, dict] = {}
    for span in spans:
        written = text[span.start : span.end]
        name = written_name(written)
        if not name or len(name.split()) > _MAX_TAGGED_WORDS or _overlaps(claimed, span.start, span.end):
            continue
        mention = Mention(
            text=written, start=span.start, end=span.end, line=bisect.bisect_right(lines, span.start),
            rule="tagger", form=span.tag,
        )  # fmt: skip
        group = found.setdefault(
            name.casefold(), {"name": name, "category": _category(span, claimed, text), "mentions": []}
        )
        group["mentions"].append(mention)
    return [
        Keyword(name=g["name"], category=g["category"], source="tagger", mentions=tuple(g["mentions"]))
        for g in found.values()
    ]


def _overlaps(claimed: list[tuple[int, int, str]], start: int, end: int) -> bool:
    # Mentions are short: only those starting within a line's reach of ``start`` can overlap.
    for position in range(bisect.bisect_left(claimed, (start - 200,)), len(claimed)):  # no slice: linear
        other_start, other_end, _ = claimed[position]
        if other_start >= end:
            return False
        if other_end > start:
            return True
    return False


def _category(span: TaggedSpan, claimed: list[tuple[int, int, str]], text: str) -> str:
    """From the tag (Knowledge: hard skill, Skill: soft skill), unless at least two lexicon skills
    on the same line nearby, and none of the tag's own category, say otherwise."""
    own = "hard_skill" if span.tag == "knowledge" else "soft_skill"
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    low = max(line_start, span.start - _NEIGHBOUR_REACH)
    high = span.end + _NEIGHBOUR_REACH if line_end == -1 else min(line_end, span.end + _NEIGHBOUR_REACH)
    near = []
    for position in range(bisect.bisect_left(claimed, (low,)), len(claimed)):
        start, end, category = claimed[position]
        if start >= high:
            break  # sorted by start: none after this one is near either
        if end <= high:
            near.append(category)
    others = [c for c in near if c != own and c != "certification"]
    return others[0] if len(others) >= 2 and own not in near else own


def _merged(keywords: list[Keyword]) -> list[Keyword]:
    """One keyword per name: the tagger and list mining may both name "data pipeline"; the first
    found (the lexicon's, then the tagger's) keeps its fields and takes the others' mentions."""
    by_name: dict[str, Keyword] = {}
    for keyword in keywords:
        folded = keyword.name.casefold()
        first = by_name.get(folded)
        if first is None:
            by_name[folded] = keyword
        else:
            mentions = tuple(sorted((*first.mentions, *keyword.mentions), key=lambda m: m.start))
            by_name[folded] = Keyword(**{**dict(first), "mentions": mentions})
    return list(by_name.values())


def _with_sections(keywords: list[Keyword], extraction: Extraction) -> list[Keyword]:
    """The added mentions with the section kind their line stands in, as the matcher's have."""
    if extraction.structure is not None:
        kinds = list(extraction.structure.line_kinds)
    elif extraction.sections:
        kinds = line_kinds(extraction.text, extraction.sections)
    else:
        return keywords
    out = []
    for keyword in keywords:
        if all(m.section is not None for m in keyword.mentions):
            out.append(keyword)
            continue
        mentions = tuple(
            m if m.section is not None else m.model_copy(update={"section": kinds[m.line - 1]})
            for m in keyword.mentions
        )
        out.append(keyword.model_copy(update={"mentions": mentions}))
    return out
