"""Which spans of each document to highlight, and how: the report's keywords as marks with a status.

A mark is presentation data only (offsets into a document's text, a status, a keyword key, a link),
so the HTML writer never has to know about the report's models.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ...models import Document, Extraction, MatchReport, Mention
from ...understanding.body import IGNORED_SECTIONS
from ..common import CATEGORY_LABEL, IGNORED_REASON_LABEL, where

__all__ = [
    "STATUS",
    "DocumentMarks",
    "IgnoredRange",
    "Mark",
    "document_marks",
    "ignored_ranges",
    "keyword_keys",
]

# status → (icon, label). The icon and label travel with the colour: colour is never the only signal.
STATUS: dict[str, tuple[str, str]] = {
    "matched": ("✓", "matched"),
    "reworded": ("✓≠", "matched, worded differently"),
    "form": ("✓~", "matched, another word form"),
    "missing": ("✗", "missing"),
    "near": ("≈", "near-miss"),
    "ignored": ("⊘", "ignored (not scored)"),
    "extra": ("", "not asked for"),
}

DocumentText = Document | Extraction | str | None


@dataclass(frozen=True)
class Mark:
    """One highlighted span: ``text[start:end]`` of one document."""

    start: int
    end: int
    status: str
    key: str  # the keyword's CSS key, shared by its marks in both documents
    title: str  # the hover text
    href: str | None = None  # where a click goes: the same keyword in the other document
    anchor: str | None = None  # this mark's id, for links from elsewhere


@dataclass(frozen=True)
class IgnoredRange:
    """Lines of the posting that were not scored, and why (1-based, inclusive)."""

    start_line: int
    end_line: int
    reason: str


@dataclass(frozen=True)
class DocumentMarks:
    posting: tuple[Mark, ...]
    resume: tuple[Mark, ...]


def text_of(document: DocumentText) -> str | None:
    if document is None or isinstance(document, str):
        return document
    return document.text


def ignored_names(report: MatchReport) -> list[str]:
    """The posting's keywords that are not scored: names today, objects with a ``name`` soon."""
    return [getattr(item, "name", item) for item in report.posting_analysis.ignored_keywords]


def keyword_keys(report: MatchReport, prefix: str = "") -> dict[str, str]:
    """A short CSS-safe key for every keyword named in the report, in a stable order."""
    names = [k.name for k in report.matched] + [k.name for k in report.missing]
    names += [n.name for n in report.near_misses] + ignored_names(report)
    return {name: f"{prefix}k{i}" for i, name in enumerate(dict.fromkeys(names))}


def _first_anchor(side: str, key: str) -> str:
    return f"{side}-{key}-0"


# A mention found through an inflection of a lexicon form ('leading' for 'leadership'); the rule is
# newer than today's models, so it is compared as a string.
WORD_FORM_RULE = "inflection"
WORD_FORM_NOTE = "; written as another word form (an ATS may want the posting's exact word)"


def _marks(
    mentions: Iterable[Mention], side: str, status: str, key: str, title: str, href: str | None
) -> list[Mark]:
    """One mark per mention; a matched mention written in another word form says so."""
    marks = []
    for i, m in enumerate(sorted(mentions, key=lambda m: m.start)):
        word_form = status in ("matched", "reworded") and m.rule == WORD_FORM_RULE
        mark_status, mark_title = ("form", title + WORD_FORM_NOTE) if word_form else (status, title)
        marks.append(Mark(m.start, m.end, mark_status, key, mark_title, href, f"{side}-{key}-{i}"))
    return marks


