"""The worker pool: results for every task, a hung task stopped and its worker replaced, a dead
worker reported, a failed start raised."""

from __future__ import annotations

import dataclasses
import time

import pytest

from atsmatch.batch import worker
from atsmatch.batch.pool import Failure, WorkerPool, WorkerStartError

from . import helpers


def test_hung_and_dying_tasks_cost_only_their_own_time():
    tasks = [("ok", 1), ("sleep", 600), ("ok", 2), ("die", 0), ("ok", 3), ("ok", 4)]
    started = time.monotonic()
    with WorkerPool(helpers.setup, (100,), jobs=2, time_limit=0.5) as pool:
        results = dict(pool.run(helpers.run, tasks))
    assert time.monotonic() - started < 60  # the sleeper (600 s) was stopped
    assert sorted(results) == list(range(len(tasks)))
    assert [results[i] for i in (0, 2, 4, 5)] == [101, 102, 103, 104]  # replaced workers went on
    assert isinstance(results[1], Failure) and results[1].kind == "TimeLimitExceeded"
    assert "time limit of 0.5 s" in results[1].message
    assert isinstance(results[3], Failure) and results[3].kind == "WorkerCrashed"
    assert "signal 9" in results[3].message


def test_a_worker_that_cannot_start_raises_its_error():
    pool = WorkerPool(helpers.failing_setup, (0,), jobs=2, time_limit=5)
    with pytest.raises(WorkerStartError, match="no lexicon today") as caught, pool:
        list(pool.run(helpers.run, [("ok", 1)]))
    assert caught.value.kind == "ValueError"


def test_no_tasks_no_results_and_a_pool_serves_several_runs():
    with WorkerPool(helpers.setup, (0,), jobs=2, time_limit=5) as pool:
        assert list(pool.run(helpers.run, [])) == []
        assert dict(pool.run(helpers.run, [("ok", 5)])) == {0: 5}  # the same workers, another run


def test_atsmatch_workers_have_a_memory_limit(batch_settings):
    settings = dataclasses.replace(batch_settings, max_memory_mib=1024)
    with WorkerPool(worker.setup, (settings,), jobs=1, time_limit=60) as pool:
        results = dict(pool.run(helpers.allocate, [4096, 16]))
    assert results == {0: "MemoryError", 1: "allocated 16"}  # refused, and the worker lives on
