"""A data test that walks the shipped lexicon: it loads, every form has one owner, and no ordinary
English word becomes a skill without context.

Common words are found with wordfreq (a test-only dependency). A common word whose ordinary use *is*
the skill ("leadership", "welding") is listed, with its reason, in ``data/common_word_skills.txt``:
adding to that file is a reviewed decision, not a way to silence the test.
"""

from __future__ import annotations

import re

import pytest

from atsmatch import load_lexicon
from atsmatch.lexicon import surface_forms
from atsmatch.tokenizer import token_texts

from .conftest import DATA

COMMON_ZIPF = 4.0  # wordfreq's Zipf scale: 4.0 is ten uses per million words
ALLOWED = {
    line.split("#", 1)[0].strip().casefold()
    for line in (DATA / "common_word_skills.txt").read_text(encoding="utf-8").splitlines()
    if line.split("#", 1)[0].strip()
}
# Job titles are not skills: an entry whose name ends in a role noun is suspect.
_TITLE = re.compile(r"\b(?:engineer|developer|manager|analyst|scientist|designer|nurse|accountant|"
                    r"teacher|consultant|specialist|administrator|technician|director|officer)s?$", re.I)  # fmt: skip
TITLE_LIKE_SKILLS = {"registered nurse", "certified public accountant", "professional engineer"}


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon()


def test_loads_with_every_form_owned_once(lexicon):
    owners: dict[str, str] = {}
    for entry in lexicon.entries:
        for form in {entry.name, *entry.aliases, *entry.acronyms}:
            assert owners.setdefault(form.casefold(), entry.name) == entry.name, form


def test_every_form_tokenizes(lexicon):
    for entry in lexicon.entries:
        for form in surface_forms(entry):
            assert token_texts(form.text), (entry.name, form.text)


def test_common_english_words_need_context(lexicon):
    wordfreq = pytest.importorskip("wordfreq")
    unflagged = []
    for entry in lexicon.entries:
        ambiguous = set(entry.ambiguous)
        for form in (entry.name, *entry.aliases, *entry.acronyms):
            if form in ambiguous or not form.isalpha() or form.casefold() in ALLOWED:
                continue
            if wordfreq.zipf_frequency(form.lower(), "en") >= COMMON_ZIPF:
                unflagged.append(f"{entry.name}: {form!r}")
    assert not unflagged, "common words matched without context (mark them ambiguous): " + ", ".join(unflagged)


def test_no_job_titles(lexicon):
    titles = [e.name for e in lexicon.entries if _TITLE.search(e.name) and e.name.casefold() not in TITLE_LIKE_SKILLS]
    assert not titles


def test_allowlist_entries_exist(lexicon):
    forms = {f.casefold() for e in lexicon.entries for f in (e.name, *e.aliases, *e.acronyms)}
    assert not ALLOWED - forms, "stale entries in common_word_skills.txt"
