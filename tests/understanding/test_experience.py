"""Years a posting asks for, tied to a skill or a field by a short evidence span."""

from __future__ import annotations

import pytest

from atsmatch.understanding.posting import read_posting


def years_of(analyzer, line: str):
    read = read_posting(
        analyzer.extract("Data Engineer\nRequirements\n" + line), degree_levels=analyzer.degree_levels
    )
    return [(e.years_min, e.years_max, e.subject, e.keyword) for e in read.analysis.experience]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("5+ years of experience with Python", [(5, None, "Python", "Python")]),
        ("Minimum of 3 years of professional experience in data engineering", [(3, None, "data engineering", None)]),
        ("3-5 years in backend development using Go", [(3, 5, "backend development", None)]),
        ("At least five years' experience with Docker", [(5, None, "Docker", "Docker")]),
        ("2+ yrs SQL", [(2, None, "SQL", "SQL")]),
        # The cases seen wrong (issue 8, class 8):
        ("Senior Data Engineer (5+ Years of", [(5, None, None, None)]),
        ("5+ years of of backend development", [(5, None, "backend development", None)]),
        ("3+ years of building high-performing, scalable, enterprise-grade applications.",
         [(3, None, "building high-performing, scalable, enterprise-grade applications", None)]),
        ("10+ years of Experience", [(10, None, None, None)]),
        ("Minimum 3 years experience. Bachelor's Degree in Computer Science.", [(3, None, None, None)]),
        # Negative rows: years that are not experience.
        ("A 4-year degree in Computer Science", []),
        ("Our company was founded 12 years ago", []),
        ("A 2 year contract, renewable", []),
        ("For more than 40 years, our teams have helped hospitals deliver safer care", []),
        ("For 25 years, we have built routing software", []),
        # German, French, Spanish and Swedish, with the word for experience
        ("Mindestens 3 Jahre Erfahrung mit Python", [(3, None, "Python", "Python")]),
        ("3-5 Jahre Berufserfahrung in der Softwareentwicklung", [(3, 5, "Softwareentwicklung", None)]),
        ("Vous avez au moins 3 ans d'expérience en Python", [(3, None, "Python", "Python")]),
        ("3 à 5 années d’expérience dans la data", [(3, 5, "la data", None)]),
        ("Al menos 4 años de experiencia con Docker", [(4, None, "Docker", "Docker")]),
        ("2-4 års erfarenhet av SQL", [(2, 4, "SQL", "SQL")]),
        # ... and without it, the employer's history or the contract, not experience
        ("Seit 20 Jahren entwickeln wir Buchungssoftware", []),
        ("Depuis 10 ans, nous aidons les réseaux de transport", []),
        ("Contrato de 2 años, renovable", []),
    ],
)  # fmt: skip
def test_years_and_their_subject(mini_analyzer, line, expected):
    assert years_of(mini_analyzer, line) == expected


def test_a_degree_is_never_the_subject_of_years(mini_analyzer):
    paragraph = "Minimum 3 years experience " + "in a fast-moving team that ships every week " * 81
    text = f"Data Engineer\nRequirements\n{paragraph}and a Bachelor's Degree."
    (years,) = read_posting(
        mini_analyzer.extract(text), degree_levels=mini_analyzer.degree_levels
    ).analysis.experience
    assert years.keyword is None and years.subject != "Bachelor's Degree"
    assert len(text) > 3_600 and len(years.text) <= 160
    assert years.text.startswith("Minimum 3 years experience in a fast-moving team")


def test_a_tagger_span_is_not_the_subject_of_years(mini_analyzer):
    from atsmatch.models import Keyword, Mention

    text = "Data Engineer\nRequirements\n3 years of experience in building high-performing services"
    extraction = mini_analyzer.extract(text)
    start = text.index("building high")
    tagged = Keyword(
        name="building high", category="hard_skill", source="tagger",
        mentions=(Mention(text="building high", start=start, end=start + 13, line=3, rule="name", form="building high"),),
    )  # fmt: skip
    extraction = extraction.model_copy(update={"keywords": (*extraction.keywords, tagged)})
    (years,) = read_posting(extraction).analysis.experience
    assert (years.subject, years.keyword) == ("building high-performing services", None)
