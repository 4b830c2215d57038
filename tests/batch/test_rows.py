"""Rows read the resume checks' years fields defensively: the fields the requirements work adds
(``experience_years``, ``experience`` comparisons) when present, None when absent."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from atsmatch.batch.rows import requirement_checks


@dataclass(frozen=True)
class Compared:  # the shape of a years comparison: what is asked, whether the resume meets it
    met: bool | None
    requirement: str = "required"


@dataclass(frozen=True)
class Checks:  # ResumeChecks as it may carry years (stand-in: those fields are not on main yet)
    highest_degree: str | None = None
    degree_requirement_met: bool | None = None
    experience_years: float | None = None
    experience: tuple = ()


@pytest.mark.parametrize(
    ("checks", "years_resume", "years_met"),
    [
        (Checks(), None, None),  # today's checks: nothing known, never "not met"
        (Checks(experience_years=6.5, experience=(Compared(True), Compared(True))), 6.5, True),
        (Checks(experience_years=2.0, experience=(Compared(True), Compared(False))), 2.0, False),
        (Checks(experience=(Compared(True), Compared(None))), None, None),  # one not comparable
        (Checks(experience=(Compared(True), Compared(False, "preferred"))), None, True),  # preferred aside
        (Checks(experience=(Compared(False, "preferred"),)), None, False),  # only preferred ones: those count
    ],
)
def test_years_read_when_present(mini_analyzer, checks, years_resume, years_met):
    from ..batch.conftest import POSTING

    analysis = mini_analyzer.read_posting(POSTING).analysis
    result = requirement_checks(analysis, checks)
    assert (result.years_resume, result.years_met) == (years_resume, years_met)
    assert result.years_required == 5
