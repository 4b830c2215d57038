import pytest

from atsmatch.understanding.degrees import degree_field, degree_fields, field_matches


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Bachelor's Degree", "bachelor"), ("Master's Degree", "master"), ("Master of Business Administration", "master"),
        ("Doctorate", "doctorate"), ("Associate Degree", "associate"), ("High School Diploma", "high school"),
        ("Bachelor of Science in Nursing", "bachelor"), ("Juris Doctor", "doctorate"), ("Higher National Diploma", "associate"),
        ("Higher National Certificate", "associate"), ("NVQ Level 3", "high school"), ("A-Levels", "high school"),
        ("Diploma", "associate"),
        # Certifications are never degrees, whatever their names say:
        ("Project Management Professional", None), ("Certified ScrumMaster", None),
        ("AWS Certified Solutions Architect - Associate", None), ("Cisco Certified Network Associate", None),
    ],
)  # fmt: skip
def test_degree_levels_come_from_the_lexicon(full_analyzer, name, level):
    assert full_analyzer.degree_levels.get(name) == level
    if level is None:
        assert full_analyzer.lexicon.entry(name) is not None, "the row must name a real entry"


def test_every_degree_entry_has_a_level(full_analyzer):
    degrees = [e.name for e in full_analyzer.lexicon.entries if e.group == "degree"]
    assert degrees and all(name in full_analyzer.degree_levels for name in degrees)
    assert set(full_analyzer.degree_levels) == set(degrees)


@pytest.mark.parametrize(
    ("after", "field"),
    [
        (" in Computer Science or related field", "Computer Science"), (", Mathematics", "Mathematics"),
        (" Statistics", "Statistics"), (" in CS", "CS"), (" degree in Engineering or related field", "Engineering"),
        (" or equivalent experience", None), (" required", None), ("", None), (" (2016)", None),
        (" in Electrical Engineering from MIT, 2014", "Electrical Engineering"),
    ],
)  # fmt: skip
def test_degree_field(after, field):
    assert degree_field(after) == field


@pytest.mark.parametrize(
    ("required", "held", "lenient", "expected"),
    [
        ("Computer Science", "CS", False, True), ("Computer Science", "Mathematics", False, False),
        ("Computer Science", "Mathematics", True, True), ("a quantitative field", "Physics", False, True),
        ("Mathematics", "Applied Mathematics", False, True), (None, "Physics", False, None), ("Physics", None, False, None),
    ],
)  # fmt: skip
def test_field_matches(required, held, lenient, expected):
    assert field_matches(required, held, lenient=lenient) is expected


def test_degree_field_decides_the_requirement(mini_analyzer):
    posting = "Engineer\nRequirements\nMaster's degree in Computer Science"
    assert (
        mini_analyzer.score("Education\nMSc in Mathematics", posting).resume_checks.degree_requirement_met
        is False
    )
    assert mini_analyzer.score("Education\nMSc in CS", posting).resume_checks.degree_requirement_met is True
    related = "Engineer\nRequirements\nBachelor's degree in Computer Science or related field"
    assert mini_analyzer.score("Education\nMSc Physics", related).resume_checks.degree_requirement_met is True


@pytest.mark.parametrize(
    ("after", "fields", "lenient"),
    [
        (" in Computer Science, Mathematics, Engineering, or a related field", ("Computer Science", "Mathematics", "Engineering"), True),
        (" degree in Computer Science or similar field.", ("Computer Science",), True),
        (" in Informatics or a comparable qualification", ("Informatics",), True),
        (" Informatics or a comparable qualification", ("Informatics",), True),
        (" (Hons) in Economics and Finance", ("Economics", "Finance"), False),
        (" in software engineering also welcome", ("software engineering",), False),
        (" in CS or equivalent experience", ("CS",), False),
        # Negative rows: no field written.
        (" would be an advantage", (), False), (" (MBA preferred).", (), False), ("", (), False),
        (" or a quantitative field", (), True),
    ],
)  # fmt: skip
def test_degree_fields(after, fields, lenient):
    found, _, related = degree_fields(after)
    assert (found, related) == (fields, lenient)


@pytest.mark.parametrize(
    ("posting_line", "name", "level", "alternatives"),
    [
        ("• BS/MS degree in Computer Science", "Bachelor's Degree", "bachelor", ("Master's Degree",)),
        ("• Masters in Business Administration", "Master of Business Administration", "master", ()),
        ("• Master's degree or PhD in Physics", "Master's Degree", "master", ("Doctorate",)),
        ("• HNC or HND in Electrical Engineering", "Higher National Certificate", "associate", ("Higher National Diploma",)),
        ("• NVQ Level 3 in Plumbing", "NVQ Level 3", "high school", ()),
        ("• Bachelor in Informatics", "Bachelor's Degree", "bachelor", ()),
    ],
)  # fmt: skip
def test_degree_requirements_read_from_postings(full_analyzer, posting_line, name, level, alternatives):
    analysis = full_analyzer.read_posting(f"Software Engineer\nRequirements\n{posting_line}\n").analysis
    (degree,) = analysis.degrees
    assert (degree.name, degree.level, degree.alternatives) == (name, level, alternatives)


@pytest.mark.parametrize(
    ("resume", "met"),
    [
        ("Education\nBSc (Hons) Computer Science, University of Leeds", True),
        ("Education\nMSc Physics, ETH Zürich", True),  # a master's meets a bachelor's, related field accepted
        ("Education\nHND Computing", False),
        ("Certifications\nCertified ScrumMaster\nAWS Certified Solutions Architect - Associate", False),
        ("Experience\nConfigured BSC and MSC nodes for a mobile operator", False),
    ],
)
def test_bachelor_or_master_requirement(full_analyzer, resume, met):
    posting = "Java Developer\nRequirements\n• BS/MS degree in Computer Science, Engineering, or a related subject\n"
    report = full_analyzer.score(resume, posting)
    assert report.resume_checks.degree_requirement_met is met
    degree_rows = [
        k.name for k in report.matched + report.missing if k.name in ("Bachelor's Degree", "Master's Degree")
    ]
    assert len(degree_rows) == 1  # BS/MS is one requirement in the score


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("• Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung", "bachelor"),
        ("• Masterabschluss in Wirtschaftsinformatik", "master"),
        ("• Bac+5 en école d'ingénieur", "master"),
        ("• Bac +3 minimum", "bachelor"),
        ("• Grado universitario en Ingeniería Informática", "bachelor"),
        ("• Kandidatexamen inom datavetenskap", "bachelor"),
        # negative rows: studies that are not a degree asked for
        ("• Du hast Spaß am Lernen", None),
        ("• Une formation continue est proposée", None),
    ],
)
def test_degrees_in_other_languages(full_analyzer, line, level):
    from atsmatch.understanding.posting import read_posting

    extraction = full_analyzer.extract(f"Profil\n{line}\n")
    degrees = read_posting(extraction, degree_levels=full_analyzer.degree_levels).analysis.degrees
    assert [d.level for d in degrees] == ([level] if level else [])
