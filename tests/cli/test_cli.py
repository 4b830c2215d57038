"""The command line through typer's CliRunner: outputs, exit codes, and every error path's message."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from atsmatch import EncryptedDocumentError
from atsmatch.cli import EXIT_BELOW_MIN_SCORE, EXIT_INPUT, EXIT_LEXICON, EXIT_USAGE, app

from ..conftest import DATA, FIXTURES, write

RESUME, POSTING = str(DATA / "resume.txt"), str(DATA / "posting.txt")


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(app, [str(a) for a in args], input=input)

    return invoke


def test_score_text(run):
    result = run("score", RESUME, POSTING, "--width", "100")
    assert result.exit_code == 0, result.output
    assert "Score " in result.stdout and "Missing, most important first" in result.stdout
    assert "Suggestions" in result.stdout


def test_score_json_contract(run):
    result = run("score", RESUME, POSTING, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert 0 <= data["score"] <= 100
    assert {"name", "category"} <= set(data["matched"][0]) and {"name", "category"} <= set(data["missing"][0])


def test_extract_json_contract(run):
    result = run("extract", RESUME, "-f", "json")
    data = json.loads(result.stdout)
    assert data["keywords"]
    for keyword in data["keywords"]:
        for mention in keyword["mentions"]:
            assert data["text"][mention["start"] : mention["end"]] == mention["text"]


@pytest.mark.parametrize(
    ("args", "marker"),
    [(("--format", "markdown"), "## Coverage"), (("--explain",), "Each posting keyword's weight")],
)
def test_score_formats(run, args, marker):
    assert marker in run("score", RESUME, POSTING, *args).stdout


def test_min_score_sets_exit_code(run):
    below = run("score", RESUME, POSTING, "--min-score", "99")
    assert below.exit_code == EXIT_BELOW_MIN_SCORE
    assert "is below --min-score 99" in below.stderr
    above = run("score", RESUME, POSTING, "--min-score", "1")
    assert (above.exit_code, above.stderr) == (0, "")


def test_stdin(run):
    result = run("score", "-", POSTING, "-f", "json", input="Python, SQL, Docker")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["resume"]["source"] == "<stdin>"


def test_extra_lexicon(run, tmp_path):
    extra = write(tmp_path, "mine.yaml", "entries:\n  - name: Airtable\n    category: hard_skill\n")
    resume = write(tmp_path, "r.txt", "Airtable")
    result = run("extract", resume, "--lexicon", extra, "-f", "json")
    assert "Airtable" in [k["name"] for k in json.loads(result.stdout)["keywords"]]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("score", FIXTURES / "encrypted.pdf", POSTING), EXIT_INPUT, "password-protected"),
        (("score", FIXTURES / "image_only.pdf", POSTING), EXIT_INPUT, "no text layer"),
        (("score", FIXTURES / "corrupt.pdf", POSTING), EXIT_INPUT, "not a readable PDF"),
        (("score", FIXTURES / "empty.txt", POSTING), EXIT_INPUT, "is empty"),
        (("score", FIXTURES / "not_really.pdf", POSTING), EXIT_INPUT, "is a PNG image"),
        (("score", FIXTURES / "legacy.doc", POSTING), EXIT_INPUT, "legacy Word"),
        (("score", FIXTURES / "latin1.txt", POSTING), EXIT_INPUT, "not UTF-8"),
        (("score", RESUME, DATA / "absent.txt"), EXIT_INPUT, "no such file"),
        (("score", FIXTURES / "text.pdf", POSTING, "--max-mib", "0.001"), EXIT_INPUT, "over the limit"),
        (("extract", RESUME, "--lexicon", DATA / "absent.yaml"), EXIT_LEXICON, "no such file"),
        (("lexicon", "validate", DATA / "absent.yaml"), EXIT_LEXICON, "no such file"),
    ],
)
def test_errors_are_one_line_without_traceback(run, args, code, message):
    result = run(*args)
    assert result.exit_code == code
    assert result.stderr.startswith("atsmatch: error: ")
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_invalid_lexicon_names_line_and_entry(run, tmp_path):
    bad = write(
        tmp_path, "bad.yaml", "entries:\n  - name: Python\n    category: hard_skill\n    alias: [py]\n"
    )
    result = run("lexicon", "validate", bad)
    assert result.exit_code == EXIT_LEXICON
    assert f"{bad}, line 2, entry 'Python': unknown key 'alias'" in result.stderr


def test_encoding_option(run):
    result = run("extract", FIXTURES / "latin1.txt", "--encoding", "latin-1", "-f", "json")
    data = json.loads(result.stdout)
    assert "Compétences" in data["text"]  # decoded as Latin-1, not refused as non-UTF-8
    assert "Python" in [k["name"] for k in data["keywords"]]


def test_debug_reraises(run):
    result = run("score", FIXTURES / "encrypted.pdf", POSTING, "--debug")
    assert isinstance(result.exception, EncryptedDocumentError)
    assert "password-protected" in str(result.exception)
    assert "atsmatch: error:" not in result.stderr  # raised, not reported


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("score", RESUME), "Missing argument 'POSTING'"),
        (("score", RESUME, POSTING, "--format", "pdf"), "'pdf' is not one of"),
        (("score", "-", "-"), "only one of RESUME and POSTING can be '-'"),
        (("nonsense",), "No such command 'nonsense'"),
        (("score", RESUME, POSTING, "--min-score", "150"), "Invalid value for '--min-score'"),
    ],
)
def test_usage_errors_exit_2_and_say_why(run, args, message):
    result = run(*args)
    assert result.exit_code == EXIT_USAGE
    assert message in result.stderr
    assert result.stdout == ""


def test_rank_keeps_good_results_when_one_file_fails(run, tmp_path):
    good = write(tmp_path, "good.txt", "Python, SQL, Kubernetes, Docker")
    result = run("rank", POSTING, good, FIXTURES / "encrypted.pdf", "-f", "json", "-j", "1")
    assert result.exit_code == EXIT_INPUT
    data = json.loads(result.stdout)
    assert [r["score"] is not None for r in data["rows"]] == [True, False]
    assert "password-protected" in data["rows"][1]["error"]["message"]


def test_lexicon_validate_and_stats(run, tmp_path):
    mine = write(tmp_path, "mine.yaml", "entries:\n  - name: Zorblax Studio\n    category: hard_skill\n")
    result = run("lexicon", "validate", mine)
    assert result.exit_code == 0 and "valid" in result.stdout
    stats = run("lexicon", "stats")
    assert stats.exit_code == 0 and "hard_skill:" in stats.stdout


def test_help_and_version(run):
    help_text = run("--help").stdout
    assert "score" in help_text and "Exit codes" in help_text
    assert run("--version").stdout.startswith("atsmatch ")


def test_a_posting_without_keywords_is_a_warning_in_the_report_only(run, tmp_path, recwarn):
    posting = write(tmp_path, "posting.txt", "We are a friendly company with a great culture.")
    result = run("score", RESUME, posting, "--width", "100")
    assert result.exit_code == 0
    assert "warning: The posting has no keyword atsmatch recognises" in result.stdout
    # Not also Python's "...: AtsmatchWarning: ..." line on stderr (pytest records it instead).
    assert [w for w in recwarn if w.category.__name__ == "AtsmatchWarning"] == []
    assert result.stderr == ""


def test_no_tagger_leaves_the_trained_tagger_out(run):
    example = str(DATA.parent.parent / "examples" / "posting.txt")
    sources = {}
    for flag in ("--tagger", "--no-tagger"):
        result = run("extract", example, "--format", "json", flag)
        assert result.exit_code == 0, result.output
        sources[flag] = {k["source"] for k in json.loads(result.stdout)["keywords"]}
    assert "tagger" in sources["--tagger"], "the example posting has skills only the tagger finds"
    assert "tagger" not in sources["--no-tagger"] and "lexicon" in sources["--no-tagger"]


def test_rank_takes_no_size_limit_and_no_tagger(run):
    result = run("rank", POSTING, RESUME, "--max-mib", "inf", "--no-tagger", "--jobs", "1", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rows"][0]["score"] is not None
