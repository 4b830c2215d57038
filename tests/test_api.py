"""The public surface: __all__, the JSON contract other tools read, and the pinned JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

import atsmatch
from atsmatch import Analyzer, Extraction, MatchReport

from .conftest import DATA

SCHEMA = DATA / "match_report.schema.json"


def test_all_is_pinned():
    assert sorted(atsmatch.__all__) == [
        "Analyzer", "AtsmatchError", "CategoryCoverage", "Document", "DocumentTooLargeError",
        "EncryptedDocumentError", "Extraction", "InputError", "Keyword", "Lexicon", "LexiconEntry",
        "LexiconError", "MatchReport", "MatchedKeyword", "Mention", "MissingKeyword", "NearMiss",
        "NoTextError", "RankedResume", "Ranking", "ReadLimits", "ScoreFormula", "ScoringWeights",
        "Suggestion", "UnsupportedFormatError", "__version__", "default_analyzer",
        "document_from_text", "extract", "load_lexicon", "read_document", "score",
    ]  # fmt: skip
    for name in atsmatch.__all__:
        assert hasattr(atsmatch, name)


def test_import_loads_nothing_heavy():
    code = "import sys, atsmatch; print(sorted(m for m in ('spacy', 'pypdf', 'docx', 'rapidfuzz') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_error_tree():
    assert issubclass(atsmatch.InputError, atsmatch.AtsmatchError)
    assert issubclass(atsmatch.LexiconError, atsmatch.AtsmatchError)
    for sub in (atsmatch.EncryptedDocumentError, atsmatch.NoTextError, atsmatch.UnsupportedFormatError,
                atsmatch.DocumentTooLargeError):  # fmt: skip
        assert issubclass(sub, atsmatch.InputError)


def test_extract_json_contract(mini_analyzer):
    data = json.loads(mini_analyzer.extract("Skills: Python, NLP and Kubernetes").model_dump_json())
    assert set(data) >= {"text", "keywords"}
    for keyword in data["keywords"]:
        assert keyword["category"] in ("hard_skill", "soft_skill", "certification")
        assert isinstance(keyword["name"], str)
        for mention in keyword["mentions"]:
            assert data["text"][mention["start"] : mention["end"]] == mention["text"]


def test_score_json_contract(mini_analyzer):
    data = json.loads(mini_analyzer.score("Python", "Python and Docker").model_dump_json())
    assert 0 <= data["score"] <= 100
    assert [(k["name"], k["category"]) for k in data["matched"]] == [("Python", "hard_skill")]
    assert [(k["name"], k["category"]) for k in data["missing"]] == [("Docker", "hard_skill")]


def test_json_schema_is_pinned():
    # A change here changes the contract other tools read: bump SCHEMA_VERSION and say so in the
    # changelog, then regenerate with ATSMATCH_UPDATE_GOLDEN=1.
    import os

    schema = json.dumps(MatchReport.model_json_schema(mode="serialization"), indent=2, sort_keys=True) + "\n"
    if os.environ.get("ATSMATCH_UPDATE_GOLDEN") == "1":
        SCHEMA.write_text(schema, encoding="utf-8")
    assert schema == SCHEMA.read_text(encoding="utf-8")


def test_str_is_text_and_path_is_a_file(mini_analyzer, tmp_path):
    path = tmp_path / "resume.txt"
    path.write_text("Python and Docker", encoding="utf-8")
    assert [k.name for k in mini_analyzer.extract(path).keywords] == ["Python", "Docker"]
    assert mini_analyzer.extract(str(path)).keywords == ()  # a str is text: the path names no skill
    assert [k.name for k in mini_analyzer.extract(path.read_bytes()).keywords] == ["Python", "Docker"]


def test_models_are_frozen(mini_analyzer):
    extraction = mini_analyzer.extract("Python")
    with pytest.raises(ValidationError):
        extraction.keywords[0].name = "Java"  # type: ignore[misc]
    assert Extraction.model_validate_json(extraction.model_dump_json()) == extraction


def test_module_level_functions_use_the_shipped_lexicon():
    report = atsmatch.score("Python, Docker", "Python, Docker and Kubernetes")
    assert {k.name for k in report.matched} == {"Python", "Docker"}
    assert atsmatch.default_analyzer() is atsmatch.default_analyzer()


def test_rank_keeps_every_result_and_sorts_errors_last(mini_analyzer, tmp_path):
    strong, weak, broken = tmp_path / "strong.txt", tmp_path / "weak.txt", tmp_path / "broken.pdf"
    strong.write_text("Python, Docker, Kubernetes", encoding="utf-8")
    weak.write_text("Python", encoding="utf-8")
    broken.write_bytes(b"%PDF-1.7 garbage")
    ranking = mini_analyzer.rank([weak, broken, strong], "Python, Docker, Kubernetes")
    assert [Path(r.source).name for r in ranking.results] == ["strong.txt", "weak.txt", "broken.pdf"]
    assert ranking.results[0].score == 100
    assert ranking.results[-1].score is None and "not a readable PDF" in ranking.results[-1].error


def test_analyzer_accepts_extra_lexicons(tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("entries:\n  - name: Airtable\n    category: hard_skill\n", encoding="utf-8")
    assert Analyzer(extra_lexicons=[extra]).extract("Airtable and Python").keyword("Airtable") is not None
