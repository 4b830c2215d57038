"""Run pairs on a pool of workers (or in this process with one job) and yield rows as they finish."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from .. import errors
from ..models import PairResult
from .pool import Failure, WorkerPool, WorkerStartError
from .rows import error_row
from .worker import BatchSettings, PairTask, WorkerState, score_task, setup

__all__ = ["DEFAULT_TIME_LIMIT", "default_jobs", "pair_rows_of", "run_pairs", "runner"]

DEFAULT_TIME_LIMIT = 60.0  # seconds per pair; a genuine 50-page PDF takes a few seconds


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def run_pairs(
    tasks: Sequence[PairTask],
    settings: BatchSettings,
    *,
    jobs: int | None = None,
    time_limit: float = DEFAULT_TIME_LIMIT,
) -> Iterator[tuple[int, PairResult]]:
    """Score every task; yield ``(index in tasks, row)`` in the order they finish.

    With ``jobs == 1`` (or one task) no pool is started: the pairs run here, one after another, the
    time limit enforced by an alarm signal where this is the main thread (an alarm can't interrupt
    a long call inside C code: use two jobs or more for hostile inputs).

    Raises:
        LexiconError: a lexicon file is invalid (raised before any pair runs).
    """
    with runner(settings, jobs=jobs, time_limit=time_limit, size=len(tasks)) as run:
        yield from pair_rows_of(run(score_task, tasks), tasks)


def pair_rows_of(outcomes: Iterator[tuple[int, Any]], tasks: Sequence[PairTask]):
    """Outcomes of ``score_task`` as rows: a ``Failure`` (time limit, crash) becomes an error row."""
    for index, outcome in outcomes:
        if isinstance(outcome, Failure):
            task = tasks[index]
            outcome = error_row(task.resume.label, task.posting.label, outcome.kind, outcome.message)
        yield index, outcome


@contextlib.contextmanager
def runner(
    settings: BatchSettings, *, jobs: int | None, time_limit: float, size: int
) -> Iterator[Callable[[Callable[[WorkerState, Any], Any], Sequence[Any]], Iterator[tuple[int, Any]]]]:
    """A ``run(function, tasks)`` yielding ``(index, result or Failure)``: here with one job, else on
    one pool kept for every run inside the ``with`` (so the workers start, and load the lexicon,
    once). ``size`` is the number of tasks expected, so no more workers start than have work."""
    jobs = min(jobs or default_jobs(), max(size, 1))
    if jobs == 1:
        state = WorkerState(settings)
        yield lambda function, tasks: (
            (index, _with_alarm(function, state, task, time_limit)) for index, task in enumerate(tasks)
        )
        return
    with _compiled_once(settings) as settings:
        try:
            with WorkerPool(setup, (settings,), jobs=jobs, time_limit=time_limit) as pool:
                yield pool.run
        except WorkerStartError as exc:
            raise _rebuilt(exc.kind, str(exc)) from None


@contextlib.contextmanager
def _compiled_once(settings: BatchSettings) -> Iterator[BatchSettings]:
    """Settings whose cache holds the compiled lexicon, built here once: workers load it instead
    of each compiling it, and an invalid lexicon is reported before any worker starts. Without a
    cache folder, a temporary one serves this batch. The built-in lexicon alone ships compiled in
    the wheel: nothing to build or check here (a stale table in a source checkout is compiled by
    each worker), and this process does not hold the table for nothing."""
    from ..lexicon.cache import load_form_table

    if settings.lexicon is not None or not settings.extra_lexicons:
        yield settings  # a ready Lexicon (each worker compiles it), or the shipped table
        return
    with contextlib.ExitStack() as stack:
        if settings.cache_dir is None:
            folder = stack.enter_context(tempfile.TemporaryDirectory(prefix="atsmatch-batch-"))
            settings = dataclasses.replace(settings, cache_dir=folder)
        load_form_table(settings.extra_lexicons, Path(settings.cache_dir))
        yield settings


class _TimeLimitExceeded(BaseException):
    """Raised by the alarm; a BaseException so the task's own ``except Exception`` lets it through."""


def _with_alarm(
    function: Callable[[WorkerState, Any], Any], state: WorkerState, task: Any, time_limit: float
):
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return function(state, task)

    def expire(signum: int, frame: object) -> None:
        raise _TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, time_limit)
    try:
        return function(state, task)
    except _TimeLimitExceeded:
        return Failure(
            "TimeLimitExceeded", f"took longer than the time limit of {time_limit:g} s and was stopped."
        )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        with contextlib.suppress(ValueError):
            signal.signal(signal.SIGALRM, previous)


def _rebuilt(kind: str, message: str) -> errors.AtsmatchError:
    """The typed atsmatch error a worker raised while starting (a bad lexicon, mostly)."""
    cls = getattr(errors, kind, None)
    if isinstance(cls, type) and issubclass(cls, errors.LexiconError):
        return errors.LexiconError(message)
    return errors.InputError(f"a worker could not start: {message}")
