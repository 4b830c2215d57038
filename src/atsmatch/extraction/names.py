"""The name of a skill no lexicon entry holds: the words as written, normalised so that the same
skill written twice ("Data Pipelines", "data pipeline") is one keyword."""

from __future__ import annotations

import re

__all__ = ["singular", "written_name"]

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
