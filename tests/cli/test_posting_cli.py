"""`atsmatch posting`, `--title`, and `extract --posting` through typer's CliRunner."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from atsmatch.cli import EXIT_INPUT, EXIT_USAGE, app
from atsmatch.models import SCHEMA_VERSION

from ..conftest import DATA

POSTING = str(DATA / "postings" / "personalization_ml.txt")
CRUFT = str(DATA / "postings" / "jobboard_cruft.txt")
RESUME = str(DATA / "resume.txt")


@pytest.fixture
def run():
    runner = CliRunner()
    return lambda *args: runner.invoke(app, [str(a) for a in args])


def test_posting_text_view(run):
    result = run("posting", POSTING, "--width", "120")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Senior Machine Learning Engineer (line 3, company_colon): from 'Soundwave : Senior Machine" in out
    assert "lines 17-27: required ('Who you are')" in out
    assert "any one of: Scala, Java, Kotlin (line 20" in out
    assert "5+ years of Python (required, line 18)" in out
    assert (
        "doctorate: 'Ph.D. in Computer Science' (required, or a related field, or equivalent experience"
        in out
    )
    assert "line 26: legal text" in out
    assert "Docker (line 24): the employer describing itself or its product" in out
    # Required before preferred: the choice between PyTorch and TensorFlow is listed as preferred.
    assert (
        out.index("Required keywords")
        < out.index("any one of: TensorFlow, PyTorch")
        < out.index("Unspecified")
    )


def test_posting_json_is_the_posting_report(run):
    data = json.loads(run("posting", POSTING, "--format", "json").stdout)
    assert data["schema_version"] == SCHEMA_VERSION
    analysis = data["analysis"]
    assert analysis["title_evidence"] == {
        "rule": "company_colon", "line": 3, "text": "Soundwave : Senior Machine Learning Engineer, Personalization",
    }  # fmt: skip
    groups = {g["id"]: sorted(g["keywords"]) for g in analysis["alternatives"]}
    assert sorted(groups.values()) == [["Java", "Kotlin", "Scala"], ["PyTorch", "TensorFlow"]]
    python = next(r for r in analysis["requirements"] if r["name"] == "Python")
    assert (python["requirement"], python["alternatives"], python["lines"]) == ("required", None, [18])
    assert {(r["start_line"], r["end_line"]) for r in analysis["ignored_lines"]} >= {(26, 26), (28, 32)}


def test_posting_markdown(run):
    out = run("posting", POSTING, "--format", "markdown").stdout
    assert out.startswith("# atsmatch: the posting ")
    assert "## Years of experience" in out and "- 5+ years of Python" in out


def test_title_option_overrides_the_title(run):
    out = run("posting", POSTING, "--title", "Recommendations Engineer").stdout
    assert "Recommendations Engineer (given)" in out
    scored = json.loads(
        run("score", RESUME, POSTING, "--title", "Recommendations Engineer", "-f", "json").stdout
    )
    assert scored["posting_analysis"]["title"] == "Recommendations Engineer"
    assert scored["resume_checks"]["job_title"] == "Recommendations Engineer"


def test_extract_posting_lists_keywords_outside_the_body_apart(run):
    out = run("extract", CRUFT, "--posting", "--width", "120").stdout
    table, outside = out.split("Only outside the posting's body (10): not scored")
    assert "Kubernetes" in table and "TensorFlow" not in table
    assert "TensorFlow (line 47): " in outside
    assert "Terraform (line 13): the employer about itself" in outside
    plain = run("extract", CRUFT, "--width", "120").stdout
    assert "TensorFlow" in plain and "Only outside" not in plain


def test_extract_posting_as_json_points_to_the_posting_view(run):
    refused = run("extract", CRUFT, "--posting", "-f", "json")
    assert refused.exit_code == EXIT_USAGE and refused.stdout == ""
    assert "atsmatch posting FILE -f json" in " ".join(refused.stderr.split())
    reading = json.loads(run("posting", CRUFT, "-f", "json").stdout)
    ignored = {k["name"] for k in reading["analysis"]["ignored_keywords"]}
    assert {"TensorFlow", "Terraform"} <= ignored


def test_posting_of_a_missing_file_is_an_input_error(run, tmp_path):
    result = run("posting", tmp_path / "nope.txt")
    assert result.exit_code == EXIT_INPUT
    assert "nope.txt" in result.stderr and "Traceback" not in result.output


def test_posting_view_prints_control_characters_escaped(run, tmp_path):
    posting = tmp_path / "job.txt"
    posting.write_text("Requirements\n- Python\n", encoding="utf-8")
    for format in ("text", "markdown"):
        out = run("posting", posting, "--format", format, "--title", "Data Engineer\x1b[2J").stdout
        assert "\x1b" not in out and "\\x1b[2J" in out
