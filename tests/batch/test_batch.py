"""The library's batch iterators: both directions, rows for failures, the same rows whatever the
number of workers, a posting that can't be read raised."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from atsmatch import InputError, batch

from ..conftest import FIXTURES
from .conftest import POSTING, POSTINGS, resume_variants


def _rows(results):
    return batch.sort_rows(results)


def test_rank_same_rows_for_one_and_two_workers(resume_folder, batch_settings):
    resumes = batch.expand_inputs([resume_folder]) + [resume_folder / "missing.txt"]
    sequential = _rows(batch.rank(POSTING, resumes, settings=batch_settings, jobs=1))
    as_finished = list(batch.rank(POSTING, resumes, settings=batch_settings, jobs=2))
    assert sorted(index for index, _ in as_finished) == list(range(len(resumes)))
    pooled = _rows(as_finished)
    assert sequential == pooled
    assert len(sequential) == 13 and sequential[-1].error.kind == "InputError"
    scores = [row.score for row in sequential[:-1]]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) > 3
    best = sequential[0]
    assert best.posting == str(POSTING) and best.matched > 0 and best.checks.years_required == 5


def test_rank_accepts_text_and_bytes_beside_paths(batch_settings):
    text, other = resume_variants(2)
    rows = _rows(batch.rank(POSTING.read_text(), [text, other.encode()], settings=batch_settings, jobs=1))
    assert [row.error for row in rows] == [None, None]
    assert {row.resume[:6] for row in rows} == {"<text ", "<bytes"}


def test_match_lists_each_postings_missing_keywords_best_first(resume_folder, batch_settings):
    resume = next(iter(batch.expand_inputs([resume_folder])))
    rows = _rows(batch.match(resume, POSTINGS, settings=batch_settings, jobs=1))
    assert [row.resume for row in rows] == [str(resume)] * len(POSTINGS)
    assert sorted(row.posting for row in rows) == sorted(map(str, POSTINGS))
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert all(len(row.top_missing) == min(row.missing, 5) for row in rows)
    weakest = [row for row in rows if row.matched + row.missing][-1]  # the weakest that asks for any
    assert weakest.missing > 0 and weakest.coverage.hard_skill is not None
    assert weakest.score < rows[0].score and rows[-1].warnings  # postings with no keyword: last, warned


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_posting_that_cannot_be_read_is_raised(tmp_path, jobs, batch_settings):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    with pytest.raises(InputError, match="empty"):
        list(batch.rank(empty, resume_variants(3), settings=batch_settings, jobs=jobs))
    with pytest.raises(InputError, match="no such file"):
        list(batch.rank(tmp_path / "nope.txt", resume_variants(3), settings=batch_settings, jobs=jobs))


def test_a_resume_read_by_key_scores_like_its_file(tmp_path, batch_settings):
    text = resume_variants(1)[0]
    path = tmp_path / "r.txt"
    path.write_text(text)
    [(_, by_text)] = batch.rank(POSTING, [text], settings=batch_settings, jobs=1)
    [(_, by_file)] = batch.rank(POSTING, [Path(path)], settings=batch_settings, jobs=1)
    assert by_text.score == by_file.score and by_text.top_missing == by_file.top_missing


def test_a_read_posting_is_reused_by_content_not_identity(mini_analyzer):
    text = POSTING.read_text()
    first = mini_analyzer.read_posting(mini_analyzer.extract(text))
    again = mini_analyzer.read_posting(mini_analyzer.extract(text))  # a new Extraction, equal content
    other = mini_analyzer.read_posting(mini_analyzer.extract(text + "\nKubernetes required."))
    assert again is first and other is not first
    assert mini_analyzer.read_posting(first) is first  # a PostingReading is taken as it is
    report = mini_analyzer.score(resume_variants(1)[0], first)
    assert report == mini_analyzer.score(resume_variants(1)[0], text) and report.matched


def test_a_posting_without_keywords_warns_in_the_rows_not_on_stderr(batch_settings, capfd):
    posting = "Office manager. We are a friendly team in a sunny office.\n"
    rows = _rows(batch.rank(posting, resume_variants(2), settings=batch_settings, jobs=2))
    assert [row.score for row in rows] == [0.0, 0.0]
    assert all("no keyword atsmatch recognises" in row.warnings[0] for row in rows)
    assert "AtsmatchWarning" not in capfd.readouterr().err


def _hostile(folder):
    """Three hostile files: a FIFO, a /dev/zero link, an encrypted PDF."""
    os.mkfifo(folder / "resume_fifo.txt")
    (folder / "resume_zero.txt").symlink_to("/dev/zero")
    (folder / "resume_locked.pdf").write_bytes((FIXTURES / "encrypted.pdf").read_bytes())
    return {"resume_fifo.txt", "resume_zero.txt", "resume_locked.pdf"}


def test_a_tenth_hostile_all_good_scored_every_bad_reported(tmp_path, batch_settings):
    """On a pool of two: hostile files must cost only their own worker."""
    for number, text in enumerate(resume_variants(27)):
        (tmp_path / f"resume_{number:02}.txt").write_text(text)
    bad = _hostile(tmp_path)
    started = time.monotonic()
    files = batch.expand_inputs([tmp_path])
    rows = _rows(batch.rank(POSTING, files, settings=batch_settings, jobs=2, time_limit=3))
    assert time.monotonic() - started < 120
    assert len(rows) == 30
    scored = [r for r in rows if r.error is None]
    failed = {os.path.basename(r.resume): r.error for r in rows if r.error}
    assert len(scored) == 27 and set(failed) == bad
    assert failed["resume_zero.txt"].message.endswith("is a device, not a document file.")
    assert failed["resume_locked.pdf"].kind == "EncryptedDocumentError"
    assert failed["resume_fifo.txt"].kind  # stopped by the time limit, or refused as a pipe
    assert all(r.error for r in rows[27:])  # failures last
