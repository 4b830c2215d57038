"""Sections from headings: one heading vocabulary for resumes and postings.

One heading vocabulary serves resumes and postings; what a section means for the score is decided
later (``posting.py``, ``resume.py``). Lines are 1-based, as in ``Mention.line``.
"""

from __future__ import annotations

import re

from ..models import Section, SectionKind

__all__ = ["find_sections", "heading_kind", "inline_label_kind"]


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
