"""The figures of issue 12 that ``bench.py`` prints beside its own: extraction against a floor doing
the same work, the cost exponent, memory per input format, worker start-up and a 2-process pool.

Imported by ``bench.py`` (run that); the functions here are the measurements, bench.py the table.
"""

from __future__ import annotations

import bisect
import math
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


# --- the floor, doing the same work ------------------------------------------------------------


def aho_same_work_extractor(matcher: Any) -> Callable[[str], list] | None:
    """pyahocorasick finds the candidates; then the matcher's own overlap rule and context rules.

    The automaton runs over the lowercased tokens joined by ``\\x01`` (so matches sit on token
    boundaries by construction), each form a key. It returns the same mention tuples as
    ``Matcher.find``: the benchmark checks that on every corpus document before timing it.
    None when pyahocorasick is not installed.
    """
    try:
        import ahocorasick
    except ImportError:
        return None
    from atsmatch.extraction.confirm import confirm
    from atsmatch.extraction.forms import Candidate, resolve_overlaps
    from atsmatch.extraction.lines import TokenLines, Words
    from atsmatch.extraction.tokenizer import TOKEN_PATTERN, line_starts, token_texts
    from atsmatch.extraction.tokens import lowered_tokens

    table, index, rules = matcher.table, matcher._index, matcher.context_rules
    keys: dict[str, list[tuple[int, tuple[str, ...] | None, int]]] = {}
    for number, form in enumerate(table.forms):
        tokens = tuple(token_texts(form[1]))
        key = "\x01" + "\x01".join(t.lower() for t in tokens) + "\x01"
        keys.setdefault(key, []).append((number, tokens if form[4] else None, len(tokens)))
    automaton = ahocorasick.Automaton()
    for key, forms in keys.items():
        forms.sort(key=lambda f: (f[1] is not None, f[0]))
        automaton.add_word(key, (len(key), tuple(forms)))
    automaton.make_automaton()

    def find(text: str) -> list:
        spans = [match.span() for match in TOKEN_PATTERN.finditer(text)]
        lowered = lowered_tokens(text, spans)
        offsets = list(accumulate((len(w) + 1 for w in lowered), initial=0))
        found = []
        for last, (length, forms) in automaton.iter("\x01" + "\x01".join(lowered) + "\x01"):
            start = bisect.bisect_left(offsets, last - length + 1)
            for form, exact, count in forms:
                end = start + count
                if count > 1 and "\n" in text[spans[start][0] : spans[end - 1][1]]:
                    continue
                if exact is not None and any(
                    text[spans[start + i][0] : spans[start + i][1]] != t for i, t in enumerate(exact)
                ):
                    continue
                found.append((start, count, exact is not None, form))
        found.sort()
        candidates = [Candidate(start, start + count, form) for start, count, _, form in found]
        kept = resolve_overlaps(candidates, index.ambiguous)
        if not kept:
            return []
        starts = line_starts(text)
        lines = TokenLines(text, spans, starts)
        reasons = confirm(kept, Words(text, spans), lowered, lines, index, table, rules)
        mentions = []
        for position, candidate in enumerate(kept):
            reason = reasons.get(position)
            if reason is None and index.ambiguous[candidate.form]:
                continue
            begin, finish = spans[candidate.start][0], spans[candidate.end - 1][1]
            line = bisect.bisect_right(starts, begin)
            mentions.append((index.entry[candidate.form], begin, finish, line, candidate.form, reason))
        return mentions

    return find


def legacy_extractor(matcher: Any) -> Callable[[str], int] | None:
    """The matcher as it was before issue 12 (spaCy PhraseMatchers; ``tests/extraction/
    legacy_matcher.py``, kept for the equivalence test), on the same form table: the *before*."""
    sys.path.insert(0, str(REPO))
    try:
        from tests.extraction.legacy_matcher import LegacyMatcher
    except ImportError:
        return None
    from atsmatch import Document

    legacy = LegacyMatcher(matcher.table)

    def extract(text: str) -> int:
        return len(legacy.extract(Document(text=text, format="text")))

    return extract


# --- cost exponent -----------------------------------------------------------------------------

