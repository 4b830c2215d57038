"""Read a posting: its title, which keywords it requires or prefers (choices among them grouped),
which it only names where it asks nothing of the candidate, its years and degrees, list items the
lexicon lacks, and warnings about the input.

The steps are modules of their own: ``structure.title`` (the title), ``body`` (which lines count),
``addressee`` (partner teams, the employer about itself), ``levels`` (one rule for required /
preferred), ``alternatives`` (choices), ``experience`` (years), ``posting_degrees``, ``list_items``
and ``posting_warnings``. This one runs them in order and assembles ``PostingAnalysis``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import partial

from ..extraction.names import keyword_like
from ..extraction.tokenizer import line_starts
from ..models import (
    AlternativeGroup,
    DegreeRequirement,
    Extraction,
    IgnoredKeyword,
    Keyword,
    Mention,
    PostingAnalysis,
    PostingRequirement,
    RequirementLevel,
    SectionKind,
    TitleEvidence,
)
from ..models.posting import IgnoredReason
from ..structure.furniture import line_kinds
from ..structure.title import find_title
from .addressee import not_asked
from .alternatives import Choice, choice_text, find_choices, keyword_choices
from .body import ignored_ranges, line_reasons
from .employer import employer_spans, inside_a_name
from .experience import read_experience
from .levels import clause_bounds, evidence, level_at
from .list_items import unknown_items
from .posting_degrees import read_degrees
from .posting_warnings import posting_warnings

__all__ = ["PostingKeyword", "PostingReading", "read_posting"]

_RANK = {"preferred": 0, "unspecified": 1, "required": 2}
# Title rules that read the page's first lines: what stands above such a title is the site's.
_HEADING_RULES = frozenset(
    {"labelled", "company_colon", "breadcrumb", "wanted", "role_line", "h1", "schema_org"}
)


@dataclass(frozen=True)
class PostingKeyword:
    """A keyword as the posting uses it: its mentions in the body, and how it is asked for."""

    keyword: Keyword
    mentions: tuple[Mention, ...]
    requirement: RequirementLevel
    in_title: bool
    alternatives: str | None = None  # the id of its AlternativeGroup: any one member satisfies it
    degree_level: str | None = None  # from the lexicon, for degree entries


@dataclass(frozen=True)
class PostingReading:
    """A posting's extraction, its analysis, and its keywords as requirements (ignored ones left out)."""

    extraction: Extraction
    analysis: PostingAnalysis
    keywords: tuple[PostingKeyword, ...]


def read_posting(
    extraction: Extraction,
    *,
    degree_levels: Mapping[str, str] | None = None,
    title: str | None = None,
    document: object = None,
) -> PostingReading:
    """The posting's structure and how each of its keywords is asked for.

    Args:
        extraction: the posting's keywords and sections.
        degree_levels: canonical name → degree level for the lexicon's degree entries
            (``Analyzer.degree_levels``); without it no keyword counts as a degree.
        title: the job title, when the user knows it better (``--title``).
        document: the ``Document`` read, for the schema.org title and ``<h1>`` of an HTML page.
    """
    levels = dict(degree_levels or {})
    page = _read_page(extraction, title, document)
    kept, ignored = _split_mentions(
        extraction, page.text, page.reasons, employer_spans(page.text, page.title, page.structure)
    )
    choices = keyword_choices(page.text, kept, levels)
    title_words = f" {_words(page.title[0])} " if page.title else None
    keywords = [
        PostingKeyword(
            keyword=keyword,
            mentions=mentions,
            requirement=max((page.level(m.start, m.end) for m in mentions), key=_RANK.__getitem__),
            # In the title when the title itself names it ("Senior Python Developer"), not when it
            # only shares a line with it ("As a Data Engineer, you'll run Kafka").
            in_title=title_words is not None and any(f" {_words(m.text)} " in title_words for m in mentions),
            alternatives=choices.get(keyword.name),
            degree_level=levels.get(keyword.name),
        )
        for keyword, mentions in kept
    ]
    analysis = _analysis(page, extraction, keywords, ignored, levels)
    return PostingReading(extraction=extraction, analysis=analysis, keywords=tuple(keywords))


@dataclass(frozen=True)
class _Page:
    """The posting's text as the steps need it: lines, where they start, kinds, what is body."""

    text: str
    lines: list[str]
    offsets: list[int]
    kinds: list[SectionKind]
    title: tuple[str, TitleEvidence] | None
    reasons: list[IgnoredReason | None]
    structure: object

    def level(self, start: int, end: int) -> RequirementLevel:
        # the line by bisection (counting newlines from the start for every mention was quadratic)
        return level_at(self.text, start, end, self.kinds[bisect.bisect_right(self.offsets, start) - 1])

    def in_body(self, number: int) -> bool:
        return self.reasons[number - 1] is None


def _read_page(extraction: Extraction, title: str | None, document: object) -> _Page:
    text = extraction.text
    lines = text.split("\n")
    structure = getattr(extraction, "structure", None)  # read once by the structure stage, when carried
    kinds = list(structure.line_kinds) if structure is not None else line_kinds(text, extraction.sections)
    # The page's <h1> and schema.org JobPosting: on the Document, or carried on the structure.
    found = find_title(
        text,
        given=title,
        document=document if document is not None else structure,
        in_body=getattr(structure, "in_body", None),
    )
    heads_page = found is not None and found[1].rule in _HEADING_RULES
    body_start = found[1].line if found is not None and heads_page else None
    return _Page(
        text=text, lines=lines, offsets=_line_offsets(lines), kinds=kinds, title=found,
        reasons=line_reasons(lines, kinds, body_start, structure), structure=structure,
    )  # fmt: skip


