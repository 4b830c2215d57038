"""The name of a skill no lexicon entry holds: the words as written, normalised so that the same
skill written twice ("Data Pipelines", "data pipeline") is one keyword."""

from __future__ import annotations

import re

__all__ = ["FUNCTION_WORDS", "keyword_like", "singular", "written_name"]

_EDGE = re.compile(r"^[^\w.+#]+|[^\w+#]+$")  # punctuation around a phrase, not C++, C#, .NET
# Plurals that are not plural, or whose singular is another word.
_NOT_PLURAL = ("ss", "us", "is", "ics", "ous", "ies'")


def singular(word: str) -> str:
    """The singular of a lowercase English plural ("pipelines" → "pipeline"); others unchanged."""
    if len(word) <= 3 or not word.isalpha() or not word.islower() or not word.endswith("s"):
        return word
    if word.endswith(_NOT_PLURAL[:-1]):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    return word[:-1]


def written_name(text: str) -> str:
    """``text`` with spacing collapsed, surrounding punctuation dropped, ordinary capitals folded
    (acronyms, CamelCase and symbols kept: ``GraphQL``, ``AWS``, ``C++``) and the last word made
    singular; "" if nothing is left."""
    words = _EDGE.sub("", " ".join(text.split())).split()
    folded = [w.lower() if w.isalpha() and w[1:].islower() else w for w in words]
    if folded:
        folded[-1] = singular(folded[-1])
    return " ".join(folded)


# What a tagged phrase must look like to be scored as an ATS keyword: SkillSpan's Skill spans are often
# duties ("ensure the technical feasibility of UI designs"), which no ATS search would hold.
_MAX_KEYWORD_WORDS = 4
FUNCTION_WORDS = frozenset(
    {
        "a", "an", "and", "any", "as", "at", "be", "by", "for", "from", "in", "into", "is", "its", "of",
        "on", "or", "other", "our", "such", "that", "the", "their", "these", "this", "those", "to", "with",
        "your", "etc",
    }
)  # fmt: skip
_DUTY_VERBS = frozenset(
    {
        "act", "analyse", "analyze", "assess", "assist", "assure", "automate", "build", "champion",
        "coach", "collaborate", "communicate", "conduct", "configure", "contribute", "coordinate",
        "create", "define", "deliver", "deploy", "design", "develop", "document", "drive", "ensure",
        "establish", "evaluate", "execute", "grow", "guide", "help", "hire", "identify", "implement",
        "improve", "integrate", "investigate", "lead", "maintain", "make", "manage", "meet", "mentor",
        "migrate", "monitor", "operate", "optimise", "optimize", "oversee", "own", "participate",
        "partner", "perform", "prepare", "present", "provide", "report", "research", "resolve",
        "review", "run", "scale", "see", "set", "shape", "ship", "support", "take", "track", "train",
        "troubleshoot", "understand", "use", "work", "write",
    }
)  # fmt: skip
_VAGUE_ADJECTIVES = frozenset(
    {
        "excellent", "good", "great", "modern", "popular", "proven", "relevant", "similar", "solid",
        "strong", "successful", "talented", "various",
    }
)  # fmt: skip
# Head nouns of phrases about the job's setting, not a skill ("a production environment", "our team").
_SETTING_NOUNS = frozenset(
    {
        "environment",
        "environments",
        "experience",
        "team",
        "teams",
        "role",
        "company",
        "opportunity",
        "setting",
    }
)
# -ing words that name a field rather than a duty ("Engineering management", "Marketing automation").
_FIELD_ING = frozenset(
    {
        "accounting", "advertising", "auditing", "banking", "budgeting", "computing", "consulting",
        "engineering", "forecasting", "manufacturing", "marketing", "mentoring", "modeling", "modelling",
        "networking", "onboarding", "planning", "pricing", "printing", "processing", "programming",
        "publishing", "recruiting", "reporting", "scheduling", "scripting", "sourcing", "testing",
        "training",
    }
)  # fmt: skip


def keyword_like(name: str) -> bool:
    """Whether a phrase no lexicon entry holds reads as a keyword an ATS could search for: at most
    four words, not opening or closing on a function word, not a duty ("developing web
    applications", "ensure ..."), not a vague adjective phrase ("popular"), not the job's setting
    ("production environment"); one lowercase word is
    too generic ("modern", "library") unless written as a name (``GWT``, ``JPA2``, ``Wicket``)."""
    words = name.split()
    if not words or len(words) > _MAX_KEYWORD_WORDS:
        return False
    if any(not any(c.isalnum() for c in word) for word in words):
        return False  # "Fjordline Logistics - Oslo": a title line's company and city, not a skill
    first, last = words[0].lower(), words[-1].lower()
    if (
        first in FUNCTION_WORDS
        or last in FUNCTION_WORDS
        or first in _VAGUE_ADJECTIVES
        or last in _SETTING_NOUNS
    ):
        return False
    if first in _DUTY_VERBS or (first.endswith("ing") and first not in _FIELD_ING and len(words) > 1):
        return False
    if len(words) == 1:
        return not (name.isalpha() and name.islower())
    return True
