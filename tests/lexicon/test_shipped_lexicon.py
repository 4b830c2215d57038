"""A data test that walks the shipped lexicon: it loads, every form has one owner, and no ordinary
English word becomes a skill without context.

Common words are found with wordfreq (a test-only dependency). A common word whose ordinary use *is*
the skill ("leadership", "welding") is listed, with its reason, in ``data/common_word_skills.txt``:
adding to that file is a reviewed decision, not a way to silence the test.
"""

from __future__ import annotations

import pytest

from atsmatch.extraction.tokenizer import token_texts
from atsmatch.lexicon.variants import surface_forms

from ..conftest import DATA

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
def lexicon(shipped_lexicon):
    return shipped_lexicon


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
    assert not unflagged, "common words matched without context (mark them ambiguous): " + ", ".join(
        unflagged
    )


def test_no_job_titles(lexicon):
    titles = [
        f
        for e in lexicon.entries
        for f in (e.name, *e.aliases)
        if f.casefold() in JOB_TITLES and f not in e.ambiguous
    ]
    assert not titles


def test_allowlist_entries_exist(lexicon):
    forms = {f.casefold() for e in lexicon.entries for f in (e.name, *e.aliases, *e.acronyms)}
    assert not ALLOWED - forms, f"stale entries in common_word_skills.txt: {sorted(ALLOWED - forms)}"


# (text, canonical names that must be found, names that must not, why), on the shipped lexicon.
SHIPPED_CASES = [
    ("Ph.D. in Computer Science", {"Doctorate", "Computer Science"}, set(), "dotted doctorate"),
    ("PhD, Mathematics", {"Doctorate", "Mathematics"}, set(), "degree, comma, field"),
    ("Bachelor's degree in Engineering or related field", {"Bachelor's Degree"}, set(), "spelled out"),
    ("MSc Statistics", {"Master's Degree", "Statistics"}, set(), "degree abbreviation"),
    ("BS/MS in CS", {"Bachelor's Degree", "Master's Degree"}, set(), "two levels, one field"),
    ("Baltimore, MD with 5 years of experience", set(), {"Doctor of Medicine"}, "a US state"),
    ("Two years of BA work and SQL reports", {"SQL"}, {"Bachelor's Degree"}, "business analysis"),
    (
        "MS Office and JD Edwards",
        {"JD Edwards"},
        {"Master's Degree", "Juris Doctor"},
        "longer product names win",
    ),
    (
        "Let's go! Our R&D team will excel at it and spark joy",
        set(),
        {"Go", "R", "Microsoft Excel", "Apache Spark"},
        "ordinary words",
    ),
    ("Languages: Python, Go, R, C", {"Python", "Go", "R", "C"}, set(), "a skills list"),
    # A context word of several tokens counts whole: its "-", "/" or "10" alone confirms nothing.
    ("Ingénieur Data (H/F) - CDI", set(), {"Clinical Documentation Improvement"}, "a dash is no ICD-10"),
    (
        "CDI queries to physicians, ICD-10 coding",
        {"Clinical Documentation Improvement"},
        set(),
        "ICD-10 whole",
    ),
    ("Incidents - React quickly, then escalate", set(), {"React"}, "a dash is no front-end"),
    (
        "Experience with NoSQL and MySQL; no SQL injection",
        {"NoSQL", "MySQL", "SQL"},
        set(),
        "CamelCase split keeps its capitals",
    ),
    ("Py Torch, pytorch, PyTorch and Tensorflow", {"PyTorch", "TensorFlow"}, set(), "spelling variants"),
    ("NLP and natural language processing", {"Natural Language Processing"}, set(), "acronym and name"),
    ("Node.js, NodeJS, node js", {"Node.js"}, set(), "dotted name variants"),
]


@pytest.fixture(scope="module")
def shipped(full_analyzer):
    return full_analyzer


@pytest.mark.parametrize(
    ("text", "expected", "must_not", "why"), SHIPPED_CASES, ids=[c[3] for c in SHIPPED_CASES]
)
def test_shipped_lexicon_cases(shipped, text, expected, must_not, why):
    names = {k.name for k in shipped.extract(text).keywords}
    assert expected <= names, why
    assert not must_not & names, why


def test_breadth(lexicon):
    counts = lexicon.counts()["category"]
    assert counts["hard_skill"] >= 3000
    assert counts["soft_skill"] >= 150
    assert counts["certification"] >= 400
