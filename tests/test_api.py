"""The public surface: __all__, the JSON contract other tools read, and the pinned JSON Schema."""

from __future__ import annotations

import json
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError

import atsmatch
from atsmatch import Analyzer, Extraction, Keyword, MatchReport, Suggestion

from .conftest import DATA

SCHEMA = DATA / "match_report.schema.json"


PUBLIC = [
    "AlternativeGroup", "ExperienceCheck", "IgnoredKeyword", "IgnoredLines", "PostingReport",
    "PostingRequirement", "TitleEvidence", "render_posting",
    "Analyzer", "ArgumentError", "AtsmatchError", "AtsmatchWarning", "BatchError", "Category",
    "CategoryCoverage", "CategoryPercents", "Confirmation", "ContextRules",
    "DegreeRequirement", "Document", "DocumentFormat", "DocumentStructure", "DocumentSummary", "DocumentTooLargeError",
    "HeadingKind", "HeadingVocabulary", "IgnoredRange", "IgnoredReason", "JobPostingData", "read_structure",
    "EncryptedDocumentError", "ExperienceRequirement", "Extraction", "InputError", "Keyword", "Lexicon",
    "LexiconEntry", "LexiconError", "MatchReport", "MatchRule", "MatchedKeyword", "Mention",
    "MissingKeyword", "NearMiss", "NoTextError", "OutputFormat", "PairResult", "PostingAnalysis", "PostingReading", "RankedResume",
    "Ranking", "ReadLimits", "RequirementChecks", "RequirementLevel", "ResumeChecks", "SCHEMA_VERSION", "ScoreFormula",
    "ScoredKeyword", "ScoringWeights", "Section", "SectionKind", "Source", "Suggestion", "SuggestionKind",
    "UnknownRequirement", "UnsupportedFormatError", "WhereToAdd", "__version__", "check_resume",
    "default_analyzer", "document_from_text", "extract", "find_near_misses", "find_sections",
    "keyword_weight", "load_lexicon", "read_document", "read_posting", "render_extraction",
    "render_ranking", "render_ranking_html", "render_report", "render_report_html", "score", "score_extractions",
]  # fmt: skip


def test_all_is_pinned_and_closed():
    # As httpx's test: __all__ is exactly the package's public members (its submodules aside).
    public = {
        name
        for name, value in vars(atsmatch).items()
        if (not name.startswith("_") or name == "__version__") and not isinstance(value, types.ModuleType)
    }
    assert sorted(atsmatch.__all__) == sorted(public) == sorted(PUBLIC)


def _reachable_models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """Every model a model's fields can hold, found through their annotations."""
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        for inner in _types_in(field.annotation):
            if isinstance(inner, type) and issubclass(inner, BaseModel):
                _reachable_models(inner, seen)
    return seen


def _types_in(annotation) -> list:
    return [annotation, *(t for arg in typing.get_args(annotation) for t in _types_in(arg))]


def test_every_model_a_result_holds_is_exported():
    reachable: set[type[BaseModel]] = set()
    for root in (MatchReport, Extraction, atsmatch.Ranking, atsmatch.Document, atsmatch.PairResult):
        _reachable_models(root, reachable)
    assert {m.__name__ for m in reachable} - set(atsmatch.__all__) == set()
    for model in reachable:
        assert getattr(atsmatch, model.__name__) is model


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


def _json_types(value, key=None, seen=None):
    """Every key in a JSON value, with the JSON types it holds (null left out)."""
    seen = {} if seen is None else seen
    kind = {dict: "object", list: "array", str: "string", bool: "boolean", int: "number", float: "number"}
    if key is not None and value is not None:
        seen.setdefault(key, set()).add(kind[type(value)])
    if isinstance(value, dict):
        for name, item in value.items():
            _json_types(item, name, seen)
    elif isinstance(value, list):
        for item in value:
            _json_types(item, None, seen)
    return seen


@pytest.fixture(scope="module")
def payloads(mini_analyzer):
    resume, posting = DATA / "resume.txt", DATA / "posting.txt"
    return {
        "extract": json.loads(mini_analyzer.extract(resume).model_dump_json()),
        "score": json.loads(mini_analyzer.score(resume, posting).model_dump_json()),
        "rank": json.loads(mini_analyzer.rank([resume, DATA / "missing.pdf"], posting).model_dump_json()),
    }


