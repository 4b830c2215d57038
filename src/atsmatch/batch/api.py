"""Both directions of a batch as iterators: ``rank`` (many resumes, one posting) and ``match`` (one
resume, many postings). Rows are yielded as they finish; ``sort_rows`` gives the shown order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from ..errors import InputError
from ..models import BatchError, PairResult
from ..readers.source import read_regular_file
from .pool import Failure
from .rows import error_row
from .run import DEFAULT_TIME_LIMIT, pair_rows_of, run_pairs, runner
from .shortlist import KeywordIndex
from .worker import BatchSettings, DocumentRef, KeywordTask, PairTask, document_ref, keywords_task, score_task

__all__ = ["Document", "match", "pair_rows", "rank"]

Document = str | bytes | os.PathLike[str]  # str: text; bytes: a file's content; a path: a file


def rank(
    posting: Document,
    resumes: Iterable[Document],
    *,
    settings: BatchSettings = BatchSettings(),
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    top: int | None = None,
) -> Iterator[tuple[int, PairResult]]:
    """Score every resume against one posting; yield ``(index in resumes, row)`` as each finishes.

    Args:
        posting: the posting (a path, its text as ``str``, or a file's ``bytes``).
        resumes: resumes, each a path (read in a worker), text or bytes.
        settings: how each worker builds its ``Analyzer``.
        jobs: worker processes (default: every core; 1 runs here, without a pool).
        time_limit: seconds one resume may take before its worker is stopped.
        top: score only the ``top`` resumes by weighted keyword coverage (``KeywordIndex``); the
            others get no row, failures still do.

    A resume that fails gives an error row and the others go on.

    Raises:
        InputError: the posting can't be read (raised as soon as the first row shows it).
        LexiconError: a lexicon file is invalid.
    """
    fixed = _fixed_ref(posting, settings)
    if top is not None:
        refs = [document_ref(r) for r in resumes]
        return _shortlisted(fixed, refs, top, settings=settings, jobs=jobs, time_limit=time_limit, rank=True)
    tasks = _Pairs(fixed, resumes, fixed_is_posting=True)
    return _raising_for(run_pairs(tasks, settings, jobs=jobs, time_limit=time_limit), "posting")


def match(
    resume: Document,
    postings: Iterable[Document],
    *,
    settings: BatchSettings = BatchSettings(),
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
    top: int | None = None,
) -> Iterator[tuple[int, PairResult]]:
    """Score one resume against every posting; yield ``(index in postings, row)`` as each finishes.

    The job seeker's view: each row's ``top_missing`` is what that posting asks for and the resume
    lacks. Arguments and errors as ``rank``, with the sides swapped.
    """
    fixed = _fixed_ref(resume, settings)
    if top is not None:
        refs = [document_ref(p) for p in postings]
        return _shortlisted(fixed, refs, top, settings=settings, jobs=jobs, time_limit=time_limit, rank=False)
    tasks = _Pairs(fixed, postings, fixed_is_posting=False)
    return _raising_for(run_pairs(tasks, settings, jobs=jobs, time_limit=time_limit), "resume")


def pair_rows(
    tasks: Sequence[PairTask],
    *,
    settings: BatchSettings = BatchSettings(),
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Iterator[tuple[int, PairResult]]:
    """Any pairs (a shortlist): rows as they finish; failures of either side are rows."""
    return run_pairs(tasks, settings, jobs=jobs, time_limit=time_limit)


class _Pairs(Sequence[PairTask]):
    """The fixed document paired with each of ``others``, each task made when the pool asks for
    it: a batch holds its inputs (a ``PathList`` of names), not a task for every file."""

    def __init__(self, fixed: DocumentRef, others: Iterable[Document], *, fixed_is_posting: bool) -> None:
        self._fixed = fixed
        self._others = others if isinstance(others, Sequence) else list(others)
        self._fixed_is_posting = fixed_is_posting

    def __len__(self) -> int:
        return len(self._others)

    def __getitem__(self, index):  # an int: the pool and the rows ask one at a time
        if isinstance(index, slice):
            return [self[number] for number in range(*index.indices(len(self)))]
        ref = document_ref(self._others[index])
        if self._fixed_is_posting:
            return PairTask(resume=ref, posting=self._fixed)
        return PairTask(resume=self._fixed, posting=ref)


def _shortlisted(
    fixed: DocumentRef, refs: list[DocumentRef], top: int, *, settings, jobs, time_limit, rank: bool
) -> Iterator[tuple[int, PairResult]]:
    """Keywords of every document (one pass), the ``top`` by coverage, then full reports of those."""
    tasks = [KeywordTask(fixed, as_posting=rank)] + [KeywordTask(ref, as_posting=not rank) for ref in refs]
    with runner(settings, jobs=jobs, time_limit=time_limit, size=len(refs)) as run:
        index, wanted = KeywordIndex(), {}
        for number, outcome in sorted(run(keywords_task, tasks), key=lambda item: item[0]):
            failed = outcome if isinstance(outcome, (BatchError, Failure)) else None
            if number == 0 and failed:
                raise InputError(failed.message)
            if number == 0:
                wanted = outcome
            elif failed:
                ref = refs[number - 1]
                labels = (ref.label, fixed.label) if rank else (fixed.label, ref.label)
                yield number - 1, error_row(*labels, failed.kind, failed.message)
            else:
                index.add(str(number - 1), outcome)
        best = index.holders_covering(wanted, top) if rank else index.covered_by(wanted.keys(), top)
        chosen = [int(label) for label, _ in best]
        pairs = [PairTask(resume=refs[n], posting=fixed) if rank else PairTask(resume=fixed, posting=refs[n])
                 for n in chosen]  # fmt: skip
        for number, row in pair_rows_of(run(score_task, pairs), pairs):
            yield chosen[number], row


def _fixed_ref(source: Document, settings: BatchSettings) -> DocumentRef:
    """The document every pair shares, sent as content so each worker extracts it once."""
    if isinstance(source, (str, bytes)):
        return document_ref(source)
    path = os.fspath(source)
    # Only a regular file, read in bounded chunks: opening a FIFO blocks, and a device never ends.
    data = read_regular_file(Path(path), path, settings.limits.max_bytes)
    return document_ref(data, label=path)


def _raising_for(rows: Iterator[tuple[int, PairResult]], side: str) -> Iterator[tuple[int, PairResult]]:
    for index, row in rows:
        if row.error is not None and row.error.side == side:
            rows.close()
            raise InputError(row.error.message)
        yield index, row
