"""One Analyzer shared by threads, as a web service embedding atsmatch shares it: results equal a
sequential run's, whether patterns are compiled up front or as documents need them.

Before the Matcher compiled eagerly and locked spaCy, 41 of these 64-call threads' calls failed
with a raw KeyError: the lazy path mutated its pending patterns while other threads matched.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import atsmatch
from atsmatch import Analyzer, analyzer as analyzer_module

from .conftest import DATA, EXAMPLES

THREADS = 8
CALLS = 64


def _texts() -> list[str]:
    """64 different documents: each names different skills, so each compiles different patterns."""
    lines = [
        line
        for path in (EXAMPLES / "posting.txt", DATA / "resume.txt", *sorted((DATA / "postings").glob("*.txt")))
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 4
    ]
    assert len(lines) >= CALLS
    return ["\n".join(lines[i::CALLS]) for i in range(CALLS)]


TEXTS = _texts()
POSTING = (EXAMPLES / "posting.txt").read_text(encoding="utf-8")


def _in_threads(call) -> list[list[object]]:
    """``call(i)`` for i in 0..63 in each of 8 threads (each starting at another i), all at once."""
    start = threading.Barrier(THREADS)

    def worker(offset: int) -> list[object]:
        start.wait()
        return [call((offset * 8 + i) % CALLS) for i in range(CALLS)]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))
    # Put every thread's results back in call order, to compare with the sequential run.
    return [[row[(i - offset * 8) % CALLS] for i in range(CALLS)] for offset, row in enumerate(results)]


@pytest.mark.parametrize("on_demand", [True, False], ids=["compiled-on-demand", "compiled-up-front"])
def test_one_analyzer_shared_by_8_threads(full_analyzer, on_demand):
    expected = [full_analyzer.extract(text) for text in TEXTS]
    shared = Analyzer(on_demand=on_demand)  # fresh: nothing compiled before the threads start
    for row in _in_threads(lambda i: shared.extract(TEXTS[i])):
        assert row == expected


def test_scores_from_8_threads_equal_a_sequential_run(full_analyzer):
    posting = full_analyzer.extract(POSTING)
    expected = [full_analyzer.score(text, posting) for text in TEXTS]
    shared = Analyzer(on_demand=True)
    # Half the calls pass the posting's text, half a ready extraction: the posting cache is shared too.
    for row in _in_threads(lambda i: shared.score(TEXTS[i], POSTING if i % 2 else posting)):
        assert row == expected


def test_module_functions_build_one_default_analyzer_for_all_threads(full_analyzer, monkeypatch):
    monkeypatch.setattr(analyzer_module, "_default", [])  # as in a fresh process
    expected = [full_analyzer.extract(text) for text in TEXTS]
    built: list[Analyzer] = []
    real_init = Analyzer.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "__init__", counting_init)
    for row in _in_threads(lambda i: atsmatch.extract(TEXTS[i])):
        assert row == expected
    assert len(built) == 1 and atsmatch.default_analyzer() is built[0]
