"""Integration: the bundled examples with the shipped lexicon, as a new user runs them."""

from __future__ import annotations

import runpy

import pytest

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def reports(full_analyzer):
    posting = full_analyzer.extract(EXAMPLES / "posting.txt")
    return {name: full_analyzer.score(EXAMPLES / name, posting) for name in ("resume.pdf", "resume.docx")}


def test_pdf_and_docx_resumes_agree(reports):
    pdf, docx = reports["resume.pdf"], reports["resume.docx"]
    assert {k.name for k in pdf.matched} == {k.name for k in docx.matched}
    assert pdf.score == pytest.approx(docx.score, abs=0.5)


def test_example_report_is_meaningful(reports):
    report = reports["resume.pdf"]
    assert 30 < report.score < 90
    matched = {k.name for k in report.matched}
    missing = {k.name for k in report.missing}
    assert {"Python", "PyTorch", "Docker", "Natural Language Processing"} <= matched
    assert "Apache Spark" in missing
    assert "Kubernetes" in {n.name for n in report.near_misses}  # the resume writes "Kubernets"


def test_library_example_runs(capsys):
    runpy.run_path(str(EXAMPLES / "use_library.py"), run_name="__main__")
    assert "resume.pdf:" in capsys.readouterr().out