# Hostile inputs of issue 11 and a posting-like text, each repeated to the sizes measured.
SCALING_TEXTS = {
    "ambiguous skill words, one line": "Go Spark R Excel Swift C Airflow ",
    "ambiguous skill words, one a line": "Go\nSpark\nR\nExcel\nSwift\nC\nAirflow\n",
    "listed tools (chains of confirmations)": "python, go, aws, rust, ",
    "one word repeated": "data ",
    "posting-like lines": "Experience with Python, Go and Spark on AWS.\nSkills: Excel, R, C\n",
    # one paragraph of inline section labels: the reflow of structure/reflow.py splits it
    "a posting as one paragraph": "Requirements: Python and SQL. Nice to have: Go. What we offer: pension. ",
}


def measure_exponent(analyzer: Any, sizes: tuple[int, ...]) -> dict[str, Any]:
    """CPU seconds of ``Analyzer.extract`` on each text at each size, and the fitted exponent
    (least squares of log time on log size): 1.0 is linear."""
    analyzer.extract("warm up")
    result: dict[str, Any] = {"sizes_chars": list(sizes), "kinds": {}}
    for kind, unit in SCALING_TEXTS.items():
        seconds = []
        for size in sizes:
            text = (unit * (size // len(unit) + 1))[:size]
            runs = []
            for _ in range(3):  # the least of three: what the work costs, less the machine's noise
                started = time.process_time()
                analyzer.extract(text)
                runs.append(time.process_time() - started)
            seconds.append(min(runs))
        result["kinds"][kind] = {
            "seconds": [round(s, 3) for s in seconds],
            "exponent": fit_exponent(sizes, seconds),
        }
    result["worst_exponent"] = max(k["exponent"] for k in result["kinds"].values())
    return result


def fit_exponent(sizes: tuple[int, ...], seconds: list[float]) -> float:
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in seconds]
    mean_x, mean_y = statistics.mean(xs), statistics.mean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    return round(slope, 2)


# --- before and after, in one run ------------------------------------------------------------

_REVISION_WORKER = r"""
import json, sys, time
sys.path.insert(0, sys.argv[3])
import bench_matcher
import atsmatch
texts = json.load(open(sys.argv[1], encoding="utf-8"))
tagger = sys.argv[2] == "on"
analyzer = atsmatch.Analyzer(tagger=tagger)
if sys.argv[4] == "exponent":
    sizes = tuple(json.loads(sys.argv[5]))
    print(json.dumps(bench_matcher.measure_exponent(analyzer, sizes)))
    raise SystemExit
for text in texts:
    analyzer.extract(text)
started, done = time.process_time(), 0
while time.process_time() - started < float(sys.argv[5]):
    for text in texts:
        analyzer.extract(text)
    done += len(texts)
print(json.dumps({"docs_per_s": done / (time.process_time() - started)}))
"""


def measure_against_revision(
    revision: str, texts: list[str], rounds: int, round_seconds: float, exponent_sizes: tuple[int, ...]
) -> dict[str, Any]:
    """``Analyzer.extract`` (tagger off and on) docs/s of this tree and of ``revision`` (its ``src``
    and ``data`` from ``git archive``), in fresh processes taking turns, CPU time; and both trees'
    cost exponents (tagger on, as ``measure_exponent``)."""
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory(prefix="atsmatch-before-") as folder:
        archive = subprocess.run(
            ["git", "-C", str(REPO), "archive", revision, "src", "data"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", folder], input=archive, check=True)
        corpus = Path(folder) / "corpus.json"
        corpus.write_text(json.dumps(texts), encoding="utf-8")
        trees = {"before": str(Path(folder) / "src"), "after": str(REPO / "src")}

        def child(tree: str, *args: str) -> dict[str, Any]:
            env = {**os.environ, "PYTHONPATH": trees[tree]}
            command = [sys.executable, "-c", _REVISION_WORKER, str(corpus), *args]
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            return json.loads(done.stdout.strip().splitlines()[-1])

        here = str(Path(__file__).resolve().parent)
        result: dict[str, Any] = {"revision": revision}
        for tagger in ("off", "on"):
            rates: dict[str, list[float]] = {"before": [], "after": []}
            for _ in range(rounds):
                for tree in rates:
                    rates[tree].append(child(tree, tagger, here, "rate", str(round_seconds))["docs_per_s"])
            result[f"tagger_{tagger}"] = {t: round(statistics.median(r), 1) for t, r in rates.items()}
            result[f"tagger_{tagger}_rounds"] = {t: [round(x, 1) for x in r] for t, r in rates.items()}
        sizes = json.dumps(list(exponent_sizes))
        result["exponent"] = {tree: child(tree, "on", here, "exponent", sizes) for tree in trees}
    return result


# --- memory per format -------------------------------------------------------------------------

FORMATS = ("txt", "pdf", "docx", "html")


def write_documents(texts: list[str], folder: Path, distinct: int = 40) -> dict[str, list[Path]]:
    """``distinct`` resumes per format (txt, pdf, docx, html), made from corpus texts."""
    from docx import Document as DocxDocument
    from fpdf import FPDF

    folder.mkdir(parents=True, exist_ok=True)
    made: dict[str, list[Path]] = {kind: [] for kind in FORMATS}
    for number in range(distinct):
        lines = [line[:90] for line in texts[number % len(texts)].splitlines()[:60] if line.strip()]
        lines.append(f"Reference {number}")
        base = folder / f"source{number:03d}"
        base.with_suffix(".txt").write_text("\n".join(lines), encoding="utf-8")
        html = "".join(f"<p>{line.replace('&', '&amp;').replace('<', '&lt;')}</p>" for line in lines)
        base.with_suffix(".html").write_text(f"<html><body>{html}</body></html>", encoding="utf-8")
        docx = DocxDocument()
        for line in lines:
            docx.add_paragraph(line)
        docx.save(base.with_suffix(".docx"))
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        for line in lines:
            pdf.cell(0, 4, line.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
        pdf.output(str(base.with_suffix(".pdf")))
        for kind in FORMATS:
            made[kind].append(base.with_suffix("." + kind))
    return made


# ``atsmatch rank`` as the console script runs it, reporting its own peak RSS (VmHWM) on the way out:
# a child's ru_maxrss would count this benchmark's memory at the fork.
_RANK_WITH_PEAK = """
import os, sys
leave = os._exit
def report_peak(code):
    with open("/proc/self/status") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    sys.stderr.write(f"VMHWM_KB {peak}\\n")
    sys.stderr.flush()
    leave(code)
os._exit = report_peak
if os.environ.get("BENCH_OLD_GC_THRESHOLD"):  # the CLI before issue 12, for the baseline row
    import gc
    gc.set_threshold(200_000, 30, 30)
from atsmatch.cli import main
sys.argv = ["atsmatch", "rank", *sys.argv[1:]]
main()
"""


def rank_peak_rss_mb(
    posting: Path,
    files: list[Path],
    env: dict[str, str],
    options: Sequence[str] = (),
    *,
    files_on_stdin: bool = False,
) -> dict[str, Any]:
    """Peak RSS (MB) and wall seconds of one ``atsmatch rank POSTING FILES... [options]`` process.

    ``files_on_stdin``: the files as a ``-`` list on standard input, not as arguments (CPython's
    start-up copies its arguments several times: about 1.5 KB a path, 13 MB for 10,000 of them).
    """
    started = time.perf_counter()
    named = ["-"] if files_on_stdin else list(map(str, files))
    done = subprocess.run(
        [sys.executable, "-c", _RANK_WITH_PEAK, str(posting), *named, *options],
        cwd=REPO,
        input="".join(f"{file}\n" for file in files) if files_on_stdin else None,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ | env,
    )
    elapsed = time.perf_counter() - started
    peaks = [line.split()[1] for line in done.stderr.splitlines() if line.startswith("VMHWM_KB ")]
    if done.returncode not in (0, 3) or not peaks:
        raise RuntimeError(f"atsmatch rank exited {done.returncode}: {done.stderr[-500:]}")
    return {"files": len(files), "peak_mb": round(int(peaks[0]) / 1024, 1), "seconds": round(elapsed, 2)}


def measure_format_memory(
    texts: list[str],
    folder: Path,
    counts: tuple[int, int],
    env: dict[str, str],
    *,
    options: Sequence[str] = (),
    old_gc_baseline: bool = True,
    files_on_stdin: bool = False,
) -> dict[str, Any]:
    """Peak RSS of ``atsmatch rank`` over ``counts`` files of each format: flat means the larger
    batch peaks within 10% of the smaller one. ``options``: more ``rank`` options (``-f jsonl``);
    ``old_gc_baseline``: also the DOCX run with the CLI's old GC threshold; ``files_on_stdin``: the
    files as a ``-`` list (as a batch of thousands is given), not as arguments."""
    made = write_documents(texts, folder)
    posting = REPO / "examples" / "posting.txt"
    result: dict[str, Any] = {}
    for kind, sources in made.items():
        runs = {}
        for count in counts:
            # The files are links to the distinct sources: every file is read and parsed anew.
            links = []
            for number in range(count):
                link = folder / kind / f"r{number:05d}.{kind}"
                link.parent.mkdir(exist_ok=True)
                if not link.exists():
                    link.symlink_to(sources[number % len(sources)])
                links.append(link)
            runs[str(count)] = rank_peak_rss_mb(posting, links, env, options, files_on_stdin=files_on_stdin)
        small, large = (runs[str(c)]["peak_mb"] for c in counts)
        result[kind] = {"runs": runs, "large_over_small": round(large / small, 3)}
        if (
            kind == "docx" and old_gc_baseline
        ):  # the growth issue 12 found, with the CLI's old GC threshold: on the
            # smaller batch only, as it grows by megabytes a file (10,000 files would fill the machine)
            few = links[: counts[0]]
            old = rank_peak_rss_mb(
                posting, few, env | {"BENCH_OLD_GC_THRESHOLD": "1"}, options, files_on_stdin=files_on_stdin
            )
            result[kind]["before: gc.set_threshold(200_000)"] = old
    return result


# --- workers -----------------------------------------------------------------------------------


def startup_worker(cached: bool) -> dict[str, float]:
    """In a fresh process: import atsmatch, load the lexicon and build the matcher, first extract.

    ``cached``: with the CLI's lexicon cache (filled), else ``Analyzer()`` as a library user makes it.
    """
    started = time.perf_counter()
    import atsmatch
    from atsmatch.lexicon.cache import default_cache_dir

    imported = time.perf_counter()
    analyzer = atsmatch.Analyzer(cache_dir=default_cache_dir() if cached else None)
    analyzer.matcher  # noqa: B018 - the lexicon (cache or wheel table) and the matcher's index
    ready = time.perf_counter()
    analyzer.extract("Python, Go and SQL; Apache Spark on AWS.")
    done = time.perf_counter()
    return {
        "import atsmatch": round(imported - started, 4),
        "lexicon + Matcher": round(ready - imported, 4),
        "first extract": round(done - ready, 4),
        "worker start-up (import + lexicon)": round(ready - started, 4),
        "import + first extract": round(done - started, 4),
        "spacy imported": "spacy" in sys.modules,
    }


_POOL_ANALYZER: Any = None


def _pool_init() -> None:
    global _POOL_ANALYZER
    import atsmatch
    from atsmatch.lexicon.cache import default_cache_dir

    _POOL_ANALYZER = atsmatch.Analyzer(cache_dir=default_cache_dir())
    _POOL_ANALYZER.matcher  # noqa: B018


def _pool_score(pair: tuple[str, str]) -> float:
    resume, posting = pair
    return _POOL_ANALYZER.score(resume, posting).score


def measure_pool(resumes: list[str], posting: str, processes: tuple[int, ...] = (1, 2)) -> dict[str, Any]:
    """Wall seconds to score ``resumes`` against ``posting`` with a multiprocessing.Pool of 1 and
    of 2 processes (start-up included, the lexicon from the CLI's cache): a pool of our own, as the
    batch engineer's is not on main."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")  # fresh workers: their start-up counts
    result: dict[str, Any] = {"resumes": len(resumes)}
    pinned = os.sched_getaffinity(0)
    os.sched_setaffinity(0, range(os.cpu_count() or 1))  # the pool may use every core, not the pin
    try:
        _time_pools(context, resumes, posting, processes, result)
    finally:
        os.sched_setaffinity(0, pinned)
    return result


def _time_pools(
    context: Any, resumes: list[str], posting: str, processes: tuple[int, ...], result: dict
) -> None:
    for count in processes:
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime
        started = time.perf_counter()
        with context.Pool(count, initializer=_pool_init) as pool:
            scores = pool.map(_pool_score, [(r, posting) for r in resumes], chunksize=25)
        result[f"{count} process(es) s"] = round(time.perf_counter() - started, 3)
        cpu = resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime - cpu_before
        result[f"{count} process(es) cpu s"] = round(cpu, 3)
        result.setdefault("score_mean", round(statistics.mean(scores), 1))
