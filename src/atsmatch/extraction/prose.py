"""Lexicon mentions that ordinary prose makes, dropped before the later stages run.

Each rule names a kind of text where a skill's word is not the skill:

* an institution's name: "London School of Economics" is not Economics;
* a contact icon's label: "/github handle", "/linkedin" are not GitHub or LinkedIn skills;
* an audience: "present to operations leadership", "the senior leadership team" are people, not
  Leadership;
* a set phrase: "in compliance with federal law" is obeying it, not Regulatory Compliance; "send
  your Word resume" names a file format, not Microsoft Word.
"""

from __future__ import annotations

import re

from ..models import Keyword, Mention

__all__ = ["drop_prose_mentions"]

# "University of ...", "School of ...": the capitalised words that follow are the institution's name.
_INSTITUTION = re.compile(
    r"\b(?:University|School|Institute|College|Academy|Faculty|Polytechnic|Conservatory)\s+(?:of|for)\s+"
    r"(?:[A-Z][\w&'.-]*|and|&|of|the)(?:[ \t]+(?:[A-Z][\w&'.-]*|and|&|of|the|for))*"
)
_INSTITUTION_WORDS = ("University", "School", "Institute", "College", "Academy", "Faculty", "Polytechnic",
                      "Conservatory")  # fmt: skip
_GROUP_WORDS = frozenset({"leadership", "management"})  # words that also name a group of people
_AUDIENCE_BEFORE = frozenset(
    {
        "senior", "executive", "operations", "company", "regional", "site", "store", "plant", "department",
        "business", "corporate", "local", "organizational", "organisational", "district", "division",
    }
)  # fmt: skip
_AUDIENCE_AFTER = frozenset({"team", "teams", "group", "meetings", "meeting"})
# word → (words one of which must stand just before it, words one of which must follow it); an
# empty set asks nothing of that side.
_SET_PHRASES = {
    "compliance": (frozenset({"in", "into"}), frozenset({"with"})),
    "word": (
        frozenset(),
        frozenset({"resume", "resumes", "cv", "cvs", "format", "file", "files", "attachment"}),
    ),
}
_WORD = re.compile(r"[\w-]+")


def drop_prose_mentions(text: str, keywords: list[Keyword]) -> list[Keyword]:
    """``keywords`` without the mentions that stand in an institution's name, a contact label or
    an audience; a keyword left with no mention is dropped."""
    # The regex tried at every word costs more than looking for its first words.
    institutions = (
        [match.span() for match in _INSTITUTION.finditer(text)]
        if any(word in text for word in _INSTITUTION_WORDS)
        else []
    )
    out = []
    for keyword in keywords:
        kept = tuple(m for m in keyword.mentions if not _is_prose(text, m, institutions))
        if len(kept) == len(keyword.mentions):
            out.append(keyword)
        elif kept:
            out.append(Keyword(**{**dict(keyword), "mentions": kept}))
    return out


def _is_prose(text: str, mention: Mention, institutions: list[tuple[int, int]]) -> bool:
    if any(start <= mention.start and mention.end <= end for start, end in institutions):
        return True
    before = text[max(0, mention.start - 2) : mention.start]
    if before.endswith("/") and (len(before) == 1 or not before[0].isalnum()) and mention.text.islower():
        return True  # "/github": an icon's label, as PDF text layers spell it
    word = mention.text.lower()
    if word not in _GROUP_WORDS and word not in _SET_PHRASES:
        return False
    previous = _WORD.findall(text[max(0, mention.start - 40) : mention.start])
    following = _WORD.findall(text[mention.end : mention.end + 20])
    before = previous[-1].lower() if previous else ""
    after = following[0].lower() if following else ""
    if word in _GROUP_WORDS and (before in _AUDIENCE_BEFORE or after in _AUDIENCE_AFTER):
        return True
    if word in _SET_PHRASES:
        wanted_before, wanted_after = _SET_PHRASES[word]
        return (not wanted_before or before in wanted_before) and (not wanted_after or after in wanted_after)
    return False
