"""Issue 8, class 5: lists written one item per line confirm their ambiguous items (Airflow, Go,
Spark, Swift) as items on one line do: under a skills-like heading, or beside a known skill.
Realistic pages, and prose where the same words are ordinary words."""

from __future__ import annotations

import pytest

from atsmatch import Analyzer
from atsmatch.extraction.context import ContextRules
from atsmatch.models import Confirmation

POSTING_REQUIRED_SKILLS = """\
Senior Data Engineer
Acme Analytics · Berlin, Germany (Hybrid)
Apply now
Save

About the role
You will build and run the batch and streaming pipelines behind our reporting products, working
with analysts and product managers across three time zones.

Required Skills
Airflow
Apache Spark
SQL

Nice to have
Terraform
Kubernetes

We are an equal opportunity employer.
"""

RESUME_TOOL_COLUMN = """\
JANE DOE
Backend Engineer · jane@example.com · +44 20 7946 0000

EXPERIENCE
Platform Engineer, Northwind Ltd (2019 - 2024)
Moved the billing services to containers and cut deploy time from an hour to six minutes.

TOOLS
• Docker
• Go
• Swift
• Spark
• Excel
• Terraform
• Kubernetes

EDUCATION
B.Sc. Computer Science, University of Leeds
"""

RESUME_TOOLS_ONE_LINE = RESUME_TOOL_COLUMN.replace(
    "• Docker\n• Go\n• Swift\n• Spark\n• Excel\n• Terraform\n• Kubernetes",
    "Docker, Go, Swift, Spark, Excel, Terraform, Kubernetes",
)

# A pill list as a PDF reader gives it: one pill a line, no bullets, beside known skills.
RESUME_PILLS = """\
Skills & interests
Python
Go
Spark
Docker
Hiking
"""

PROSE = """\
Who we are
We move fast and go where our customers need us.
Spark joy in the team, and go the extra mile.
Go
Ready when you are.
"""

VALUES = """\
Our values
Spark
Care
Grow
"""


def names(analyzer: Analyzer, text: str, rules: ContextRules | None = None) -> set[str]:
    if rules is not None:
        analyzer = Analyzer(lexicon=analyzer.lexicon, context_rules=rules)
    return {k.name for k in analyzer.extract(text).keywords}


# (document, expected names, names that must not match, why)
CASES = [
    (
        POSTING_REQUIRED_SKILLS,
        {"Apache Airflow", "Apache Spark", "SQL", "Terraform", "Kubernetes"},
        set(),
        "one per line under 'Required Skills'",
    ),
    (
        RESUME_TOOL_COLUMN,
        {"Docker", "Go", "Swift", "Apache Spark", "Microsoft Excel", "Terraform", "Kubernetes"},
        set(),
        "a bulleted column of seven tools",
    ),
    (
        RESUME_TOOLS_ONE_LINE,
        {"Docker", "Go", "Swift", "Apache Spark", "Microsoft Excel", "Terraform", "Kubernetes"},
        set(),
        "the same tools on one line",
    ),
    (RESUME_PILLS, {"Python", "Go", "Apache Spark", "Docker"}, set(), "a pill list beside known skills"),
    (PROSE, set(), {"Go", "Apache Spark"}, "prose lines with go and spark, and a lone 'Go' beside prose"),
    (VALUES, set(), {"Apache Spark"}, "a one-per-line list that is not of skills"),
]


@pytest.mark.parametrize(("text", "expected", "must_not", "why"), CASES, ids=[c[3] for c in CASES])
def test_one_per_line_lists(full_analyzer, text, expected, must_not, why):
    found = names(full_analyzer, text)
    assert expected <= found, why
    assert not (must_not & found), why


def test_the_column_and_the_line_give_the_same_keywords(full_analyzer):
    assert names(full_analyzer, RESUME_TOOL_COLUMN) == names(full_analyzer, RESUME_TOOLS_ONE_LINE)


def test_list_items_say_what_confirmed_them(full_analyzer):
    extraction = full_analyzer.extract(POSTING_REQUIRED_SKILLS)
    airflow = extraction.keyword("Apache Airflow").mentions[0]
    # The item below (Apache Spark, unambiguous) speaks first; the heading would too.
    assert airflow.confirmed_by == Confirmation(kind="list_item", keyword="Apache Spark")
    assert str(airflow.confirmed_by) == "one-per-line list with 'Apache Spark'"
    alone = full_analyzer.extract("Required Skills\nAirflow\n").keyword("Apache Airflow").mentions[0]
    assert alone.confirmed_by == Confirmation(kind="list_item", word="Required Skills")


def test_the_rule_can_be_switched_off(full_analyzer):
    assert "Apache Airflow" not in names(
        full_analyzer, POSTING_REQUIRED_SKILLS, ContextRules(vertical_lists=False)
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Required Skills\nSee the job description for details.\nAirflow\n", "a sentence ends the list"),
        (
            "Required Skills\nWe schedule everything with Airflow and love it.\n",
            "a prose line is not an item",
        ),
        ("Tools\nGo to the portal and upload your CV\n", "an item must be the form alone"),
        (
            "Required Skills\nExperience with our internal tools\nAirflow\n",
            "the heading does not reach past a long line",
        ),
    ],
)
def test_what_is_not_a_list_item(full_analyzer, text, why):
    assert "Apache Airflow" not in names(full_analyzer, text) and "Go" not in names(full_analyzer, text), why


def test_lowercase_list_only_forms_need_a_listed_tool_not_a_heading(full_analyzer):
    assert "Go" not in names(full_analyzer, "Skills\ngo\n")
    assert "Go" in names(full_analyzer, "Skills\npython\ngo\n")
