"""Read a posting's structure: which keywords it requires or prefers, which it only mentions in page
cruft, its title, years-of-experience and degree requirements, and skills-list items the lexicon lacks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import (
    DegreeRequirement,
    ExperienceRequirement,
    Extraction,
    Keyword,
    Mention,
    PostingAnalysis,
    RequirementLevel,
    SectionKind,
    UnknownRequirement,
)
from ..structure.furniture import is_cruft_line, line_kinds
from ..structure.headings import heading_kind
from ..structure.title import find_title_line, title_text
from .degrees import LENIENT_FIELD, degree_field, degree_level

__all__ = ["PostingKeyword", "PostingReading", "read_posting"]

# Sections whose keywords are not requirements: the employer talking about itself, perks, legal
# text, and job-board furniture.
IGNORED_SECTIONS: frozenset[SectionKind] = frozenset({"company", "benefits", "legal", "cruft"})
_REQUIRED_SECTIONS: frozenset[SectionKind] = frozenset(
    {"required", "skills", "experience", "education", "certifications"}
)
_PREFERRED_MARKER = re.compile(
    r"\b(?:preferred|nice[- ]to[- ]have|(?:is |are |would be )?a (?:big |huge )?plus|bonus|ideally|"
    r"desirable|desired|advantageous|an advantage|good to have|not required|optional)\b",
    re.I,
)
_REQUIRED_MARKER = re.compile(
    r"\b(?:required|requirement|must|minimum|at least|essential|mandatory|you have|you will have|"
    r"need to have|necessary|proven)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"\s-\s|,\s*(?:and|but|while)\s")
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "fifteen": 15}  # fmt: skip
_NUMBER = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
_YEARS = re.compile(
    rf"\b(?P<min>{_NUMBER})\s*(?:\+|plus)?\s*(?:(?:-|to|–)\s*(?P<max>{_NUMBER})\s*\+?\s*)?"
    r"(?:years?|yrs?)\b(?:'|’)?(?P<rest>[^.;\n]*)",
    re.I,
)
_SUBJECT = re.compile(
    r"^\s*(?:of\s+)?(?:(?:professional|relevant|hands-on|industry|practical|commercial|working|work|"
    r"proven|progressive|related)\s+)*(?:experience\s+)?(?:(?:with|in|using|of|building|as|on|doing)\s+)?"
    r"(?:an?\s+|the\s+)?(?P<subject>[A-Za-z][\w+#./ -]{1,50}?)"
    r"\s*(?=$|[,;:()]|\b(?:and|or|experience|using|with|in|for|at|is|are)\b)",
    re.I,
)
_EQUIVALENT = re.compile(r"or equivalent|equivalent (?:practical |work |professional )?experience", re.I)
_LIST_SEPARATOR = re.compile(r"\s*(?:[,;/]|\band\b|\bor\b)\s*")
_LIST_HEADING = re.compile(
    r"skills|stack|tools|technologies|requirements|must[- ]haves?|nice[- ]to[- ]haves?", re.I
)
_NOT_AN_ITEM = re.compile(r"\d|\byears?\b|\bexperience\b|\betc\b|^(?:a|an|the|and|or|with|other|any)\b", re.I)
_RANK = {"preferred": 0, "unspecified": 1, "required": 2}


@dataclass(frozen=True)
class PostingKeyword:
    """A keyword as the posting uses it: its mentions in the posting's body, and how it is asked for."""

    keyword: Keyword
    mentions: tuple[Mention, ...]
    requirement: RequirementLevel
    in_title: bool


@dataclass(frozen=True)
class PostingReading:
    """A posting's extraction, its structure, and its keywords as requirements (ignored ones left out)."""

    extraction: Extraction
    analysis: PostingAnalysis
    keywords: tuple[PostingKeyword, ...]


