"""`--format html` and `-o/--output` on the command line: one page, written whole or not at all."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from atsmatch.cli import EXIT_INPUT, EXIT_USAGE, app

from ..conftest import DATA
from ..render.dom import parse

RESUME, POSTING = str(DATA / "resume.txt"), str(DATA / "posting.txt")


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: object):
        return runner.invoke(app, [str(a) for a in args])

    return invoke


def test_score_html_to_stdout(run):
    result = run("score", RESUME, POSTING, "--format", "html")
    assert result.exit_code == 0, result.output
    dom = parse(result.stdout)
    assert result.stdout.startswith("<!doctype html>")
    assert dom.find_all("section", cls="doc") and dom.by_id("score") is not None


def test_score_html_to_a_file_replaces_it_whole(run, tmp_path):
    out = tmp_path / "report.html"
    out.write_text("an older report")
    result = run("score", RESUME, POSTING, "-f", "html", "-o", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert os.listdir(tmp_path) == ["report.html"]  # no temporary file left beside it
    assert out.stat().st_mode & 0o044  # readable by others, like any file the user writes (umask allowing)


@pytest.mark.parametrize("format", ["text", "json", "markdown"])
def test_output_works_for_every_format(run, tmp_path, format):
    out = tmp_path / f"report.{format}"
    result = run("score", RESUME, POSTING, "-f", format, "--output", out)
    assert result.exit_code == 0, result.output
    assert (
        out.read_text(encoding="utf-8")
        == run("score", RESUME, POSTING, "-f", format, "--width", "100").stdout
    )
    assert "\x1b[" not in out.read_text(encoding="utf-8")  # never colour codes in a file


def test_output_into_a_missing_folder_is_a_usage_error(run, tmp_path):
    out = tmp_path / "no such folder" / "report.html"
    result = run("score", RESUME, POSTING, "-f", "html", "-o", out)
    assert result.exit_code == EXIT_USAGE
    assert "can't write" in result.stderr and "No such file or directory" in result.stderr
    assert not out.parent.exists()


def test_extract_refuses_html_with_a_reason(run):
    result = run("extract", RESUME, "--format", "html")
    assert result.exit_code == EXIT_USAGE
    assert "html is for score and rank" in result.stderr


def test_rank_html_rows_open_into_reports(run, tmp_path):
    out = tmp_path / "ranking.html"
    other = tmp_path / "other.txt"
    other.write_text("Jane Doe\njane@example.com\n\nSkills\nPython, Docker\n")
    result = run("rank", POSTING, RESUME, other, tmp_path / "missing.pdf", "-f", "html", "-o", out, "-j", "1")
    assert result.exit_code == EXIT_INPUT  # one resume can't be read: listed, and the code says so
    dom = parse(out.read_text(encoding="utf-8"))
    rows = dom.find_all("table", cls="ranking")[0].find_all("tr")[1:]
    assert [r.find_all("td")[1].text for r in rows] == [RESUME, str(other), str(tmp_path / "missing.pdf")]
    assert len(dom.find_all("details")) == 2 and len(dom.find_all("section", cls="doc")) == 4
    assert "no such file" in rows[2].text
