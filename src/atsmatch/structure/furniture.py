"""Lines that are not the document's own text: job-board furniture and legal wording; each line's kind."""

from __future__ import annotations

import re

from ..models import Section, SectionKind
from .headings import inline_label_kind

__all__ = ["is_cruft_line", "line_kinds"]

# Lines of a job board's page around a posting: buttons, counters, ratings, navigation, footers.
_CRUFT_LINE = re.compile(
    r"^(?:skip to (?:main )?content|apply(?: now| on company site)?|easy apply|save(?: job)?|share(?: this job)?|"
    r"report (?:this )?job|sign in|log ?in|join now|register|back to (?:search )?results|< ?back.*|"
    r"see all (?:reviews|jobs)|show (?:more|less)|view (?:all )?jobs|follow|message|cookie settings|"
    r"search jobs.*|©.*|\(c\) \d{4}.*|privacy\b.*\bterms.*)$"
    r"|\b\d[\d,.]*\s*(?:views?|applicants?|reviews?|followers|clicks|candidates)\b"
    r"|\bposted\s+(?:\d+|a|an|one)\s+(?:minutes?|hours?|days?|weeks?|months?)\s+ago\b"
    r"|\breposted\b|★|\b\d\.\d\s*(?:out of 5|/ ?5|stars?)\b|\bcompany reviews?\b",
    re.I,
)
_NAV_WORDS = frozenset(
    [
        "home",
        "jobs",
        "job",
        "companies",
        "company",
        "salaries",
        "salary",
        "career",
        "advice",
        "for",
        "employers",
        "employer",
        "sign",
        "in",
        "join",
        "now",
        "search",
        "messages",
        "notifications",
        "network",
        "post",
        "a",
        "log",
        "login",
        "register",
        "my",
        "profile",
        "resources",
        "find",
        "people",
        "learning",
        "community",
        "help",
        "|",
    ]
)


def is_cruft_line(line: str) -> bool:
    """Whether a line is job-board furniture (buttons, counters, ratings, navigation), not posting."""
    stripped = line.strip()
    if not stripped:
        return False
    if _CRUFT_LINE.search(stripped):
        return True
    words = stripped.lower().replace("|", " | ").split()
    return len(words) >= 3 and sum(w in _NAV_WORDS for w in words) / len(words) >= 0.8


_LEGAL_TEXT = re.compile(
    r"equal (?:employment )?opportunity|without regard to|do(?:es)? not discriminate|"
    r"reasonable accommodation|affirmative action|protected veteran|e-verify",
    re.I,
)


_LEGAL_HINTS = (
    "opportunity",
    "regard to",
    "discriminat",
    "accommodation",
    "affirmative",
    "veteran",
    "e-verify",
)


def line_kinds(text: str, sections: tuple[Section, ...]) -> list[SectionKind]:
    """The section kind of every line (index 0 is line 1).

    Inline labels override their own line (``Required skills: ...``), and a paragraph of
    equal-opportunity wording is ``legal`` wherever it stands.
    """
    lines = text.split("\n")
    kinds: list[SectionKind] = ["preamble"] * len(lines)
    for section in sections:
        for number in range(section.start_line, min(section.end_line, len(lines)) + 1):
            kinds[number - 1] = section.kind
    for index, line in enumerate(lines):
        if ":" in line:  # cheaper than running the label regex on every line
            label = inline_label_kind(line)
            if label in ("required", "preferred", "skills", "benefits", "responsibilities"):
                kinds[index] = label
    lowered = text.lower()
    if any(hint in lowered for hint in _LEGAL_HINTS):  # the regex is slow; most text has none
        for match in _LEGAL_TEXT.finditer(text):
            for index in _paragraph(lines, text.count("\n", 0, match.start())):
                kinds[index] = "legal"
    return kinds


def _paragraph(lines: list[str], index: int) -> range:
    """Indices of the blank-line-delimited paragraph around ``lines[index]``."""
    first, last = index, index
    while first > 0 and lines[first - 1].strip():
        first -= 1
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    return range(first, last + 1)