def read_posting(extraction: Extraction) -> PostingReading:
    """The posting's structure and how each of its keywords is asked for.

    Mentions in ignored sections (company blurb, benefits, legal text, page cruft), in cruft lines,
    and before the job title are left out; a keyword left with no mention is not a requirement.
    """
    text = extraction.text
    lines = text.split("\n")
    # The structure read once at extraction; older extractions (from JSON) have none.
    kinds = (
        list(extraction.structure.line_kinds)
        if extraction.structure
        else line_kinds(text, extraction.sections)
    )
    title_line = find_title_line(text)
    if title_line is not None and extraction.structure and not extraction.structure.in_body(title_line):
        title_line = None  # a title outside the posting's body is a similar job's, not this one's
    body = [_in_body(number, kinds, lines, title_line) for number in range(1, len(lines) + 1)]
    keywords: list[PostingKeyword] = []
    ignored: list[str] = []
    for keyword in extraction.keywords:
        mentions = tuple(m for m in keyword.mentions if body[m.line - 1])
        if not mentions:
            ignored.append(keyword.name)
            continue
        levels = [_mention_requirement(m, kinds[m.line - 1], text) for m in mentions]
        keywords.append(
            PostingKeyword(
                keyword=keyword,
                mentions=mentions,
                requirement=max(levels, key=_RANK.__getitem__),
                in_title=title_line is not None and any(m.line == title_line for m in mentions),
            )
        )
    analysis = PostingAnalysis(
        title=title_text(lines[title_line - 1]) if title_line else None,
        title_line=title_line,
        sections=extraction.sections,
        ignored_keywords=tuple(ignored),
        experience=tuple(_experience(lines, kinds, body, keywords)),
        degrees=tuple(_degrees(keywords, lines, text)),
        unknown_requirements=tuple(_unknown_items(lines, kinds, body, extraction, text)),
    )
    return PostingReading(extraction=extraction, analysis=analysis, keywords=tuple(keywords))