def test_every_payload_has_the_schema_version(payloads):
    for name, data in payloads.items():
        assert data["schema_version"] == atsmatch.models.SCHEMA_VERSION == "2", name


def test_a_json_field_has_one_type_across_commands(payloads):
    types: dict[str, set[str]] = {}
    for data in payloads.values():
        for key, kinds in _json_types(data).items():
            types.setdefault(key, set()).update(kinds)
    assert {key: kinds for key, kinds in types.items() if len(kinds) > 1} == {}
    assert payloads["score"]["resume"]["keyword_count"] == len(payloads["extract"]["keywords"])


def test_derived_values_are_computed_not_trusted(mini_analyzer):
    report = mini_analyzer.score("Python", "Python, Docker and Kubernetes, Kubernetes")
    data = json.loads(report.model_dump_json())
    assert [k["rank"] for k in data["missing"]] == [1, 2]
    assert data["coverage"][0]["percent"] == report.coverage[0].percent
    data["missing"][0]["rank"], data["coverage"][0]["percent"] = 99, 12.5  # stale values in input
    data["matched"][0]["posting_mentions"][0]  # noqa: B018 - present
    back = MatchReport.model_validate(data)
    assert [k.rank for k in back.missing] == [1, 2] and back.coverage[0].percent == report.coverage[0].percent
    assert back == report
    keyword = mini_analyzer.extract("Python, python3 and Python").keywords[0]
    assert keyword.count == len(keyword.mentions) == 3
    assert "count" not in Keyword.model_fields and "count" in Keyword.model_computed_fields


def test_matched_missing_and_near_misses_share_one_base():
    for model in (atsmatch.MatchedKeyword, atsmatch.MissingKeyword, atsmatch.NearMiss):
        assert issubclass(model, atsmatch.ScoredKeyword)
        assert {"name", "category", "weight", "requirement", "in_title", "posting_mentions"} <= set(
            model.model_fields
        )


def test_suggestions_are_data_with_a_rendered_message(mini_analyzer):
    report = mini_analyzer.score("Skills: Kubernets, ML", "Kubernetes and Machine Learning, required")
    fix = next(s for s in report.suggestions if s.kind == "fix_near_miss")
    assert (fix.keyword, fix.posting_phrasing, fix.resume_phrasing, fix.line) == (
        "Kubernetes",
        "Kubernetes",
        "Kubernets",
        1,
    )
    phrasing = next(s for s in report.suggestions if s.kind == "use_posting_phrasing")
    assert (phrasing.posting_phrasing, phrasing.resume_phrasing) == ("Machine Learning", "ML")
    assert phrasing.message == (
        "The posting writes 'Machine Learning'; your resume writes 'ML'. Some ATSs match literally: use "
        "the posting's phrasing at least once (e.g. 'Machine Learning (ML)')."
    )
    data = json.loads(report.model_dump_json())["suggestions"]
    assert all(item["message"] for item in data)  # renderers and readers keep their message
    assert Suggestion.model_validate(data[0]) == report.suggestions[0]


def test_extract_json_contract(mini_analyzer):
    data = json.loads(mini_analyzer.extract("Skills: Python, NLP and Kubernetes").model_dump_json())
    assert set(data) >= {"schema_version", "text", "keywords"}
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


DOCUMENT_MEANINGS = [
    # (how the document is passed, what it names) for "Python and Docker" in resume.txt
    ("path", ["Python", "Docker"]),
    ("bytes", ["Python", "Docker"]),
    ("document", ["Python", "Docker"]),
    ("str-of-the-path", []),  # a str is text: the path itself names no skill
]


@pytest.mark.parametrize(("given", "expected"), DOCUMENT_MEANINGS, ids=[g for g, _ in DOCUMENT_MEANINGS])
def test_one_meaning_per_type(mini_analyzer, tmp_path, given, expected):
    path = tmp_path / "resume.txt"
    path.write_text("Python and Docker", encoding="utf-8")
    source = {
        "path": path,
        "bytes": path.read_bytes(),
        "document": atsmatch.read_document(path),
        "str-of-the-path": str(path),
    }[given]
    assert [k.name for k in mini_analyzer.extract(source).keywords] == expected