def _analysis(
    page: _Page,
    extraction: Extraction,
    keywords: list[PostingKeyword],
    ignored: list[IgnoredKeyword],
    levels: Mapping[str, str],
) -> PostingAnalysis:
    text = page.text
    # Years are tied to lexicon skills only: a tagger's span ("building high") is no subject.
    named = sorted(
        (m.start, m.end, k.keyword.name, k.degree_level is not None)
        for k in keywords
        if getattr(k.keyword, "source", "lexicon") != "tagger"
        for m in k.mentions
    )
    covered = [(m.start, m.end) for k in extraction.keywords for m in k.mentions]
    experience = read_experience(
        text,
        page.offsets,
        page.in_body,
        named,
        page.level,
        partial(clause_bounds, text),
        partial(evidence, text),
    )
    warnings = posting_warnings(
        page.lines, page.kinds, extraction.sections, kept=len(keywords), ignored=len(ignored),
        in_body=[reason is None for reason in page.reasons], structure=page.structure,
    )  # fmt: skip
    return PostingAnalysis(
        title=page.title[0] if page.title else None,
        title_line=page.title[1].line if page.title else None,
        title_evidence=page.title[1] if page.title else None,
        sections=extraction.sections,
        requirements=tuple(_requirement(k) for k in keywords),
        alternatives=tuple(_groups(text, keywords)),
        ignored_keywords=tuple(ignored),
        ignored_lines=tuple(ignored_ranges(page.lines, page.reasons)),
        experience=tuple(experience),
        degrees=tuple(_degrees(text, keywords, levels, page.in_body, page.level)),
        unknown_requirements=tuple(
            unknown_items(page.lines, page.offsets, page.in_body, covered, page.level)
        ),
        warnings=tuple(warnings),
    )


def _words(text: str) -> str:
    return " ".join(re.findall(r"[\w+#.]+", text.casefold()))


def _line_offsets(lines: list[str]) -> list[int]:
    offsets = [0]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    return offsets


def _split_mentions(
    extraction: Extraction,
    text: str,
    reasons: list[IgnoredReason | None],
    employer: list[tuple[int, int]],
) -> tuple[list[tuple[Keyword, tuple[Mention, ...]]], list[IgnoredKeyword]]:
    """Each keyword's mentions that ask something of the candidate; keywords left with none.

    ``employer``: where the employer's name stands; a keyword inside it ("Fjordline Logistics")
    asks nothing."""
    kept: list[tuple[Keyword, tuple[Mention, ...]]] = []
    ignored: list[IgnoredKeyword] = []
    for keyword in extraction.keywords:
        if keyword.source in ("tagger", "list") and not keyword_like(keyword.name):
            # A duty, a generic word or a line's tail that the tagger or list mining took for a
            # skill: shown, never asked of the candidate.
            lines = tuple(dict.fromkeys(m.line for m in keyword.mentions))
            ignored.append(IgnoredKeyword(name=keyword.name, lines=lines, reason="not_keyword_like"))
            continue
        why = [
            reasons[m.line - 1]
            or ("employer_name" if inside_a_name(employer, m.start, m.end) else None)
            or not_asked(text, m.start, m.end)
            for m in keyword.mentions
        ]
        mentions = tuple(m for m, reason in zip(keyword.mentions, why, strict=True) if reason is None)
        if mentions:
            kept.append((keyword, mentions))
        else:
            lines = tuple(dict.fromkeys(m.line for m in keyword.mentions))
            ignored.append(IgnoredKeyword(name=keyword.name, lines=lines, reason=why[0]))  # type: ignore[arg-type]
    return kept, ignored


def _groups(text: str, keywords: list[PostingKeyword]) -> list[AlternativeGroup]:
    groups: dict[str, list[PostingKeyword]] = {}
    for keyword in keywords:
        if keyword.alternatives:
            groups.setdefault(keyword.alternatives, []).append(keyword)
    result = []
    for group_id, members in sorted(groups.items(), key=lambda item: int(item[0].split("-")[1])):
        first = min((m for k in members for m in k.mentions), key=lambda m: m.start)
        left, right = clause_bounds(text, first.start, first.end)
        result.append(
            AlternativeGroup(
                id=group_id,
                keywords=tuple(k.keyword.name for k in members),
                requirement=max((k.requirement for k in members), key=_RANK.__getitem__),
                line=first.line,
                text=choice_text(text, Choice(members=(0,), start=left, end=right)),
            )
        )
    return result


def _degrees(
    text: str,
    keywords: list[PostingKeyword],
    levels: Mapping[str, str],
    in_body: Callable[[int], bool],
    level: Callable[[int, int], RequirementLevel],
) -> list[DegreeRequirement]:
    """The degree requirements, from the degree keywords' mentions and the choices among them
    (mention by mention: "BS/MS" on one line does not join a "Bachelor's degree" on another)."""
    mentions = sorted(
        (m.start, m.end, k.keyword.name) for k in keywords if k.degree_level for m in k.mentions
    )
    choices = [choice.members for choice in find_choices(text, mentions)]
    starts = line_starts(text)
    line_of = partial(bisect.bisect_right, starts)  # 1-based line (counting from the start was quadratic)
    return read_degrees(
        text, mentions, choices, levels,
        line_of=line_of, in_body=in_body, level=level, clause=partial(clause_bounds, text),
    )  # fmt: skip


def _requirement(keyword: PostingKeyword) -> PostingRequirement:
    return PostingRequirement(
        name=keyword.keyword.name,
        category=keyword.keyword.category,
        requirement=keyword.requirement,
        alternatives=keyword.alternatives,
        in_title=keyword.in_title,
        lines=tuple(dict.fromkeys(m.line for m in keyword.mentions)),
    )
