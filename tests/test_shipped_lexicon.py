"""A data test that walks the shipped lexicon: it loads, every form has one owner, and no ordinary
English word becomes a skill without context.

Common words are found with wordfreq (a test-only dependency). A common word whose ordinary use *is*
the skill ("leadership", "welding") is listed, with its reason, in ``data/common_word_skills.txt``:
adding to that file is a reviewed decision, not a way to silence the test.
"""

from __future__ import annotations

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
# Job titles are not skills (products named "... Manager" or "... Designer" are fine).
JOB_TITLES = {
    "software engineer", "software developer", "data scientist", "data engineer", "data analyst",
    "business analyst", "project manager", "product manager", "program manager", "account manager",
    "marketing manager", "sales manager", "sales representative", "web developer", "frontend developer",
    "devops engineer", "machine learning engineer", "graphic designer", "ux designer", "accountant",
    "nurse", "teacher", "electrician", "welder", "plumber", "chef", "cashier", "recruiter", "consultant",
    "engineer", "developer", "manager", "analyst", "scientist", "designer", "administrator", "technician",
    "director", "intern", "receptionist", "pharmacist", "lawyer", "paralegal", "architect",
}  # fmt: skip


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
        # Acronyms with capitals match only as written ("AI", "RAID"), so "raid" is never a skill.
        acronyms = {a for a in entry.acronyms if not a.islower()}
        for form in (entry.name, *entry.aliases, *entry.acronyms):
            if form in ambiguous or form in acronyms or not form.isalpha() or form.casefold() in ALLOWED:
                continue
            if wordfreq.zipf_frequency(form.lower(), "en") >= COMMON_ZIPF:
                unflagged.append(f"{entry.name}: {form!r}")
    assert not unflagged, "common words matched without context (mark them ambiguous): " + ", ".join(unflagged)


def test_no_job_titles(lexicon):
    titles = [
        f for e in lexicon.entries for f in (e.name, *e.aliases) if f.casefold() in JOB_TITLES and f not in e.ambiguous
    ]
    assert not titles


def test_allowlist_entries_exist(lexicon):
    forms = {f.casefold() for e in lexicon.entries for f in (e.name, *e.aliases, *e.acronyms)}
    assert not ALLOWED - forms, f"stale entries in common_word_skills.txt: {sorted(ALLOWED - forms)}"
