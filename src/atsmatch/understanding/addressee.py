"""Mentions that ask nothing of the candidate: the team's partner functions, and the employer
describing itself or its product ("our machine learning approach", "we have a team in software
development"). Their keywords are not requirements.
"""

from __future__ import annotations

import re

from ..models.posting import IgnoredReason
from .levels import sentence_around

__all__ = ["not_asked"]

# "collaborate with user research, design, data science and product management": the list after
# the cue names teams, not skills.
_PARTNER_CUE = re.compile(
    r"\b(?:collaborat(?:e|es|ed|ing)|partner(?:s|ed|ing)?|liais(?:e|es|ing)|coordinat(?:e|es|ing)|"
    r"work(?:s|ing)? (?:closely|hand in hand)|interfac(?:e|es|ing))\s+(?:closely\s+)?(?:with|across)\s+"
    r"|\b(?:alongside|together with|cross-functional(?:ly)? (?:with|teams? (?:of|including|such as)))\s+",
    re.I,
)
# What turns the partner list back into the candidate's work: "… with design using Figma".
_PARTNER_LIST_END = re.compile(r"\b(?:using|to|by|via|through|on|in order|so that|with your)\b|[:;]", re.I)
_PARTNER_LIST_WORDS = re.compile(r"^[\w\s,&/'-]*$")
# The employer speaking about itself: a sentence opened by we / our / at Company, we.
_ABOUT_US = re.compile(
    r"^[\s•*\-–]*(?:(?:at|here at) [A-Z][\w&.' -]{0,40},\s*)?(?:we|we're|we've|we are|we have|our|ours)\b",
    re.I,
)
# ...unless it addresses the candidate: "we're looking for someone with Python", "our ideal candidate".
_ADDRESSES_CANDIDATE = re.compile(
    r"\b(?:you|your|you'll|you're|candidates?|applicants?|someone|somebody|people who|engineers? who|"
    r"looking for|seeking|searching for|hiring|need|require|expect|want|would love|'d love|must|should|"
    r"ideal|welcome|experience (?:with|in)|familiar|proficien|knowledge of|(?:tech(?:nology)? )?stack|"
    r"tools? (?:we use|include)|we use|we work with|built (?:with|on)|written in|runs? on)",
    re.I,
)


def not_asked(text: str, start: int, end: int) -> IgnoredReason | None:
    """Why the mention at ``text[start:end]`` asks nothing of the candidate, or None if it may."""
    left, right = sentence_around(text, start, end)
    sentence = text[left:right]
    before = text[left:start]
    cues = list(_PARTNER_CUE.finditer(before))
    partner = cues[-1] if cues else None  # the cue nearest the mention
    if partner is not None:
        between = before[partner.end() :]
        if _PARTNER_LIST_WORDS.match(between) and not _PARTNER_LIST_END.search(between):
            return "partner_function"
    if _ABOUT_US.match(sentence) and not _ADDRESSES_CANDIDATE.search(sentence):
        return "about_the_company"
    return None