def document_marks(
    report: MatchReport, keys: dict[str, str], resume: DocumentText, posting: DocumentText, prefix: str = ""
) -> DocumentMarks:
    """Marks for the posting and the resume: every mention of every keyword the report names."""
    posting_marks: list[Mark] = []
    resume_marks: list[Mark] = []
    near = {n.name: n for n in report.near_misses}
    for k in report.matched:
        key, label = keys[k.name], CATEGORY_LABEL[k.category]
        status = "matched" if k.same_phrasing else "reworded"
        seen = f"in your resume as {', '.join(dict.fromkeys(m.text for m in k.resume_mentions))}"
        title = f"{k.name} ({label}): {STATUS[status][1]}; {seen}, {where(k.resume_mentions)}"
        posting_marks += _marks(k.posting_mentions, "p", status, key, title, f"#{_first_anchor('r', key)}")
        title = f"{k.name} ({label}): {STATUS[status][1]}; in the posting {where(k.posting_mentions)}"
        resume_marks += _marks(k.resume_mentions, "r", status, key, title, f"#{_first_anchor('p', key)}")
    for k in report.missing:
        key, label = keys[k.name], CATEGORY_LABEL[k.category]
        near_miss = near.get(k.name)
        if near_miss is None:
            title = f"{k.name} ({label}, {k.requirement}): missing from your resume, rank {k.rank}"
            posting_marks += _marks(k.posting_mentions, "p", "missing", key, title, f"#{prefix}miss-{key}")
            continue
        spelt = near_miss.resume_mention
        title = f"{k.name}: near-miss; your resume writes '{spelt.text}' (line {spelt.line}), not counted"
        posting_marks += _marks(k.posting_mentions, "p", "near", key, title, f"#{_first_anchor('r', key)}")
        title = (
            f"'{spelt.text}' ≈ '{near_miss.posting_phrasing}' ({near_miss.similarity:g}% alike): not counted"
        )
        resume_marks += _marks([spelt], "r", "near", key, title, f"#{_first_anchor('p', key)}")
    posting_marks += _ignored_marks(report, keys, posting, f"#{prefix}posting-read")
    resume_marks += _extra_marks(report, resume)
    return DocumentMarks(_without_overlaps(posting_marks), _without_overlaps(resume_marks))


def _ignored_marks(report: MatchReport, keys: dict[str, str], posting: DocumentText, href: str) -> list[Mark]:
    if not isinstance(posting, Extraction):
        return []
    marks = []
    for name in ignored_names(report):
        keyword = posting.keyword(name)
        if keyword is not None:
            title = f"{name}: named only in text that is not scored (company, benefits, legal, page cruft)"
            marks += _marks(keyword.mentions, "p", "ignored", keys[name], title, href)
    return marks


def _extra_marks(report: MatchReport, resume: DocumentText) -> list[Mark]:
    """Resume keywords the posting doesn't ask for: shown faintly, for context."""
    if not isinstance(resume, Extraction):
        return []
    named = {k.name for k in report.matched} | {k.name for k in report.missing}
    marks = []
    for keyword in resume.keywords:
        if keyword.name not in named:
            title = f"{keyword.name}: on your resume, not asked for by this posting"
            marks += [Mark(m.start, m.end, "extra", "", title) for m in keyword.mentions]
    return marks


def _without_overlaps(marks: list[Mark]) -> tuple[Mark, ...]:
    """Marks in text order; where two overlap, the longer (then the earlier-listed) wins."""
    ranked = sorted(range(len(marks)), key=lambda i: (-(marks[i].end - marks[i].start), i))
    kept: list[Mark] = []
    for i in ranked:
        mark = marks[i]
        if all(mark.end <= other.start or mark.start >= other.end for other in kept):
            kept.append(mark)
    return tuple(sorted(kept, key=lambda m: m.start))


def ignored_ranges(report: MatchReport, posting: DocumentText = None) -> tuple[IgnoredRange, ...]:
    """The posting's lines that were not scored, with why: the ranges the posting reader recorded,
    else those of the posting's page structure, else the sections of kinds never scored."""
    analysis = report.posting_analysis
    structure = posting.structure if isinstance(posting, Extraction) else None
    for recorded in (analysis.ignored_lines, structure.ignored if structure is not None else ()):
        if recorded:
            return tuple(
                IgnoredRange(r.start_line, r.end_line, IGNORED_REASON_LABEL[r.reason]) for r in recorded
            )
    return tuple(
        IgnoredRange(
            s.start_line,
            s.end_line,
            f"{IGNORED_REASON_LABEL[IGNORED_SECTIONS[s.kind]]} ({s.heading or s.kind})",
        )
        for s in analysis.sections
        if s.kind in IGNORED_SECTIONS
    )