def _in_body(number: int, kinds: list[SectionKind], lines: list[str], title_line: int | None) -> bool:
    if title_line is not None and number < title_line:
        return False
    return kinds[number - 1] not in IGNORED_SECTIONS and not is_cruft_line(lines[number - 1])


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence around ``text[start:end]`` and the span's offset in it.

    A sentence ends at . ; ! ? ( ) or at a line break, unless the next line goes on in lowercase
    (a sentence wrapped by the page, not a new list item).
    """
    left = start
    while left > 0:
        char = text[left - 1]
        if char in ".;!?()" or (char == "\n" and not text[left : left + 1].islower()):
            break
        left -= 1
    right = end
    while right < len(text):
        char = text[right]
        if char in ".;!?()" or (char == "\n" and not text[right + 1 : right + 2].islower()):
            break
        right += 1
    return text[left:right], start - left


def _clause(sentence: str, position: int) -> str:
    """The clause of ``sentence`` around ``position`` (split at ', and', ', but' and ' - ')."""
    start, end = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return sentence[start:end]


def _mention_requirement(mention: Mention, kind: SectionKind, text: str) -> RequirementLevel:
    clause = _clause(*_sentence(text, mention.start, mention.end))
    if _PREFERRED_MARKER.search(clause):
        return "preferred"
    if _REQUIRED_MARKER.search(clause) or kind in _REQUIRED_SECTIONS:
        return "required"
    if kind == "preferred":
        return "preferred"
    return "unspecified"


def _level_of_line(kind: SectionKind, line: str) -> RequirementLevel:
    if _PREFERRED_MARKER.search(line) or kind == "preferred":
        return "preferred"
    if _REQUIRED_MARKER.search(line) or kind in _REQUIRED_SECTIONS:
        return "required"
    return "unspecified"


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.lower()]


def _experience(
    lines: list[str], kinds: list[SectionKind], body: list[bool], keywords: list[PostingKeyword]
) -> list[ExperienceRequirement]:
    by_line: dict[int, list[tuple[int, str]]] = {}
    for posting_keyword in keywords:
        for mention in posting_keyword.mentions:
            by_line.setdefault(mention.line, []).append((mention.start, posting_keyword.keyword.name))
    found = []
    line_start = 0
    for number, line in enumerate(lines, start=1):
        this_line_start, line_start = line_start, line_start + len(line) + 1
        if not body[number - 1]:
            continue
        for match in _YEARS.finditer(line):
            start_in_text = this_line_start + match.end("min")
            named = sorted((s, n) for s, n in by_line.get(number, []) if s >= start_in_text)
            subject_match = _SUBJECT.match(match.group("rest"))
            keyword = named[0][1] if named else None
            subject = keyword or (subject_match.group("subject").strip() if subject_match else None)
            if not subject:
                continue
            found.append(
                ExperienceRequirement(
                    years_min=_number(match.group("min")),
                    years_max=_number(match.group("max")) if match.group("max") else None,
                    subject=subject,
                    keyword=keyword,
                    requirement=_level_of_line(kinds[number - 1], line),
                    line=number,
                    text=line.strip(),
                )
            )
    return found


def _degrees(keywords: list[PostingKeyword], lines: list[str], text: str) -> list[DegreeRequirement]:
    found = []
    for posting_keyword in keywords:
        keyword = posting_keyword.keyword
        level = degree_level(keyword.name) if keyword.category == "certification" else None
        if level is None or (keyword.group not in (None, "degree") and "degree" not in (keyword.group or "")):
            continue
        mention = posting_keyword.mentions[0]
        line = lines[mention.line - 1]
        after = text[mention.end : text.find("\n", mention.end) if "\n" in text[mention.end :] else len(text)]
        found.append(
            DegreeRequirement(
                name=keyword.name,
                level=level,
                field=degree_field(after),
                or_related=bool(LENIENT_FIELD.search(line)),
                or_equivalent=bool(_EQUIVALENT.search(line)),
                requirement=posting_keyword.requirement,
                line=mention.line,
            )
        )
    return found


def _unknown_items(
    lines: list[str], kinds: list[SectionKind], body: list[bool], extraction: Extraction, text: str
) -> list[UnknownRequirement]:
    """Items of 'Required skills: A, B, C' lists (inline, or one per line) that no keyword covers."""
    covered = [(m.start, m.end) for k in extraction.keywords for m in k.mentions]
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    items: list[UnknownRequirement] = []
    list_heading = False
    for number, line in enumerate(lines, start=1):
        if heading_kind(line):
            list_heading = bool(_LIST_HEADING.search(line))
            continue
        if not body[number - 1]:
            continue
        label = re.match(r"^[•*\-\s]*([A-Za-z][A-Za-z &/-]{2,40}):\s*(.+)$", line)
        if label and _LIST_HEADING.search(label.group(1)):
            start = offsets[number - 1] + label.start(2)
            candidates = _split_items(label.group(2), start)
        elif list_heading and re.match(r"^\s*[•*\-]\s*\S", line) and len(line.split()) <= 5:
            stripped = line.lstrip(" •*-")
            candidates = [(stripped.strip(), offsets[number - 1] + len(line) - len(stripped))]
        else:
            continue
        level = _level_of_line(kinds[number - 1], line)
        for item, start in candidates:
            end = start + len(item)
            if any(s < end and start < e for s, e in covered):
                continue
            items.append(UnknownRequirement(text=item, line=number, requirement=level))
    return items


def _split_items(listing: str, offset: int) -> list[tuple[str, int]]:
    items = []
    position = 0
    for part in _LIST_SEPARATOR.split(listing):
        index = listing.find(part, position)
        position = index + len(part)
        item = part.strip(" .")
        if 1 < len(item) <= 40 and len(item.split()) <= 4 and not _NOT_AN_ITEM.search(item):
            items.append((item, offset + index + part.find(item)))
    return items
