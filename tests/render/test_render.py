"""Renderers: golden text at a fixed width without colour (read once by a person), Markdown, JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from atsmatch import read_document
from atsmatch.render import render_extraction, render_ranking, render_report

from ..conftest import DATA

GOLDEN = DATA / "golden"
# Regenerate after an intended change with ATSMATCH_UPDATE_GOLDEN=1 pytest tests/test_render.py,
# then read the diff before committing.
UPDATE = os.environ.get("ATSMATCH_UPDATE_GOLDEN") == "1"


def _read(name: str):
    # Named by file name, not path, so the golden output doesn't depend on the checkout's location.
    return read_document(DATA / name, name=name)


@pytest.fixture(scope="module")
def report(mini_analyzer):
    return mini_analyzer.score(_read("resume.txt"), _read("posting.txt"))


def _check_golden(name: str, rendered: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    assert rendered == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "format", "explain"),
    [("report.txt", "text", False), ("report_explain.txt", "text", True), ("report.md", "markdown", True)],
)
def test_report_golden(report, name, format, explain):
    _check_golden(name, render_report(report, format, explain=explain, width=100))


def test_extraction_golden(mini_analyzer):
    extraction = mini_analyzer.extract(_read("resume.txt"))
    _check_golden("extraction.txt", render_extraction(extraction, "text", width=100))


def test_text_report_states_the_essentials(report):
    rendered = render_report(report, "text", width=100)
    assert f"Score {report.score:g} / 100" in rendered
    assert "Tensorflow2" in rendered and "Near-misses" in rendered
    assert "\x1b[" not in rendered  # no colour unless asked
    assert "\x1b[" in render_report(report, "text", width=100, color=True)


def test_json_round_trips(report):
    from atsmatch import MatchReport

    assert MatchReport.model_validate_json(render_report(report, "json")) == report


def test_ranking_renders_errors_last(mini_analyzer, tmp_path):
    good = DATA / "resume.txt"
    ranking = mini_analyzer.rank([good, tmp_path / "missing.pdf"], Path(DATA / "posting.txt"))
    text = render_ranking(ranking, "text", width=200)
    assert text.index("resume.txt") < text.index("missing.pdf")
    assert "no such file" in text
    data = json.loads(render_ranking(ranking, "json"))
    assert [r["error"] is None for r in data["results"]] == [True, False]
    assert "| error |" in render_ranking(ranking, "markdown")
