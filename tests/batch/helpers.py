"""Task functions for the pool tests: importable by worker processes, so not defined in a test."""

from __future__ import annotations

import os
import signal
import time


def setup(offset: int) -> int:
    return offset


def run(offset: int, task: tuple[str, float]) -> int:
    """``("sleep", s)`` sleeps like a hung reader; ``("die", 0)`` kills its own process."""
    action, value = task
    if action == "sleep":
        time.sleep(value)
    elif action == "die":
        os.kill(os.getpid(), signal.SIGKILL)
    return offset + int(value)


def failing_setup(offset: int) -> int:
    raise ValueError("no lexicon today")


def allocate(state: object, mib: int) -> str:
    """Allocate ``mib`` MiB in a worker built by atsmatch's own setup (with its memory limit)."""
    try:
        block = bytearray(mib * 1_048_576)
    except MemoryError:
        return "MemoryError"
    return f"allocated {len(block) // 1_048_576}"
