"""The employer's name as the posting writes it, so that a skill word inside it is not read as a
requirement: "Fjordline Logistics is hiring a Backend Developer" asks for no logistics, and
"Northwind Data" for no data skills.

The name comes from what the page says of itself: schema.org's ``hiringOrganization``, a sentence
in which it speaks of itself ("X is hiring", "X is an equal opportunity employer"), an "About X"
heading, the title line "Title - X - City" and the card line "X · City · Hybrid" under the title.
A keyword is left out only where it stands *inside* a longer name: a company called Snowflake that
asks for Snowflake keeps it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ..models import DocumentStructure, TitleEvidence

__all__ = ["employer_names", "employer_spans", "inside_a_name"]

# One to five capitalised words ("Fjordline Logistics", "Globex Cloud", "Procter & Gamble", "AT&T").
_WORD = r"[A-Z][\w&'’.-]*"
_NAME = rf"{_WORD}(?:[ \t]+(?:&[ \t]+)?(?:{_WORD}|\d[\w-]*)){{0,4}}"
_SPEAKS_OF_ITSELF = re.compile(
    rf"(?:^|(?<=[.!?])[ \t]+|(?<=\n))[ \t•*\-–]*(?P<name>{_NAME})[ \t]+(?:is|are)[ \t]+"
    r"(?:hiring|looking for|seeking|searching for|recruiting|growing|an equal[ -]opportunity|"
    r"an affirmative action|proud to|committed to)\b"
)
_ABOUT_HEADING = re.compile(
    rf"^[ \t]*(?:About|Über|À propos de|A propos de|Sobre|Om)[ \t]+(?P<name>{_NAME})[ \t]*:?[ \t]*$", re.M
)
# Words that open a sentence or a heading but name no employer ("The team is growing").
_NOT_A_NAME = frozenset(
    {"the", "this", "that", "our", "we", "you", "your", "it", "everyone", "each", "every", "all",
     "team", "role", "position", "job", "company", "us", "me", "who", "what", "why"}
)  # fmt: skip
_COMPANY_SUFFIX = re.compile(
    r"\b(?:GmbH|AG|SE|KG|Inc|LLC|Ltd|Limited|plc|PLC|Corp|Corporation|Co|S\.?A|SAS|SARL|S\.?L|B\.?V|N\.?V|AB|Oy|AS|ApS|"
    r"Group|Labs|Technologies|Systems|Solutions|Software|Digital)\.?$"
)
_CARD_SEPARATOR = re.compile(r"[ \t]+[·•|][ \t]+")
_TITLE_SEPARATOR = re.compile(r"[ \t]+[-–—|@][ \t]+|[ \t]+at[ \t]+")


def employer_names(
    text: str, *, title: str | None = None, title_line: int | None = None, company: str | None = None
) -> tuple[str, ...]:
    """The employer's names the posting gives, longest first (no duplicates).

    Args:
        text: the posting's text.
        title: the job title read (structure/title.py), and ``title_line`` its 1-based line: the
            title line's other parts and the card line below it name the employer.
        company: schema.org ``hiringOrganization.name``, when the page has one.
    """
    found: list[str] = [company.strip()] if company and company.strip() else []
    found += [m.group("name") for m in _SPEAKS_OF_ITSELF.finditer(text)]
    found += [m.group("name") for m in _ABOUT_HEADING.finditer(text)]
    if title and title_line:
        # A part of a line is a weaker sign (a card may lead with a city): it must look like a
        # company's name, or recur. One word never matters here: no keyword stands inside it.
        for name in map(_trimmed, _names_around_title(text.split("\n"), title, title_line)):
            recurs = len(re.findall(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text)) >= 2
            if (
                len(name.split()) >= 2
                and not re.search(r"[,()]", name)
                and (_COMPANY_SUFFIX.search(name) or recurs)
            ):
                found.append(name)
    names = {_trimmed(name) for name in found}
    return tuple(sorted((n for n in names if _is_a_name(n)), key=lambda n: (-len(n), n)))


def employer_spans(
    text: str, title: tuple[str, TitleEvidence] | None, structure: DocumentStructure | None
) -> list[tuple[int, int]]:
    """Where the employer's names stand in the posting, as whole words, sorted.

    Args:
        text: the posting's text; ``title``: the title read and its evidence (its line);
        structure: the extraction's structure, carrying the page's schema.org JobPosting.
    """
    data = structure.posting_data if structure is not None else None
    names = employer_names(
        text,
        title=title[0] if title else None,
        title_line=title[1].line if title else None,
        company=data.company if data is not None else None,
    )
    return name_spans(text, names)


def name_spans(text: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Where the names stand in the text, as whole words, sorted."""
    spans = [
        (m.start(), m.end())
        for name in names
        for m in re.finditer(rf"(?<![\w&]){re.escape(name)}(?![\w&])", text)
    ]
    return sorted(set(spans))


def inside_a_name(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands inside a longer name (not the whole name)."""
    return any(s <= start and end <= e and (s, e) != (start, end) for s, e in spans)


def _names_around_title(lines: list[str], title: str, title_line: int) -> list[str]:
    names: list[str] = []
    line = lines[title_line - 1] if 0 < title_line <= len(lines) else ""
    if line.strip() != title.strip() and title in line:
        # "Backend Developer (Go) - Fjordline Logistics - Oslo": the part after the title.
        rest = line[line.index(title) + len(title) :]
        rest = re.sub(r"^[ \t]*\([^)]*\)", "", rest)  # "(Go)", "(m/w/d)"
        parts = [p for p in _TITLE_SEPARATOR.split(rest) if p.strip()]
        if parts and _TITLE_SEPARATOR.match(rest):
            names.append(parts[0])
    below = lines[title_line] if title_line < len(lines) else ""
    parts = _CARD_SEPARATOR.split(below.strip())
    if len(parts) >= 2:  # "Northwind Data · Lisbon, Portugal · Hybrid"
        names.append(parts[0])
    return names


def _trimmed(name: str) -> str:
    return re.sub(r"[\s,.:;'’-]+$", "", name.strip())


def _is_a_name(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= 6
        and words[0].casefold() not in _NOT_A_NAME
        and name[:1].isupper()
        and len(name) <= 60
    )
