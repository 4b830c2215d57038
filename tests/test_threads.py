"""One Analyzer shared by threads, as a web service embedding atsmatch shares it: results equal a
sequential run's, from a fresh Analyzer whose tagger fills its weight cache while the threads run.

Before the Matcher compiled eagerly and locked spaCy, 41 of these 64-call threads' calls failed
with a raw KeyError: the lazy path mutated its pending patterns while other threads matched.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import atsmatch
from atsmatch import Analyzer
from atsmatch import analyzer as analyzer_module

from .conftest import DATA, EXAMPLES

THREADS = 8
# Each thread runs every document once, each from another offset, so all 8 run at once on a fresh
# analyzer (32 documents: enough for the 41-of-64 failure of old; each call costs a few ms).
CALLS = 32


def _texts() -> list[str]:
    """32 different documents: each names different skills and words, so each touches other state."""
    lines = [
        line
        for path in (
            EXAMPLES / "posting.txt",
            DATA / "resume.txt",
            *sorted((DATA / "postings").glob("*.txt")),
        )
        for line in path.read_text(encoding="utf-8").splitlines()
        if len(line.split()) >= 4
    ]
    assert len(lines) >= CALLS
    return ["\n".join(lines[i::CALLS]) for i in range(CALLS)]


TEXTS = _texts()
POSTING = (EXAMPLES / "posting.txt").read_text(encoding="utf-8")
SHORT_POSTING = (DATA / "posting.txt").read_text(encoding="utf-8")


def _in_threads(call) -> list[list[object]]:
    """``call(i)`` for every i in each of 8 threads (each starting at another i), all at once."""
    start = threading.Barrier(THREADS)

    def worker(offset: int) -> list[object]:
        start.wait()
        return [call((offset * (CALLS // THREADS) + i) % CALLS) for i in range(CALLS)]

    with ThreadPoolExecutor(THREADS) as pool:
        results = list(pool.map(worker, range(THREADS)))
    # Put every thread's results back in call order, to compare with the sequential run.
    return [
        [row[(i - offset * (CALLS // THREADS)) % CALLS] for i in range(CALLS)]
        for offset, row in enumerate(results)
    ]


def test_one_analyzer_shared_by_8_threads(full_analyzer):
    expected = [full_analyzer.extract(text) for text in TEXTS]
    shared = Analyzer()  # fresh: no tagger loaded and no weights cached before the threads start
    for row in _in_threads(lambda i: shared.extract(TEXTS[i])):
        assert row == expected


def test_scores_from_8_threads_equal_a_sequential_run(mini_analyzer, mini_lexicon):
    posting = mini_analyzer.extract(POSTING)
    expected = [mini_analyzer.score(text, posting) for text in TEXTS]
    shared = Analyzer(lexicon=mini_lexicon, tagger=False, lists=False)  # as mini_analyzer
    # Some calls pass the posting's text, the others one ready extraction: threads share the
    # analyzer's last-posting cache too, and must never pair a posting with another's reading.
    for row in _in_threads(lambda i: shared.score(TEXTS[i], POSTING if i % 8 == 0 else posting)):
        assert row == expected


def test_module_functions_build_one_default_analyzer_for_all_threads(full_analyzer, monkeypatch):
    monkeypatch.setattr(analyzer_module, "_default", [])  # as in a fresh process
    posting = full_analyzer.extract(SHORT_POSTING)

    def call(i: int, analyzer=atsmatch):
        return analyzer.extract(TEXTS[i]) if i % 2 else analyzer.score(TEXTS[i], posting)

    expected = [call(i, full_analyzer) for i in range(CALLS)]
    built: list[Analyzer] = []
    real_init = Analyzer.__init__

    def counting_init(self, *args, **kwargs):
        built.append(self)
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(Analyzer, "__init__", counting_init)
    for row in _in_threads(call):
        assert row == expected
    assert len(built) == 1 and atsmatch.default_analyzer() is built[0]
