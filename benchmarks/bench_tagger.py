"""The skill tagger's speed against the pure-Python tagger it replaced (issue 12), in one run.

    python benchmarks/bench_tagger.py [--shared PATH] [--rounds N] [--out FILE]

Corpora: the SkillSpan dev postings as ``bench.py`` builds them (``../shared/eval/skillspan/dev.jsonl``;
left out, with a note, when absent) and the postings in ``tests/data/postings``. Each document goes
through ``Analyzer()`` once, untimed, to record the extraction the tagger is handed; both taggers are
checked to give the same spans on every document; then, in rounds, the baseline
(``tests/extraction/legacy_tagger.py``: the tagger before issue 12, features as strings and a
per-line float Viterbi, same weights) and ``SkillTagger`` take turns tagging every document (each
repeating the corpus for at least 0.3 CPU seconds a round). Figures are median rounds in CPU time;
the ratio is baseline time / new time (higher is better).

Also: ``Analyzer().extract`` in documents/s with the tagger off, with the baseline and with
``SkillTagger`` (the pipeline around it is the same); and the model's load in fresh processes
(median of 5), the baseline's reading (gzip + JSON) against ``SkillTagger.load()``, each after the
same imports. One CPU core, as ``bench.py``. Writes ``results/bench_tagger.json``.

``tagger_row(texts)`` gives ``bench.py`` the tagger's line for its own table, in one call.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench import pin_to_one_core  # beside this script

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
sys.path.insert(0, str(REPO))  # tests.extraction.legacy_tagger, the baseline

_LOAD = """
import time, sys
sys.path.insert(0, {repo!r})
from atsmatch.extraction.tagger import SkillTagger
from tests.extraction.legacy_tagger import LegacyTagger
started = time.perf_counter()
{call}.load()
print(time.perf_counter() - started)
"""


def default_shared() -> Path:
    """``../shared`` beside the checkout, or beside the folder of worktrees."""
    candidates = (REPO.parent / "shared", REPO.parent.parent / "shared")
    return next((p for p in candidates if p.is_dir()), candidates[0])


def skillspan_texts(shared: Path) -> list[str] | None:
    """The dev postings as bench.py builds them: tokens joined by spaces, sentences by newlines."""
    path = shared / "eval" / "skillspan" / "dev.jsonl"
    if not path.is_file():
        return None
    postings: dict[tuple[str, int], list[str]] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            sentence = json.loads(line)
            postings.setdefault((sentence["source"], sentence["idx"]), []).append(
                " ".join(sentence["tokens"])
            )
    return ["\n".join(sentences) for sentences in postings.values()]


def fixture_texts() -> list[str]:
    return [
        p.read_text(encoding="utf-8") for p in sorted((REPO / "tests" / "data" / "postings").glob("*.txt"))
    ]


class Recorder:
    """A tagger that keeps the extractions it is handed."""

    def __init__(self, tagger: Any) -> None:
        self.tagger, self.seen = tagger, []

    def tag(self, extraction: Any) -> Any:
        self.seen.append(extraction)
        return self.tagger.tag(extraction)


def tagger_inputs(texts: list[str], tagger: Any) -> list[Any]:
    import atsmatch

    recorder = Recorder(tagger)
    analyzer = atsmatch.Analyzer(tagger=recorder)
    for text in texts:
        analyzer.extract(text)
    return recorder.seen


def rounds(contenders: dict[str, Callable[[], Any]], count: int, least: float = 0.3) -> dict[str, list]:
    """CPU seconds per call of each contender, taking turns, ``count`` rounds; in a round each
    repeats its call as often as the slowest needs for ``least`` seconds (CPU time, not wall time:
    on a shared machine the time this process waits for the core is not the tagger's)."""
    slowest = 0.0
    for call in contenders.values():  # untimed: warms the caches, sizes the rounds
        started = time.process_time()
        call()
        slowest = max(slowest, time.process_time() - started)
    repeats = max(1, round(least / max(slowest, 1e-6)))
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(count):
        for name, call in contenders.items():
            started = time.process_time()
            for _ in range(repeats):
                call()
            times[name].append((time.process_time() - started) / repeats)
    return times


def measure_tagging(name: str, texts: list[str], new: Any, old: Any, count: int) -> dict[str, Any]:
    from atsmatch.extraction.tokenizer import tokenize

    extractions = tagger_inputs(texts, new)
    same = sum(
        [(s.start, s.end, s.tag) for s in new.tag(e)] == [(s.start, s.end, s.tag) for s in old.tag(e)]
        for e in extractions
    )
    tokens = sum(len(tokenize(e.text)) for e in extractions)
    times = rounds({"before": lambda: [old.tag(e) for e in extractions],
                    "after": lambda: [new.tag(e) for e in extractions]}, count)  # fmt: skip
    before, after = (statistics.median(times[k]) for k in ("before", "after"))
    documents = len(extractions)
    return {
        "corpus": name, "documents": len(extractions), "tokens": tokens,
        "same_spans": f"{same} of {len(extractions)}",
        "before_ms_per_doc": 1e3 * before / documents, "after_ms_per_doc": 1e3 * after / documents,
        "before_us_per_token": 1e6 * before / tokens, "after_us_per_token": 1e6 * after / tokens,
        "ratio": before / after, "rounds": times,
    }  # fmt: skip


def tagger_row(texts: list[str], rounds: int = 3) -> dict[str, Any]:
    """One row for ``bench.py``'s table (same keys as its ``row``): ``SkillTagger.tag`` in
    documents/s on ``texts``, against the pure-Python tagger before issue 12 in the same run."""
    from tests.extraction.legacy_tagger import LegacyTagger

    from atsmatch.extraction.tagger import SkillTagger

    new = SkillTagger.load()
    timed = measure_tagging("bench corpus", texts, new, LegacyTagger.from_tagger(new), rounds)
    before, after = 1e3 / timed["before_ms_per_doc"], 1e3 / timed["after_ms_per_doc"]
    return {
        "figure": "tagger, SkillTagger.tag", "value": after, "unit": "docs/s", "baseline": before,
        "baseline_name": "the tagger before issue 12", "ratio": round(after / before, 3),
        "goal": ">= 3x", "met": after >= 3 * before,
    }  # fmt: skip


def measure_pipeline(texts: list[str], new: Any, old: Any, count: int) -> dict[str, Any]:
    import atsmatch

    analyzers = {
        "tagger off": atsmatch.Analyzer(tagger=False),
        "tagger before": atsmatch.Analyzer(tagger=old),
        "tagger after": atsmatch.Analyzer(tagger=new),
    }
    for analyzer in analyzers.values():  # build the matcher and stages, untimed
        analyzer.extract(texts[0])
    times = rounds({k: (lambda a=a: [a.extract(t) for t in texts]) for k, a in analyzers.items()}, count)
    return {k: len(texts) / statistics.median(v) for k, v in times.items()}


def measure_load(repeats: int = 5) -> dict[str, float]:
    """Median seconds of the model's load in a fresh process, each contender in turn."""
    times: dict[str, list[float]] = {"before": [], "after": []}
    for _ in range(repeats):
        for name, call in (("before", "LegacyTagger"), ("after", "SkillTagger")):
            code = _LOAD.format(repo=str(REPO), call=call)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
            times[name].append(float(out.stdout))
    return {name: statistics.median(values) for name, values in times.items()}


def print_table(tagging: list[dict], pipeline: dict[str, float], load: dict[str, float], corpus: str) -> None:
    print(f"{'SkillTagger.tag':<28}{'docs':>6}{'tokens':>8}{'before ms/doc':>15}{'after':>8}"
          f"{'µs/token before':>17}{'after':>7}{'ratio':>7}  same spans")  # fmt: skip
    for t in tagging:
        print(f"{t['corpus']:<28}{t['documents']:>6}{t['tokens']:>8}{t['before_ms_per_doc']:>15.2f}"
              f"{t['after_ms_per_doc']:>8.2f}{t['before_us_per_token']:>17.2f}{t['after_us_per_token']:>7.2f}"
              f"{t['ratio']:>6.1f}x  {t['same_spans']}")  # fmt: skip
    rates = ", ".join(f"{k} {v:.0f}" for k, v in pipeline.items())
    gain = pipeline["tagger after"] / pipeline["tagger before"]
    print(f"Analyzer().extract on {corpus}, docs/s: {rates}; tagger after / before {gain:.2f}x")
    before, after = load["before"] * 1e3, load["after"] * 1e3
    print(f"model load in a fresh process: before {before:.0f} ms, after {after:.0f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=default_shared(), help="../shared")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--out", type=Path, default=RESULTS / "bench_tagger.json")
    args = parser.parse_args()

    from tests.extraction.legacy_tagger import LegacyTagger

    from atsmatch.extraction.tagger import SkillTagger

    cpu = pin_to_one_core()
    new = SkillTagger.load()
    old = LegacyTagger.from_tagger(new)
    corpora = {"SkillSpan dev postings": skillspan_texts(args.shared), "tests/data/postings": fixture_texts()}
    if corpora["SkillSpan dev postings"] is None:
        print(f"SkillSpan dev not found under {args.shared}; timing tests/data/postings only")
        del corpora["SkillSpan dev postings"]
    tagging = [measure_tagging(name, texts, new, old, args.rounds) for name, texts in corpora.items()]
    pipeline = measure_pipeline(next(iter(corpora.values())), new, old, max(3, args.rounds // 2))
    load = measure_load()

    print_table(tagging, pipeline, load, next(iter(corpora)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    result = {
        "tagging": tagging, "pipeline_docs_per_s": pipeline, "load_s": load,
        "environment": {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "cpu": cpu,
                        "python": platform.python_version(), "model": new.version, "nproc": os.cpu_count()},
    }  # fmt: skip
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
