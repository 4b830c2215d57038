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
    # A long temporary path may fold over two lines: compare the rows' first characters.
    rows = [line for line in text.splitlines() if line[:4] in ("1   ", "-   ")]
    assert [row.split()[0] for row in rows] == ["1", "-"]
    assert "resume.txt" in rows[0] and "error" in rows[1]
    assert "no such file" in text
    data = json.loads(render_ranking(ranking, "json"))
    assert [r["error"] is None for r in data["results"]] == [True, False]
    assert "| error |" in render_ranking(ranking, "markdown")


@pytest.mark.parametrize("width", [80, 100])
def test_text_report_keeps_every_column_at_80_and_100(report, width):
    rendered = render_report(report, "text", explain=True, width=width)
    _check_golden("report_explain.txt" if width == 100 else f"report_explain_{width}.txt", rendered)
    lines = rendered.splitlines()
    assert max(len(line) for line in lines) <= width
    missing_header = next(line for line in lines if line.startswith("#   keyword"))
    assert missing_header.split() == [
        "#",
        "keyword",
        "category",
        "requirement",
        "weight",
        "in",
        "the",
        "posting",
    ]
    for keyword in report.missing:  # each row keeps its requirement and weight whole
        row = next(line for line in lines if line.startswith(f"{keyword.rank}   "))
        assert f" {keyword.requirement} " in row and f" {keyword.weight:g} " in row
    weights_header = lines[lines.index("Each posting keyword's weight") + 1]
    assert weights_header.split() == [
        "keyword",
        "category",
        "requirement",
        "mentions",
        "in",
        "title",
        "weight",
        "counted",
    ]


HOSTILE_POSTING = """[/b]Senior Data Engineer
Requirements
- [/] tooling
- Python and [bold red]Docker[/bold red]
- [link=https://evil.example]Kubernetes[/link]
"""


@pytest.fixture(scope="module")
def hostile_report(mini_analyzer):
    from atsmatch import document_from_text

    resume = document_from_text("Jane\nSkills: Python, [/y] Docker", source="x[/y].txt")
    posting = document_from_text(HOSTILE_POSTING, source="job\x1b[2J\x1b]0;pwned\x07.txt")
    # "[/b]Senior Data Engineer" does not read as a job title (the title finder says unknown rather
    # than guess), so it is given, as --title would: the point is how a title with markup prints.
    return mini_analyzer.score(resume, posting, title="[/b]Senior Data Engineer")


@pytest.mark.parametrize("format", ["text", "markdown"])
def test_document_strings_print_as_written(hostile_report, format):
    rendered = render_report(hostile_report, format, explain=True, width=100)
    assert "x[/y].txt" in rendered  # a file name with markup-like brackets, unchanged
    assert "[/b]Senior Data Engineer" in rendered  # the job title, brackets and all
    assert '"[/] tooling"' in rendered  # a requirement the lexicon lacks, as written
    assert "\x1b" not in rendered and "\x07" not in rendered  # no terminal escape reaches the screen
    assert "job\\x1b[2J\\x1b]0;pwned\\x07.txt" in rendered  # shown escaped instead


def test_markup_in_a_title_is_not_interpreted(hostile_report):
    title = hostile_report.posting_analysis.title
    assert title is not None and "[/b]" in title
    assert title in render_report(hostile_report, "text", width=100)


def test_extraction_and_ranking_print_names_as_written(mini_analyzer, tmp_path):
    from atsmatch import document_from_text

    odd = tmp_path / "cv[red]x[not]\x1b[31m.txt"  # a real file: no "/" in its name
    odd.write_text("Python [/] Docker", encoding="utf-8")
    extraction = mini_analyzer.extract(document_from_text("[/] Python [b]Go[/b]", source="a[/b].txt"))
    assert "a[/b].txt" in render_extraction(extraction, "text", width=80)
    ranking = mini_analyzer.rank([odd], "Python, Docker")
    text = render_ranking(ranking, "text", width=300)
    assert "cv[red]x[not]\\x1b[31m.txt" in text and "\x1b" not in text


@pytest.mark.parametrize("mention_text", ["machine\nlearning", "machine \n  learning"])
def test_mention_texts_never_span_lines(mini_analyzer, mention_text):
    # Issue 12: a form no longer matches across a line break, so no mention prints over two lines.
    extraction = mini_analyzer.extract(f"Skills: {mention_text}, Python")
    assert extraction.keyword("Machine Learning") is None
    for format in ("text", "markdown"):
        assert "Python" in render_extraction(extraction, format, width=100)


def test_every_ignored_reason_has_one_label_and_one_sentence():
    from typing import get_args

    from atsmatch import IgnoredReason
    from atsmatch.models import posting
    from atsmatch.render.common import IGNORED_REASON_WORDS

    assert posting.IgnoredReason is IgnoredReason  # one type for the page's and the reader's reasons
    assert list(IGNORED_REASON_WORDS) == list(get_args(IgnoredReason))
    for label, sentence in IGNORED_REASON_WORDS.values():
        assert label.strip() and sentence.strip() and len(label) <= len(sentence)
