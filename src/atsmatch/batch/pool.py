"""A process pool whose workers each run one task at a time under a wall-clock limit.

``concurrent.futures`` can't stop one task: a file that hangs a reader (a FIFO, a device, a
pathological PDF) would hold its worker, and the batch, forever. Here each worker has its own pipe;
a task past its limit gets its worker killed and replaced, and is reported as ``TimeLimitExceeded``;
a worker that dies (out of memory, a crash in C code) is reported as ``WorkerCrashed``. Workers
start from a fork server that has imported the heavy modules once, then build their own state
(the compiled lexicon) once, before their first task; the time limit starts with each task.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

__all__ = ["Failure", "WorkerPool", "WorkerStartError"]

logger = logging.getLogger(__name__)

# Imported once by the fork server, so each new worker starts with spaCy already loaded.
_PRELOAD = ["atsmatch.batch.worker", "atsmatch.extraction.matcher", "pypdf", "docx"]


@dataclass(frozen=True)
class Failure:
    """A task that produced no result: ``kind`` is TimeLimitExceeded or WorkerCrashed."""

    kind: str
    message: str


class WorkerStartError(Exception):
    """A worker could not build its state; carries the original error's class name and message."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass
class _Worker:
    process: Any
    conn: Connection
    ready: bool = False
    task: tuple[int, Any] | None = None
    started: float = 0.0


class WorkerPool:
    """``jobs`` worker processes, each with ``state = setup(*setup_args)``, running
    ``function(state, task)`` for the tasks given to ``run`` (several runs share the workers).

    ``function`` (a module-level function) must return a picklable result for any task (catch your
    own errors); a task that exceeds ``time_limit`` seconds or kills its worker yields a ``Failure``
    instead. Use as a context manager: leaving it stops every worker, also on Ctrl-C.
    """

    def __init__(
        self,
        setup: Callable[..., Any],
        setup_args: tuple[Any, ...] = (),
        *,
        jobs: int,
        time_limit: float,
    ) -> None:
        self._setup = setup
        self._setup_args = setup_args
        self._jobs = max(1, jobs)
        self._time_limit = time_limit
        if "forkserver" in multiprocessing.get_all_start_methods():
            self._context = multiprocessing.get_context("forkserver")
            self._context.set_forkserver_preload(_PRELOAD)
        else:  # Windows: each worker imports everything itself
            self._context = multiprocessing.get_context("spawn")
        self._workers: list[_Worker] = []

    def __enter__(self) -> WorkerPool:
        self._workers = [self._start() for _ in range(self._jobs)]
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Stop every worker: politely if idle, killed if busy."""
        for worker in self._workers:
            try:
                if worker.task is None and worker.process.is_alive():
                    worker.conn.send(None)
            except (OSError, ValueError):
                pass
        deadline = time.monotonic() + 2.0
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()) if worker.task is None else 0)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers = []

    def run(self, function: Callable[[Any, Any], Any], tasks: Iterable[Any]) -> Iterator[tuple[int, Any]]:
        """``function(state, task)`` for every task; yield ``(index in tasks, result or Failure)`` as
        each finishes."""
        queue = iter(enumerate(tasks))
        exhausted = False
        while True:
            for worker in self._workers:
                if worker.ready and worker.task is None and not exhausted:
                    item = next(queue, None)
                    if item is None:
                        exhausted = True
                        break
                    worker.task, worker.started = item, time.monotonic()
                    worker.conn.send((function, item[1]))
            busy = [w for w in self._workers if w.task is not None]
            if exhausted and not busy:
                return
            yield from self._collect(self._wait(busy))

    def _wait(self, busy: list[_Worker]) -> list[Any]:
        now = time.monotonic()
        deadlines = [w.started + self._time_limit - now for w in busy]
        timeout = max(0.0, min(deadlines)) if deadlines else None
        handles = [w.conn for w in self._workers] + [w.process.sentinel for w in self._workers]
        return wait(handles, timeout)

    def _collect(self, ready: list[Any]) -> Iterator[tuple[int, Any]]:
        for position, worker in enumerate(list(self._workers)):
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    message = worker.conn.recv() if worker.conn.poll() else _DIED
                except (EOFError, OSError):
                    message = _DIED
                if message is _DIED:
                    yield from self._replace(position, "WorkerCrashed", _crash_message(worker))
                elif not worker.ready:
                    self._started(worker, message)
                else:
                    index, _ = worker.task
                    worker.task = None
                    yield index, message
            elif worker.task is not None and time.monotonic() - worker.started >= self._time_limit:
                yield from self._replace(
                    position,
                    "TimeLimitExceeded",
                    f"took longer than the time limit of {self._time_limit:g} s and was stopped. "
                    "A file that blocks when read (a pipe, a device) or a pathological document does "
                    "this; raise the limit (--time-limit) if the file is genuine.",
                )

    def _started(self, worker: _Worker, message: Any) -> None:
        if isinstance(message, tuple) and message and message[0] == "ready":
            worker.ready = True
            return
        self.close()
        _, kind, text = message
        raise WorkerStartError(kind, text)

    def _replace(self, position: int, kind: str, message: str) -> Iterator[tuple[int, Any]]:
        worker = self._workers[position]
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        self._workers[position] = self._start()
        if worker.task is not None:
            yield worker.task[0], Failure(kind, message)
        elif not worker.ready:
            raise WorkerStartError(kind, "a worker process died while starting: " + message)

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(child, self._setup, self._setup_args), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process=process, conn=parent)


_DIED = object()


def _crash_message(worker: _Worker) -> str:
    worker.process.join(0.5)
    code = worker.process.exitcode
    how = f"was killed by signal {-code}" if code is not None and code < 0 else f"exited ({code})"
    return (
        f"the worker reading this file {how}, most likely out of memory. The file is probably "
        "hostile or far larger than a resume; the other files were not affected."
    )


def _serve(conn: Connection, setup: Callable, setup_args: tuple) -> None:
    """A worker's loop: build the state once, then answer tasks until told to stop (None)."""
    # Ctrl-C goes to the whole process group: the parent decides, workers don't print tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        state = setup(*setup_args)
    except Exception as exc:
        conn.send(("failed", type(exc).__name__, str(exc)))
        return
    conn.send(("ready",))
    while (message := conn.recv()) is not None:
        function, task = message
        conn.send(function(state, task))
