"""The Spark UDFs in local mode: text and binaryFile columns, struct columns shaped like the JSON,
errors as values, Parquet round trip. Skipped without pyspark or Java."""

from __future__ import annotations

import json
import shutil

import pytest

from ..batch.conftest import POSTING, resume_variants
from ..conftest import FIXTURES

pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:
    pytest.skip("Java is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def settings(mini_lexicon):
    """The mini lexicon and no tagger: the UDFs' plumbing is the point here (each Spark Python
    worker compiles it in milliseconds); the example job below runs the shipped lexicon."""
    from atsmatch.batch import BatchSettings

    return BatchSettings(lexicon=mini_lexicon, tagger=False)


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("atsmatch-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_extract_udf_over_binary_files(spark, tmp_path, settings):
    from atsmatch.spark import extract_udf

    for number, text in enumerate(resume_variants(3)):
        (tmp_path / f"r{number}.txt").write_text(text)
    shutil.copy(FIXTURES / "encrypted.pdf", tmp_path / "locked.pdf")
    files = spark.read.format("binaryFile").load(str(tmp_path))
    out = files.select("path", extract_udf(settings)("content").alias("x")).orderBy("path").collect()
    assert [row.path.rsplit("/", 1)[-1] for row in out] == ["locked.pdf", "r0.txt", "r1.txt", "r2.txt"]
    locked, first = out[0].x, out[1].x
    assert locked.error.kind == "EncryptedDocumentError" and locked.keywords is None
    assert first.error is None and first.format == "text"
    python = next(k for k in first.keywords if k.name == "Python")
    assert all(first.text[m.start : m.end] == m.text for m in python.mentions)


def test_score_udf_rows_match_the_cli_rows_and_write_parquet(spark, tmp_path, settings):
    from atsmatch import batch
    from atsmatch.spark import score_udf

    resumes = [text.encode() for text in resume_variants(4)] + [(FIXTURES / "encrypted.pdf").read_bytes()]
    posting = POSTING.read_text()
    frame = spark.createDataFrame([(r, posting) for r in resumes], "resume binary, posting string")
    scored = frame.select(score_udf(settings)("resume", "posting").alias("row"))
    scored.write.parquet(str(tmp_path / "scores.parquet"))
    rows = [
        r.row.asDict(recursive=True) for r in spark.read.parquet(str(tmp_path / "scores.parquet")).collect()
    ]
    expected = [r.model_dump(mode="json") for _, r in batch.rank(posting, resumes, settings=settings, jobs=1)]
    key = lambda row: json.dumps(row, sort_keys=True)  # noqa: E731
    assert sorted(rows, key=key) == sorted(expected, key=key)
    assert [r["error"]["kind"] for r in rows if r["error"]] == ["EncryptedDocumentError"]
    assert sum(r["score"] is not None for r in rows) == 4


def test_example_job_shortlists_scores_and_writes_parquet(spark, tmp_path, monkeypatch):
    """examples/spark_job.py end to end (last here: the job stops the shared session)."""
    import importlib.util

    from ..conftest import EXAMPLES

    resumes, postings = tmp_path / "resumes", tmp_path / "postings"
    resumes.mkdir()
    postings.mkdir()
    for number, text in enumerate(resume_variants(4)):
        (resumes / f"r{number}.txt").write_text(text)
    shutil.copy(EXAMPLES / "resume.pdf", resumes / "example.pdf")
    shutil.copy(POSTING, postings / "a.txt")
    shutil.copy(EXAMPLES / "posting.txt", postings / "b.txt")
    spec = importlib.util.spec_from_file_location("spark_job", EXAMPLES / "spark_job.py")
    job = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(job)
    out = tmp_path / "scores.parquet"
    monkeypatch.setattr("sys.argv", ["spark_job.py", str(resumes), str(postings), str(out), "--top", "2"])
    job.main()

    import pyarrow.parquet as pq

    rows = pq.read_table(out).to_pylist()
    assert len(rows) == 4  # the top 2 resumes for each of 2 postings
    assert {row["posting"].rsplit("/", 1)[-1] for row in rows} == {"a.txt", "b.txt"}
    assert all(row["score"] is not None and row["error"] is None for row in rows)
    assert all(0 < row["shortlist_coverage"] <= 1 for row in rows)
