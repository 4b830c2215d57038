"""Document structure from headings and wording: sections, page cruft, and the posting's title.

One heading vocabulary serves resumes and postings; what a section means for the score is decided
later (``posting.py``, ``resume.py``). Lines are 1-based, as in ``Mention.line``.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["Section", "SectionKind", "find_sections", "find_title_line", "is_cruft_line", "line_kinds"]

SectionKind = Literal[
    "preamble", "title", "company", "overview", "responsibilities", "required", "preferred",
    "benefits", "legal", "cruft", "contact", "summary", "experience", "education", "skills",
    "certifications", "projects", "publications", "awards", "languages", "volunteer", "interests",
]  # fmt: skip


class Section(BaseModel):
    """A run of lines under one heading; ``heading`` is None for the preamble."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: SectionKind
    heading: str | None
    start_line: int
    end_line: int


def _vocabulary(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"^(?:" + "|".join(patterns) + r")$", re.I)


# Order matters: the first kind whose pattern matches the whole heading wins.
_HEADINGS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = (
    ("overview", _vocabulary(
        r"about (?:the|this) (?:role|job|position|opportunity)", r"(?:the )?role", r"role overview",
        r"job (?:description|summary|details|overview)", r"position (?:summary|overview|description)",
        r"overview", r"description", r"the opportunity", r"summary of (?:the )?role", r"opportunity",
    )),
    ("responsibilities", _vocabulary(
        r"(?:key |main |primary |core |your |role |job |major )?responsibilities", r"what you(?:'ll| will) do",
        r"what you(?:'ll| will) be doing", r"(?:job |essential |main )?duties(?: and responsibilities)?",
        r"your role", r"(?:a )?day[- ]to[- ]day", r"in this role(?: you will)?", r"your mission",
        r"responsibilities and duties", r"essential functions", r"the work", r"your impact",
    )),
    ("preferred", _vocabulary(
        r"preferred(?: qualifications| skills| experience| requirements)?", r"nice[- ]to[- ]haves?",
        r"bonus(?: points)?", r"(?:it'?s )?a plus", r"pluses", r"desired(?: skills| qualifications| experience)?",
        r"desirable(?: skills| qualifications)?", r"additional (?:qualifications|skills)", r"ideally(?: you have)?",
        r"good to have", r"even better if(?: you have)?", r"extra credit", r"bonus if you have",
        r"preferred but not required", r"nice to have skills",
    )),
    ("required", _vocabulary(
        r"(?:minimum|basic|required|essential|key|job|core|must[- ]have)? ?(?:qualifications|requirements)",
        r"requirements and qualifications", r"qualifications and requirements", r"required skills(?: and experience)?",
        r"what you(?:'ll| will)? need(?: to succeed)?", r"what you(?:'ll| will)? bring(?: to the (?:team|table))?", r"who you are", r"you have",
        r"must[- ]haves?", r"what we(?:'re| are) looking for", r"skills (?:and|&) (?:experience|qualifications)",
        r"experience (?:and|&) skills", r"your profile", r"about you", r"you should have", r"the ideal candidate",
        r"ideal candidate(?: profile)?", r"candidate requirements", r"knowledge,? skills,? (?:and|&) abilities",
        r"to be successful(?: in this role)?(?:,? you will have)?", r"what you have", r"your skills",
        r"requirements? (?:and|&) skills", r"skills required", r"mandatory skills",
    )),
    ("benefits", _vocabulary(
        r"(?:our |your )?benefits(?: and perks)?", r"perks(?: (?:and|&) benefits)?", r"what we offer",
        r"we offer", r"compensation(?: (?:and|&) benefits)?", r"why (?:join us|work (?:here|with us)|you'll love (?:it|working) here)",
        r"salary(?: (?:and|&) benefits)?", r"what(?:'s| is) in it for you", r"total rewards",
        r"(?:pay|salary|compensation) range", r"what you(?:'ll| will) get", r"our offer", r"the perks",
    )),
    ("legal", _vocabulary(
        r"equal (?:employment )?opportunity.*", r"eeo.*", r"diversity.*", r"(?:reasonable )?accommodations?",
        r"privacy(?: notice| policy)?", r"legal(?: notice)?", r"disclaimer", r"e-verify", r"our commitment.*",
    )),
    ("cruft", _vocabulary(
        r"similar (?:jobs|roles|positions|companies)", r"related jobs", r"more jobs.*", r"people also viewed",
        r"(?:recommended )?jobs you may (?:like|be interested in)", r"recommended jobs", r"other jobs.*",
        r"(?:company )?reviews", r"in the news", r"(?:latest |company |recent )?news", r"interview (?:questions|experiences?|statistics|tips)",
        r"salaries", r"see all reviews", r"jobs at .*", r"more from .*", r"explore (?:more|similar) .*",
    )),
    ("company", _vocabulary(
        r"about(?: us)?", r"about (?:the|our) (?:company|team|employer|organi[sz]ation)", r"who we are",
        r"our (?:company|mission|story|team|culture)", r"company (?:overview|description|profile)",
        r"the (?:company|team)", r"about [A-Z0-9].{0,40}",
    )),
    ("summary", _vocabulary(
        r"(?:professional |career |executive )?summary", r"(?:professional )?profile", r"about me",
        r"(?:career )?objective", r"personal statement",
    )),
    ("experience", _vocabulary(
        r"(?:work |professional |relevant |employment |industry )?experience", r"employment(?: history)?",
        r"work history", r"career history", r"professional background", r"positions held",
    )),
    ("education", _vocabulary(r"education(?: (?:and|&) (?:training|certifications))?", r"academic (?:background|history)")),
    ("skills", _vocabulary(
        r"(?:technical |core |key |relevant |professional )?skills(?: (?:and|&) (?:tools|technologies|expertise|interests))?",
        r"technologies", r"tools(?: (?:and|&) technologies)?", r"tech(?:nology)? stack", r"(?:core )?competencies",
        r"areas of expertise", r"expertise", r"technical proficiencies", r"skill set", r"skillset",
    )),
    ("certifications", _vocabulary(
        r"certifications?(?: (?:and|&) (?:licen[cs]es|training|courses))?", r"licen[cs]es(?: (?:and|&) certifications)?",
        r"courses", r"training", r"professional development",
    )),
    ("projects", _vocabulary(r"(?:selected |personal |side |key |academic )?projects")),
    ("publications", _vocabulary(r"publications", r"papers", r"selected publications", r"research")),
    ("awards", _vocabulary(r"awards(?: (?:and|&) honou?rs)?", r"honou?rs(?: (?:and|&) awards)?", r"achievements")),
    ("languages", _vocabulary(r"languages", r"spoken languages", r"language skills")),
    ("volunteer", _vocabulary(r"volunteer(?:ing| experience| work)?", r"community(?: involvement)?")),
    ("interests", _vocabulary(r"interests", r"hobbies(?: (?:and|&) interests)?")),
)  # fmt: skip

