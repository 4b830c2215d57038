"""Heading vocabulary: resume and posting headings, other languages, collisions, your own headings."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from atsmatch import Analyzer
from atsmatch.structure.headings import heading_kind
from atsmatch.structure.vocabulary import HeadingKind, HeadingVocabulary


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        # resume headings
        ("About Me", "summary"), ("ABOUT ME", "summary"), ("Profile", "summary"), ("Professional Summary", "summary"),
        ("Work Experience", "experience"), ("Education", "education"), ("Skills", "skills"), ("Projects", "projects"),
        ("Languages", "languages"), ("Certifications", "certifications"),
        # posting headings and their collisions with resume ones
        ("About you", "required"), ("Your profile", "required"), ("About Globex", "company"), ("ABOUT GLOBEX", "company"),
        ("About us", "company"), ("About the role", "overview"), ("Requirements", "required"), ("Nice to have", "preferred"),
        # German, French, Spanish, Swedish
        ("Anforderungen", "required"), ("Ihr Profil", "required"), ("Dein Profil:", "required"), ("Was du mitbringst", "required"),
        ("Wir bieten", "benefits"), ("Aufgaben", "responsibilities"), ("Deine Aufgaben", "responsibilities"),
        ("Wünschenswert", "preferred"), ("Über uns", "company"),
        ("Profil recherché", "required"), ("Missions", "responsibilities"), ("Vos missions", "responsibilities"),
        ("Ce que nous offrons", "benefits"), ("Qui sommes-nous", "company"),
        ("Requisitos", "required"), ("Responsabilidades", "responsibilities"), ("Ofrecemos", "benefits"),
        ("Se valorará", "preferred"), ("Sobre nosotros", "company"),
        ("Vi erbjuder", "benefits"), ("Kvalifikationer", "required"), ("Arbetsuppgifter", "responsibilities"),
        ("Meriterande", "preferred"), ("Om oss", "company"),
    ],
)  # fmt: skip
def test_heading_kinds(line, kind):
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "about me and my work on distributed systems.",
        "Wir bieten dir ein Team, das Python liebt, und viel mehr als das",
        "",
    ],
)
def test_not_headings(line):
    assert heading_kind(line) is None


def test_your_headings_win_and_others_stay():
    vocabulary = HeadingVocabulary().extended(
        HeadingKind(kind="required", patterns=(r"what makes you shine",))
    )
    assert heading_kind("What makes you shine", vocabulary) == "required"
    assert heading_kind("Benefits", vocabulary) == "benefits"
    assert heading_kind("What makes you shine") is None


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        (("requ(irements",), "not a valid regular expression"),
        (("(skills)",), "capturing groups"),
        ((".*",), "empty heading"),
    ],
)
def test_invalid_patterns_are_refused_with_the_pattern_named(patterns, message):
    with pytest.raises(ValidationError, match=message):
        HeadingKind(kind="skills", patterns=patterns)


def test_analyzer_passes_the_vocabulary_through(mini_analyzer):
    vocabulary = HeadingVocabulary().extended(HeadingKind(kind="required", patterns=(r"toolbox",)))
    analyzer = Analyzer(lexicon=mini_analyzer.lexicon, headings=vocabulary)
    extraction = analyzer.extract("Toolbox\n• Python\n• Docker")
    assert [s.kind for s in extraction.sections] == ["required"]
    assert [s.kind for s in mini_analyzer.extract("Toolbox\n• Python").sections] == ["preamble"]
