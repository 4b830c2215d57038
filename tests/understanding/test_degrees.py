import pytest

from atsmatch.understanding.degrees import degree_field, degree_level, field_matches


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("Bachelor's Degree", "bachelor"), ("Master's Degree", "master"), ("Master of Business Administration", "master"),
        ("MBA", "master"), ("Doctorate (PhD)", "doctorate"), ("Ph.D.", "doctorate"), ("Associate Degree", "associate"),
        ("High School Diploma", "high school"), ("Project Management Professional", None), ("BSN", "bachelor"),
    ],
)  # fmt: skip
def test_degree_level(name, level):
    assert degree_level(name) == level


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
