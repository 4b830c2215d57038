"""The surface forms of a lexicon entry: the written ones, and the variants derived from them.

Variants live here, on the lexicon side, so documents are never rewritten: CamelCase split
(``PyTorch`` → ``Py Torch``), hyphens dropped or joined, short phrases hyphenated, the plural or
singular of a phrase's last word, a trailing full stop dropped, the job title of a practice
(``Front-End Development`` → ``Front-End Developer``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..extraction.tokenizer import token_texts
from .schema import LexiconEntry

__all__ = ["SurfaceForm", "surface_forms"]

_CAMEL = re.compile(r"^[A-Z]?[a-z]+(?:[A-Z][a-z]+)+$")
_CAMEL_PART = re.compile(r"[A-Z]?[a-z]+")
_WORD = re.compile(r"^[A-Za-z]+$")


@dataclass(frozen=True)
class SurfaceForm:
    """A way an entry is written, as the matcher sees it."""

    text: str
    rule: str  # name | alias | acronym | variant
    case_sensitive: bool
    ambiguous: bool
    list_only: bool = False  # a lowercased tool name: counts only between listed tools


def surface_forms(entry: LexiconEntry) -> list[SurfaceForm]:
    """Every form the matcher looks for: written forms first, then derived variants.

    Derived: CamelCase split, in the name's capitals (``PyTorch`` → ``Py Torch``, not ``py torch``,
    so ``NoSQL`` never becomes "no SQL"), hyphen dropped or joined
    (``scikit-learn`` → ``scikit learn``, ``scikitlearn``), short phrases hyphenated
    (``machine learning`` → ``machine-learning``), plural/singular of the last word for phrases and
    lowercase forms, and a trailing full stop dropped (``B.Sc.`` → ``B.Sc``). Ambiguous forms and
    acronyms get no variants: they match only exactly as written.
    """
    ambiguous = set(entry.ambiguous)
    written: list[SurfaceForm] = []
    for text, rule in ((entry.name, "name"), *((a, "alias") for a in entry.aliases)):
        written.append(SurfaceForm(text, rule, case_sensitive=text in ambiguous, ambiguous=text in ambiguous))
    for text in entry.acronyms:
        written.append(SurfaceForm(text, "acronym", case_sensitive=True, ambiguous=text in ambiguous))
    seen = {form.text.casefold() for form in written}
    variants: list[SurfaceForm] = []
    for form in written:
        if form.rule == "acronym" or form.ambiguous:
            continue
        for variant, case_sensitive in _variants(token_texts(form.text)):
            if variant.casefold() not in seen:
                seen.add(variant.casefold())
                variants.append(SurfaceForm(variant, "variant", case_sensitive, ambiguous=False))
    return written + variants + _lowercase_list_forms(entry, written, seen)


def _lowercase_list_forms(
    entry: LexiconEntry, written: list[SurfaceForm], seen: set[str]
) -> list[SurfaceForm]:
    """Tool names people lowercase in lists ("react, vue and jest", "aws, gcp"): the ambiguous and
    acronym forms of hard skills, matched in lowercase only when a listed tool stands next to them."""
    if entry.category != "hard_skill":
        return []
    forms = []
    for form in written:
        lowered = form.text.lower()
        long_acronym = form.rule == "acronym" and len(form.text) >= 3
        if lowered == form.text or not (form.ambiguous or long_acronym):
            continue
        if lowered not in {f.text for f in forms}:
            forms.append(SurfaceForm(lowered, "variant", case_sensitive=True, ambiguous=True, list_only=True))
    return forms


def _variants(tokens: list[str]) -> list[tuple[str, bool]]:
    """Derived forms as (text, case-sensitive)."""
    out: list[tuple[str, bool]] = []
    if tokens and tokens[-1] == "." and len(tokens) > 1:
        out.append((" ".join(tokens[:-1]), False))
    for i, token in enumerate(tokens):
        if _CAMEL.match(token):
            # Only as capitalised as the name: "No SQL" is NoSQL, "no SQL" is not.
            out.append((" ".join([*tokens[:i], *_CAMEL_PART.findall(token), *tokens[i + 1 :]]), True))
    if "-" in tokens:
        out.append((" ".join(t for t in tokens if t != "-"), False))
        out.append((_join_hyphens(tokens), False))
    words = [t for t in tokens if t != "-"]
    if 2 <= len(tokens) <= 3 and all(_WORD.match(t) for t in tokens):
        out.append(("-".join(tokens), False))
    out += _job_title_forms([(" ".join(tokens), False), *out])
    last = tokens[-1] if tokens else ""
    if _WORD.match(last) and len(last) >= 3:
        if len(words) >= 2 and tokens[-2] != "-":
            out.append((" ".join([*tokens[:-1], _inflect(last)]), False))
        elif len(tokens) == 1 and last.islower() and not last.endswith("s"):
            # One lowercase word: only the plural ("microservice" -> "microservices"); the
            # singular of a one-word name can be another word ("pandas" -> "panda").
            out.append((_inflect(last), False))
    return out


_DOERS = {"development": ("developer", "developers"), "engineering": ("engineer", "engineers")}


def _job_title_forms(forms: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """The job title a practice names: "Front-End Development" → "Front-End Developer"; a
    "Full Stack Developer" has the skill its title says."""
    out = []
    for text, case_sensitive in forms:
        words = text.split(" ")
        if len(words) >= 2 and words[-1].lower() in _DOERS:
            out += [(" ".join([*words[:-1], doer]), case_sensitive) for doer in _DOERS[words[-1].lower()]]
    return out


def _join_hyphens(tokens: list[str]) -> str:
    joined: list[str] = []
    glue = False
    for token in tokens:
        if token == "-":
            glue = True
        elif glue and joined:
            joined[-1] += token
            glue = False
        else:
            joined.append(token)
    return " ".join(joined)


def _inflect(word: str) -> str:
    """Plural of a singular noun, singular of a plural one; rough English, harmless if unused."""
    lower = word.lower()
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return word[:-1]
    if lower.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if lower.endswith("y") and lower[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