@pytest.mark.parametrize("wrong", [42, None, ["Python"], 3.5], ids=["int", "None", "list", "float"])
def test_anything_else_is_an_argument_error(mini_analyzer, wrong):
    with pytest.raises(atsmatch.ArgumentError, match="a document is a str"):
        mini_analyzer.extract(wrong)


def test_read_document_refuses_a_str(tmp_path):
    path = tmp_path / "resume.txt"
    path.write_text("Python", encoding="utf-8")
    with pytest.raises(atsmatch.ArgumentError, match="takes a pathlib.Path or bytes, not str") as caught:
        atsmatch.read_document(str(path))
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, atsmatch.AtsmatchError)
    assert "document_from_text" in str(caught.value)
    assert atsmatch.read_document(path).text == "Python"


def test_lexicon_and_extra_lexicons_together_are_an_error(mini_lexicon, tmp_path):
    with pytest.raises(atsmatch.ArgumentError, match="not both"):
        Analyzer(lexicon=mini_lexicon, extra_lexicons=[tmp_path / "mine.yaml"])
    with pytest.raises(atsmatch.ArgumentError, match="takes a list of files"):
        Analyzer(extra_lexicons="mine.yaml")


@pytest.mark.parametrize("on_demand", [True, False])
def test_on_demand_is_deprecated_and_ignored(mini_lexicon, on_demand):
    with pytest.warns(DeprecationWarning, match=r"on_demand=\.\.\.\) is ignored"):
        analyzer = Analyzer(lexicon=mini_lexicon, on_demand=on_demand, tagger=False, lists=False)
    assert [k.name for k in analyzer.extract("Python and Docker").keywords] == ["Python", "Docker"]


def test_analyzer_without_on_demand_does_not_warn(mini_lexicon, recwarn):
    Analyzer(lexicon=mini_lexicon, tagger=False)
    assert not [w for w in recwarn if issubclass(w.category, DeprecationWarning)]


def test_rank_gives_paths_and_strs_their_one_meaning(mini_analyzer, tmp_path):
    resume = tmp_path / "resume.txt"
    resume.write_text("Python, Docker", encoding="utf-8")
    posting = tmp_path / "posting.txt"
    posting.write_text("Python, Docker, Kubernetes", encoding="utf-8")
    ranking = mini_analyzer.rank([resume, "Python"], posting)
    assert [(r.source, r.score) for r in ranking.results] == [(str(resume), 66.7), ("<text 2>", 33.3)]
    assert ranking.warnings == ()


def test_a_posting_without_keywords_warns(mini_analyzer, tmp_path):
    resume = tmp_path / "resume.pdf"
    resume.write_text("Python, Docker", encoding="utf-8")
    # The old trap: a posting's file name passed as a str is the posting's text.
    with pytest.warns(atsmatch.AtsmatchWarning, match="no keyword atsmatch recognises") as caught:
        ranking = mini_analyzer.rank([resume], "posting.txt")
    assert len(caught) == 1  # once for the ranking, not once per resume
    assert ranking.results[0].score == 0 and "pathlib.Path" in ranking.warnings[0]
    with pytest.warns(atsmatch.AtsmatchWarning):
        report = mini_analyzer.score(resume, "posting.txt")
    assert report.warnings and report.score == 0


def test_a_posting_with_keywords_does_not_warn(mini_analyzer, recwarn):
    mini_analyzer.score("Python", "Python and Docker")
    assert not [w for w in recwarn if issubclass(w.category, atsmatch.AtsmatchWarning)]


def test_models_are_frozen(mini_analyzer):
    extraction = mini_analyzer.extract("Python")
    with pytest.raises(ValidationError, match="frozen"):
        extraction.keywords[0].name = "Java"  # type: ignore[misc]
    assert Extraction.model_validate_json(extraction.model_dump_json()) == extraction


def test_module_level_functions_use_the_shipped_lexicon():
    report = atsmatch.score("Python, Docker", "Python, Docker and Kubernetes")
    assert {k.name for k in report.matched} == {"Python", "Docker"}
    assert report.posting.keyword_count == 3


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
    extraction = Analyzer(extra_lexicons=[extra]).extract("Airtable and Python")
    assert [k.name for k in extraction.keywords] == ["Airtable", "Python"]  # merged over the built-in
