"""The posting's job title, from the strongest evidence at hand, or None when the evidence is weak.

Evidence, strongest first: a title given by the user; schema.org ``JobPosting.title``; the page's
``<h1>``; a labelled line (``Job Description: Product Manager``); ``Company : Title``; a breadcrumb's
last step; ``Junior Python Developer wanted``; a short line that reads as an occupation title;
"As a Staff Machine Learning Engineer in Search, you'll…". Company names, prefixes, teams and
locations are cut off. A guess is worse than nothing: the title feeds the headline advice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..models import TitleEvidence
from .furniture import is_cruft_line
from .headings import heading_kind
from .roles import COMPOUND_ROLE as _COMPOUND_ROLE
from .roles import ROLE_NOUN as _ROLE_NOUN
from .roles import ROMANCE_ROLE as _ROMANCE_ROLE

__all__ = ["JobTitle", "clean_title", "find_title", "reads_as_title"]

# Words a title may end with after its head noun: levels and grades ("Engineer II", "Engineer 3").
_LEVEL_SUFFIX = re.compile(
    r"(?:\s+(?:i{1,3}|iv|v|\d|l\d|level \d|\(m/f/d\)|\(f/m/d\)|\(all genders\)))+$", re.I
)
_SENIORITY = re.compile(
    r"\b(?:senior|sr\.?|junior|jr\.?|lead|staff|principal|head|chief|associate|graduate|entry[- ]level|"
    r"mid[- ]level|intern|trainee|vp|director)\b",
    re.I,
)
_HEAD_OF = re.compile(
    r"^(?:(?:senior |associate |assistant )?(?:head|director|vp|vice president|chief \w+ officer)) of\b", re.I
)
# What is not a title though it may hold a role noun: sentences and addresses to the reader.
_SENTENCE_WORDS = re.compile(
    r"\b(?:you|your|we|our|us|will|is|are|was|be|the|this|that|with|who|which|for|to)\b", re.I
)
_PREFIX = re.compile(
    r"^\s*(?:job description|job title|job|position|role|title|vacancy|opening|job opening|"
    r"we(?:'re| are) hiring|now hiring|hiring|career opportunity|opportunity)\s*[:\-–—|]\s*(?P<rest>.+)$",
    re.I,
)
_COMPANY_COLON = re.compile(r"^\s*(?P<company>[A-Z][\w&.,' -]{0,50}?)\s*:\s+(?P<rest>\S.+)$")
_BREADCRUMB = re.compile(r"\s*(?:›|»|>|/|\\|→)\s*")
_WANTED = re.compile(
    r"^\s*(?P<title>[A-Z][\w/&+#.' -]{2,80}?)\s+(?:wanted|needed|required)\b"
    r"|^\s*(?:[A-Z][\w&.' -]{0,40}\s+)?(?:is |are )?(?:hiring|seeking|recruiting)(?: an?)?:?\s+(?P<hired>[A-Z][\w/&+#.' -]{2,80}?)"
    r"(?=\s+(?:to|who|in|at|for|with|and)\b|[.,!(]|$)",
)
_AS_A = re.compile(
    r"\b[Aa]s (?:a|an|our)\s+(?P<title>[A-Z][\w/&+#.' -]{2,80}?)\s*(?:,|\b(?:in|on|at|for|within|you)\b)"
)
# Where a title stops: company, location, pay, team and employment type come after these.
_TITLE_END = re.compile(r"\s+(?:[·|•@–—-]|at)\s+|\s*\(|,\s|\s+\d[\d,.]*\s*(?:k|€|\$|£)|\s+-\s*$")
# Where a Document keeps what an HTML page declared: ``posting_data.title`` (schema.org JobPosting)
# and ``headline`` (the first <h1>); the short names are for Documents built by hand.
_HINT_FIELDS = {
    "schema_org": ("posting_data.title", "schema_title"),
    "h1": ("headline", "h1"),
}
_SEARCHED_LINES = 25
_MAX_TITLE_WORDS = 10


JobTitle = tuple[str, TitleEvidence]


def find_title(
    text: str,
    *,
    given: str | None = None,
    document: object = None,
    in_body: Callable[[int], bool] | None = None,
) -> JobTitle | None:
    """The posting's job title and its evidence, or None when nothing reads as a title.

    Args:
        text: the posting's text.
        given: a title the user gave (``--title``): taken as is.
        document: the ``Document``, for the schema.org title and ``<h1>`` an HTML page carries
            (read when present; a plain-text document has neither).
        in_body: whether a 1-based line is the posting's body (the page structure's), when known:
            a title-like line outside it is a similar job's, not this posting's.
    """
    lines = text.split("\n")
    if given and given.strip():
        return given.strip(), TitleEvidence(rule="given", line=_line_of(lines, given), text=given.strip())
    for rule in ("schema_org", "h1"):
        hint = _document_hint(document, rule)
        title = clean_title(hint) if hint else None
        if title and (rule == "schema_org" or reads_as_title(title)):
            return title, TitleEvidence(rule=rule, line=_line_of(lines, title), text=hint[:200])  # type: ignore[arg-type]
    for number, line in enumerate(lines[:_SEARCHED_LINES], start=1):
        if not line.strip() or heading_kind(line) or _foreign_script(line):
            continue
        if in_body is not None and not in_body(number) and not _breadcrumb(line):
            continue
        # A breadcrumb is navigation, and its last step the title: read it before skipping furniture.
        rules = _LINE_RULES if not is_cruft_line(line) else _LINE_RULES[2:3]
        for rule, read in rules:
            title = read(line)
            if title:
                return title, TitleEvidence(rule=rule, line=number, text=line.strip()[:200])  # type: ignore[arg-type]
    for number, line in enumerate(lines, start=1):
        if in_body is not None and not in_body(number):
            continue
        match = _AS_A.search(line)
        if match and reads_as_title(match.group("title")):
            title = clean_title(match.group("title"))
            return title, TitleEvidence(rule="as_a", line=number, text=line.strip()[:200])
    return None


def reads_as_title(candidate: str) -> bool:
    """Whether a short phrase reads as an occupation title: capitalised words ending in a role noun
    (or, in German and Swedish compounds, a word ending in one; in French and Spanish, starting)."""
    title = _LEVEL_SUFFIX.sub("", candidate.strip(" .:#*•-–"))
    words = title.split()
    shaped = bool(words) and title[:1].isupper() and len(words) <= _MAX_TITLE_WORDS
    if shaped and not _SENTENCE_WORDS.search(title) and _foreign_role(words):
        return True
    if not 2 <= len(words) <= _MAX_TITLE_WORDS and not (len(words) == 1 and _is_singular_role(title)):
        return False
    if _SENTENCE_WORDS.search(title) or not title[:1].isupper():
        return False
    if _HEAD_OF.match(title):
        return True
    last = re.sub(r"[^\w]", "", words[-1])
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return bool(_ROLE_NOUN.fullmatch(last)) and (
        capitalised == len(words) or bool(_SENIORITY.search(title)) and capitalised >= len(words) - 1
    )


def _foreign_role(words: list[str]) -> bool:
    return bool(_COMPOUND_ROLE.fullmatch(words[-1].split("-")[-1]) or _ROMANCE_ROLE.fullmatch(words[0]))


def _is_singular_role(word: str) -> bool:
    # One word is a title only as a singular role noun ("Recruiter"), never "Recruiters".
    return bool(_ROLE_NOUN.fullmatch(word)) and word[:1].isupper()


def clean_title(raw: str) -> str:
    """The title alone: prefixes, company, team, location and pay cut off."""
    title = raw.strip().strip("#*•· ")
    prefixed = _PREFIX.match(title)
    if prefixed:
        title = prefixed.group("rest")
    title = _TITLE_END.split(title, maxsplit=1)[0]
    return re.sub(r"\s+", " ", title).strip(" .:-–—#*")


def _labelled(line: str) -> str | None:
    match = _PREFIX.match(line)
    return _checked(match.group("rest")) if match else None


def _company_colon(line: str) -> str | None:
    match = _COMPANY_COLON.match(line)
    if not match or heading_kind(match.group("company")):
        return None
    return _checked(match.group("rest"))


def _breadcrumb(line: str) -> str | None:
    steps = [s for s in _BREADCRUMB.split(line.strip()) if s]
    if len(steps) < 3:
        return None
    return _checked(steps[-1])


def _wanted(line: str) -> str | None:
    match = _WANTED.match(line)
    if not match:
        return None
    return _checked(match.group("title") or match.group("hired"))


def _role_line(line: str) -> str | None:
    stripped = line.strip()
    if len(stripped.split()) > 16 or stripped.endswith((".", "!", "?", ";")):
        return None
    return _checked(stripped)


def _checked(raw: str) -> str | None:
    title = clean_title(raw)
    return title if reads_as_title(title) else None


_LINE_RULES: tuple[tuple[str, Callable[[str], str | None]], ...] = (  # breadcrumb third, as used above
    ("labelled", _labelled),
    ("company_colon", _company_colon),
    ("breadcrumb", _breadcrumb),
    ("wanted", _wanted),
    ("role_line", _role_line),
)


def _document_hint(document: object, rule: str) -> str | None:
    # Read with getattr: a plain-text Document has none of these.
    for path in _HINT_FIELDS[rule]:
        value = document
        for name in path.split("."):
            value = getattr(value, name, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _line_of(lines: list[str], title: str) -> int | None:
    folded = title.casefold()
    return next((n for n, line in enumerate(lines[:40], start=1) if folded in line.casefold()), None)


def _foreign_script(line: str) -> bool:
    """Letters of a non-Latin script: a site's UI label ("求人情報"), not an English posting's title."""
    return any(c.isalpha() and not unicodedata.name(c, "LATIN").startswith("LATIN") for c in line)