# All vocabularies in one alternation, in order: one match per line instead of twenty.
_ANY_HEADING = re.compile(
    "|".join(f"(?P<k{i}>{pattern.pattern})" for i, (_, pattern) in enumerate(_HEADINGS)), re.I
)
_MAX_HEADING_WORDS = 8
_HEADING_STRIP = re.compile(r"^[#*•\-\s]+|[:*#\s]+$")
_INLINE_LABEL = re.compile(r"^[#*•\-\s]*([A-Za-z][A-Za-z &'/-]{2,50}?)\s*:\s+\S")

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


def find_sections(text: str) -> tuple[Section, ...]:
    """Sections in reading order, each from its heading line to the line before the next heading.

    A heading is a short line (≤ 8 words, not ending in a full stop) that names a known section,
    optionally with Markdown ``#``, bullets or a trailing colon. Lines before the first heading form
    a ``preamble``.
    """
    lines = text.split("\n")
    starts: list[tuple[int, SectionKind, str | None]] = [(1, "preamble", None)]
    for number, line in enumerate(lines, start=1):
        kind = heading_kind(line)
        if kind:
            starts.append((number, kind, line.strip()))
    if len(starts) > 1 and starts[1][0] == 1:
        starts.pop(0)
    sections = []
    for index, (start, kind, heading) in enumerate(starts):
        end = starts[index + 1][0] - 1 if index + 1 < len(starts) else len(lines)
        sections.append(Section(kind=kind, heading=heading, start_line=start, end_line=max(end, start)))
    return tuple(sections)


def heading_kind(line: str) -> SectionKind | None:
    """The section a heading line opens, or None if the line is not a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60 or stripped.endswith((".", ",", ";")):
        return None
    words = _HEADING_STRIP.sub("", stripped)
    if not words or len(words.split()) > _MAX_HEADING_WORDS:
        return None
    match = _ANY_HEADING.match(words)
    if match is None:
        return None
    return _HEADINGS[int(match.lastgroup[1:])][0]  # type: ignore[index]


def inline_label_kind(line: str) -> SectionKind | None:
    """The kind named by a line's leading label, as in ``Required skills: Python, SQL``."""
    match = _INLINE_LABEL.match(line)
    return heading_kind(match.group(1)) if match else None


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


# Head nouns of job titles; a short early line holding one is taken as the title.
_ROLE = re.compile(
    r"\b(engineer|developer|programmer|architect|scientist|analyst|manager|director|designer|"
    r"consultant|specialist|administrator|technician|coordinator|assistant|associate|officer|"
    r"representative|lead|head|intern|accountant|nurse|teacher|instructor|advisor|adviser|"
    r"writer|editor|researcher|strategist|planner|operator|supervisor|executive|clerk|"
    r"recruiter|agent|therapist|pharmacist|physician|technologist|mechanic|electrician|"
    r"driver|chef|cook|attendant|auditor|controller|buyer|owner|partner|expert|professional)s?\b",
    re.I,
)
_SEARCHED_LINES = 25
_MAX_TITLE_WORDS = 12


def find_title_line(text: str) -> int | None:
    """The 1-based line that most likely holds a posting's job title, or None.

    The first short line (≤ 12 words) within the first 25 that names a role (``Engineer``,
    ``Nurse``...) and is neither a heading nor page cruft; failing that, the first such line
    without a role noun.
    """
    fallback = None
    for number, line in enumerate(text.split("\n")[:_SEARCHED_LINES], start=1):
        words = line.split()
        if not words or is_cruft_line(line) or heading_kind(line):
            continue
        fallback = fallback or number
        if len(words) <= _MAX_TITLE_WORDS and _ROLE.search(line):
            return number
    return fallback
