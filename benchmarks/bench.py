"""Speed and memory of atsmatch, as ratios against baselines measured in the same run.

    . /tmp/venv/bin/activate              # or any environment with atsmatch installed
    pip install pyahocorasick             # optional: the regex + Aho-Corasick floor
    python benchmarks/bench.py            # full run, a few minutes; writes benchmarks/results/bench.json
    python benchmarks/bench.py --quick    # smoke run, under a minute; writes results/bench_quick.json

Every figure is measured in one run, on one corpus, pinned to one CPU core and in one process (plus
short-lived child processes for start-up and memory figures), so that machine noise hits atsmatch and
its baselines alike and the *ratios* hold even where the absolute numbers do not.

Corpus: the 58 SkillSpan development postings (``../shared/eval/skillspan/dev.jsonl``; tokens joined
with spaces, sentences with newlines). Where ``../shared`` is absent, the bundled text files
(``examples/``, ``tests/data/``) are the corpus instead, and the output says so.

The figures:

* **Extraction throughput** (documents/second, one core): ``Analyzer().extract(text)``, the whole
  pipeline (normalise, sections, match, pydantic models), next to (a) the *naive baseline*, a
  ``spacy.blank("en")`` tokenizer feeding a ``PhraseMatcher(attr="LOWER")``, and (b) the *floor*, the
  atsmatch regex tokenizer plus a pyahocorasick automaton keeping matches at token boundaries. All
  three get the same term list: every surface form atsmatch compiles. Contenders run interleaved in
  rounds; each figure is the median round. Goals: >= 5x the naive baseline, within 3x of the floor.
* **CLI latency** (seconds, wall): ``atsmatch score examples/resume.pdf examples/posting.txt`` next to
  ``python -c "import spacy"``, interleaved, medians. Goal: <= 1.3x. Also ``import atsmatch`` alone,
  the phases of one CLI run, and the imports that cost most (``-X importtime``).
* **Lexicon compile** (seconds): ``load_lexicon()`` and ``Matcher(lexicon)`` in a fresh process (cold),
  with and without the imports, and again in the same process (warm; atsmatch has no compile cache).
  The matcher adds spaCy patterns lazily, as documents need them: *lazy* is what is paid before the
  first document (lexicon and form table), *full* adds ``compile_all()``.
* **Memory** (MB): peak RSS of a child process extracting 10,000 unique documents (corpus documents
  with a made-up reference line each, so new tokens keep arriving), and how much RSS grows over the
  second 5,000. Goals: peak < 300 MB; growth <= 2 MB (flat). The naive baseline is measured the same
  way, for comparison.
* **Scoring throughput** (pairs/second): one posting, extracted once, against 1,000 resumes, with the
  resumes given as text (extraction included) and as ready extractions (scoring and near-misses only).

Prints a table (figure, value, baseline, ratio, goal, met) and writes the same, with the details and
the environment (versions, lexicon size and hash, ``nproc``, corpus), as JSON; a cProfile of
extraction and of scoring goes beside it (``bench_profile.txt``).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import resource
import statistics
import string
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
EXAMPLE_RESUME = REPO / "examples" / "resume.pdf"
EXAMPLE_POSTING = REPO / "examples" / "posting.txt"

GOAL_VS_NAIVE = 5.0  # atsmatch docs/s over naive docs/s, at least
GOAL_VS_FLOOR = 1 / 3  # atsmatch docs/s over floor docs/s, at least (within 3x)
GOAL_CLI_RATIO = 1.3  # atsmatch score wall time over `import spacy` wall time, at most
GOAL_PEAK_RSS_MB = 300.0
GOAL_FLAT_GROWTH_MB = 2.0  # second-half RSS growth that still counts as flat (allocator noise)


@dataclass(frozen=True)
class Settings:
    """How much work each measurement does; ``--quick`` shrinks all of it."""

    rounds: int = 5  # interleaved throughput rounds per contender
    round_seconds: float = 1.0  # each contender's round repeats the corpus until it lasts this long
    stage_rounds: int = 7
    cli_runs: int = 7
    compile_runs: int = 5
    memory_docs: int = 10_000
    scoring_resumes: int = 1_000


QUICK = Settings(
    rounds=2,
    round_seconds=0.2,
    stage_rounds=3,
    cli_runs=3,
    compile_runs=2,
    memory_docs=1_000,
    scoring_resumes=100,
)


# --- corpus ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Corpus:
    texts: list[str]
    description: str
    fallback: bool


def load_corpus(shared: Path) -> Corpus:
    """The SkillSpan dev postings, or the bundled text files where ``shared`` lacks them."""
    path = shared / "eval" / "skillspan" / "dev.jsonl"
    if path.is_file():
        postings: dict[tuple[str, int], list[str]] = {}
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                sentence = json.loads(line)
                postings.setdefault((sentence["source"], sentence["idx"]), []).append(
                    " ".join(sentence["tokens"])
                )
        texts = ["\n".join(sentences) for sentences in postings.values()]
        return Corpus(
            texts, f"SkillSpan dev postings ({len(texts)} documents, {path})", fallback=False
        )
    files = sorted(
        [
            *(REPO / "examples").glob("*.txt"),
            *(REPO / "tests" / "data").glob("*.txt"),
            *(REPO / "tests" / "data" / "postings").glob("*.txt"),
        ]
    )
    files = [f for f in files if f.name != "common_word_skills.txt"]  # a word list, not a document
    texts = [f.read_text(encoding="utf-8") for f in files]
    description = (
        f"FALLBACK: {path} not found; bundled text files instead ({len(texts)} documents from "
        "examples/ and tests/data/); figures are not comparable with SkillSpan runs"
    )
    return Corpus(texts, description, fallback=True)


def corpus_stats(texts: list[str]) -> dict[str, Any]:
    from atsmatch.tokenizer import tokenize

    tokens = [len(tokenize(t)) for t in texts]
    return {
        "documents": len(texts),
        "characters_mean": round(statistics.mean(map(len, texts))),
        "tokens_mean": round(statistics.mean(tokens)),
        "tokens_total": sum(tokens),
    }


def unique_documents(texts: list[str], count: int, seed: int = 7) -> Iterator[str]:
    """``count`` documents cycling over ``texts``, each with a made-up line of never-seen tokens."""
    rng = random.Random(seed)
    letters = string.ascii_lowercase
    for i in range(count):
        made_up = " ".join(
            f"{''.join(rng.choices(letters, k=rng.randint(3, 7)))}-{rng.randint(100, 99_999)}"
            for _ in range(3)
        )
        yield f"{texts[i % len(texts)]}\nref {rng.randint(10_000, 99_999)} {made_up}"


# --- contenders ----------------------------------------------------------------------------------


def lexicon_terms(lexicon: Any) -> list[str]:
    """Every surface form the atsmatch matcher compiles: the one term list all contenders get."""
    from atsmatch.lexicon import surface_forms

    return [form.text for entry in lexicon.entries for form in surface_forms(entry)]


def atsmatch_extractor(analyzer: Any) -> Callable[[str], int]:
    """The full atsmatch pipeline on text; returns the number of mentions found."""

    def extract(text: str) -> int:
        return sum(len(k.mentions) for k in analyzer.extract(text).keywords)

    return extract


def naive_spacy_extractor(terms: list[str]) -> Callable[[str], int]:
    """``spacy.blank("en")``'s tokenizer and a ``PhraseMatcher`` on LOWER over the same terms."""
    import spacy
    from spacy.matcher import PhraseMatcher

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("SKILL", [nlp.make_doc(term) for term in terms])

    def extract(text: str) -> int:
        return len(matcher(nlp.make_doc(text)))

    extract.vocab = nlp.vocab  # type: ignore[attr-defined]  # for the memory figure's string count
    return extract


def aho_floor_extractor(terms: list[str]) -> Callable[[str], int] | None:
    """Regex tokens and a pyahocorasick automaton of lowercased terms, matches at token boundaries.

    None when pyahocorasick is not installed.
    """
    try:
        import ahocorasick
    except ImportError:
        return None
    from atsmatch.tokenizer import TOKEN_PATTERN

    automaton = ahocorasick.Automaton()
    for term in {t.lower() for t in terms}:
        automaton.add_word(term, len(term))
    automaton.make_automaton()

    def extract(text: str) -> int:
        starts, ends = set(), set()
        for match in TOKEN_PATTERN.finditer(text):
            starts.add(match.start())
            ends.add(match.end())
        found = 0
        for last, length in automaton.iter(text.lower()):
            if last + 1 in ends and last + 1 - length in starts:
                found += 1
        return found

    return extract


# --- extraction throughput -------------------------------------------------------------------------


def time_passes(extract: Callable[[str], int], texts: list[str], passes: int) -> float:
    """Documents per second over ``passes`` passes of ``texts``."""
    started = time.perf_counter()
    for _ in range(passes):
        for text in texts:
            extract(text)
    return passes * len(texts) / (time.perf_counter() - started)


def measure_throughput(
    contenders: dict[str, Callable[[str], int]], texts: list[str], settings: Settings
) -> dict[str, dict[str, Any]]:
    """Median documents/second per contender, over rounds that interleave the contenders.

    A warm-up pass decides how many passes of the corpus make one round last ``round_seconds``.
    """
    passes = {}
    for name, extract in contenders.items():
        warm = time_passes(extract, texts, 1)
        passes[name] = max(1, round(settings.round_seconds * warm / len(texts)))
    samples: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(settings.rounds):
        for name, extract in contenders.items():
            samples[name].append(time_passes(extract, texts, passes[name]))
    return {
        name: {
            "docs_per_s": statistics.median(rates),
            "rounds": [round(r, 1) for r in rates],
            "passes_per_round": passes[name],
            "mentions_in_corpus": sum(contenders[name](t) for t in texts),
        }
        for name, rates in samples.items()
    }


def measure_extraction_stages(
    analyzer: Any, texts: list[str], settings: Settings
) -> dict[str, float]:
    """Milliseconds per document in each stage of ``Analyzer.extract``, medians over rounds.

    The stages are public functions called as ``Analyzer.extract`` calls them; ``tokenize`` and
    ``line_kinds`` run inside ``Matcher.extract`` and are timed alone to show their share.
    """
    from atsmatch.documents import document_from_text
    from atsmatch.sections import find_sections, line_kinds
    from atsmatch.tokenizer import tokenize

    matcher = analyzer.matcher
    samples: dict[str, list[float]] = {}
    for _ in range(settings.stage_rounds):
        timed: dict[str, Callable[[], Any]] = {}
        documents = [document_from_text(t) for t in texts]
        sections = [find_sections(d.text) for d in documents]
        timed["read (normalise text)"] = lambda: [document_from_text(t) for t in texts]
        timed["find_sections"] = lambda: [find_sections(d.text) for d in documents]
        timed["Matcher.extract, with sections"] = lambda: [
            matcher.extract(d, sections=s) for d, s in zip(documents, sections)
        ]
        timed["  of which line_kinds"] = lambda: [
            line_kinds(d.text, s) for d, s in zip(documents, sections)
        ]
        timed["  of which tokenize (regex)"] = lambda: [tokenize(d.text) for d in documents]
        timed["Matcher.extract, no sections"] = lambda: [matcher.extract(d) for d in documents]
        timed["Analyzer.extract (all of it)"] = lambda: [analyzer.extract(t) for t in texts]
        for stage, call in timed.items():
            started = time.perf_counter()
            call()
            samples.setdefault(stage, []).append(
                1000 * (time.perf_counter() - started) / len(texts)
            )
    return {stage: round(statistics.median(ms), 3) for stage, ms in samples.items()}


def profile_top(call: Callable[[], Any], top: int = 10) -> tuple[list[dict[str, Any]], str]:
    """The ``top`` functions by own time while running ``call``, as rows and as pstats text."""
    profiler = cProfile.Profile()
    profiler.runcall(call)
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, _) in sorted(
        stats.stats.items(),
        key=lambda item: -item[1][2],  # type: ignore[attr-defined]
    )[:top]:
        where = f"{Path(filename).name}:{line}" if line else filename
        rows.append(
            {
                "function": f"{where}({function})",
                "calls": calls,
                "own_s": round(own, 4),
                "own_percent": round(100 * own / total, 1),
                "cumulative_s": round(cumulative, 4),
            }
        )
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(top)
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(25)
    return rows, text.getvalue()


# --- CLI latency -----------------------------------------------------------------------------------


def atsmatch_command() -> list[str]:
    """The ``atsmatch`` console script of this environment, or ``python -m atsmatch.cli``."""
    script = Path(sys.executable).parent / "atsmatch"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "atsmatch.cli"]


def wall_time(command: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(
            f"{' '.join(command)} exited {done.returncode}: {done.stderr.strip()[-500:]}"
        )
    return elapsed


def measure_cli_latency(settings: Settings) -> dict[str, Any]:
    """Median wall time of the CLI and of reference commands, run interleaved."""
    commands = {
        "atsmatch score": [
            *atsmatch_command(),
            "score",
            str(EXAMPLE_RESUME.relative_to(REPO)),
            str(EXAMPLE_POSTING.relative_to(REPO)),
        ],
        "python -c 'import spacy'": [sys.executable, "-c", "import spacy"],
        "python -c 'import atsmatch'": [sys.executable, "-c", "import atsmatch"],
        "python -c 'pass'": [sys.executable, "-c", "pass"],
    }
    for command in commands.values():  # warm the file cache; fail early if a command is broken
        wall_time(command)
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(settings.cli_runs):
        for name, command in commands.items():
            samples[name].append(wall_time(command))
    return {
        "command": " ".join(commands["atsmatch score"]),
        "median_s": {name: round(statistics.median(times), 4) for name, times in samples.items()},
        "runs_s": {name: [round(t, 4) for t in times] for name, times in samples.items()},
    }


def cli_import_breakdown(top: int = 10) -> list[dict[str, Any]]:
    """The top-level imports of one ``atsmatch score`` run that cost most (``-X importtime``)."""
    code = (
        "import sys; from atsmatch.cli import main; "
        f"sys.argv = ['atsmatch', 'score', {str(EXAMPLE_RESUME)!r}, {str(EXAMPLE_POSTING)!r}]; main()"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], cwd=REPO, capture_output=True, text=True
    )
    rows = []
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| ( *)(\S+)", line)
        if found and not found.group(
            3
        ):  # top level: imported by the script itself, not by a module
            rows.append(
                {"module": found.group(4), "cumulative_ms": round(int(found.group(2)) / 1000, 1)}
            )
    return sorted(rows, key=lambda r: -r["cumulative_ms"])[:top]


def cli_phases_worker() -> dict[str, float]:
    """In a fresh process, the steps of ``atsmatch score`` timed one by one (seconds)."""
    phases: dict[str, float] = {}
    started = mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        phases[name] = round(now - mark, 4)
        mark = now

    from atsmatch.cli import _analyzer  # the CLI's own imports: typer, atsmatch, pydantic

    lap("import atsmatch.cli")
    import spacy.lang.en  # noqa: F401 - what Matcher imports

    lap("import spacy")
    from atsmatch.render import render_report

    lap("import atsmatch.render")
    analyzer = _analyzer(None, 20.0)
    lexicon = analyzer.lexicon
    lap("load_lexicon")
    analyzer.matcher  # noqa: B018 - builds the matcher
    lap("Matcher(lexicon)")
    resume = analyzer.read(EXAMPLE_RESUME)
    lap("read resume.pdf")
    posting = analyzer.read(EXAMPLE_POSTING)
    lap("read posting.txt")
    report = analyzer.score(resume, posting)
    lap("score (extract both, posting analysis, near-misses)")
    render_report(report, "text", explain=False, width=100, color=False)
    lap("render text")
    phases["in-process total"] = round(time.perf_counter() - started, 4)
    phases["lexicon entries"] = len(lexicon)
    return phases


def measure_cli_phases(settings: Settings) -> dict[str, float]:
    """Median seconds per phase of a CLI run; what the wall time holds beyond them is start-up and exit."""
    runs = []
    for _ in range(max(3, settings.cli_runs // 2)):
        started = time.perf_counter()
        run = run_worker("cli-phases")
        run["wall (this script as the child)"] = time.perf_counter() - started
        runs.append(run)
    median = {name: round(statistics.median(run[name] for run in runs), 4) for name in runs[0]}
    median["interpreter start-up and exit"] = round(
        median["wall (this script as the child)"] - median["in-process total"], 4
    )
    return median


# --- lexicon compile -------------------------------------------------------------------------------


def compile_worker() -> dict[str, float]:
    """In a fresh process: imports, then the lexicon compiled cold, then again warm (seconds).

    ``Matcher(lexicon)`` builds the form table; spaCy patterns are added as documents need them, or
    all at once by ``compile_all()`` (if this atsmatch has it): the full compile is the sum.
    """
    timings: dict[str, float] = {}
    started = time.perf_counter()
    import atsmatch
    from atsmatch.matcher import Matcher

    timings["import atsmatch"] = time.perf_counter() - started
    mark = time.perf_counter()
    import spacy  # noqa: F401

    timings["import spacy"] = time.perf_counter() - mark
    for state in ("cold", "warm"):
        mark = time.perf_counter()
        lexicon = atsmatch.load_lexicon()
        timings[f"load_lexicon {state}"] = time.perf_counter() - mark
        mark = time.perf_counter()
        matcher = Matcher(lexicon)
        timings[f"Matcher() {state}"] = time.perf_counter() - mark
        mark = time.perf_counter()
        if hasattr(matcher, "compile_all"):
            matcher.compile_all()
        timings[f"compile_all() {state}"] = time.perf_counter() - mark
    return {name: round(seconds, 4) for name, seconds in timings.items()}


def measure_compile(settings: Settings) -> dict[str, Any]:
    runs = [run_worker("compile") for _ in range(settings.compile_runs)]
    median = {name: round(statistics.median(run[name] for run in runs), 4) for name in runs[0]}

    def total(*names: str) -> float:
        return round(sum(median[name] for name in names), 4)

    median["lazy (form table), cold"] = total("load_lexicon cold", "Matcher() cold")
    median["full, cold, imports excluded"] = total(
        "load_lexicon cold", "Matcher() cold", "compile_all() cold"
    )
    median["full, cold, imports included"] = total(
        "import atsmatch",
        "import spacy",
        "load_lexicon cold",
        "Matcher() cold",
        "compile_all() cold",
    )
    median["full, warm (same process, no cache)"] = total(
        "load_lexicon warm", "Matcher() warm", "compile_all() warm"
    )
    return median


# --- memory ----------------------------------------------------------------------------------------


def rss_mb() -> float:
    """Current resident set size, from /proc/self/statm."""
    with open("/proc/self/statm") as handle:
        resident_pages = int(handle.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def peak_rss_mb() -> float:
    """Peak resident set size of this process image, VmHWM in /proc/self/status.

    Not ``ru_maxrss``: in a child process that one also counts the parent's memory at the fork.
    """
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024  # kB
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_worker(contender: str, docs: int, shared: Path) -> dict[str, Any]:
    """Extract ``docs`` unique documents; RSS and spaCy string count after compile and each half."""
    import atsmatch

    texts = load_corpus(shared).texts
    if contender == "atsmatch":
        analyzer = atsmatch.Analyzer()
        extract, vocab = (
            atsmatch_extractor(analyzer),
            analyzer.matcher._vocab,
        )  # private: diagnostics only
    else:
        extract = naive_spacy_extractor(lexicon_terms(atsmatch.load_lexicon()))
        vocab = extract.vocab  # type: ignore[attr-defined]
    points = {
        "compiled": {
            "docs": 0,
            "rss_mb": rss_mb(),
            "peak_mb": peak_rss_mb(),
            "strings": len(vocab.strings),
        }
    }
    half = docs // 2
    for done, text in enumerate(unique_documents(texts, docs), start=1):
        extract(text)
        if done in (half, docs):
            label = "first half" if done == half else "second half"
            points[label] = {
                "docs": done,
                "rss_mb": rss_mb(),
                "peak_mb": peak_rss_mb(),
                "strings": len(vocab.strings),
            }
    return {
        "points": {
            k: {n: round(v, 1) if isinstance(v, float) else v for n, v in p.items()}
            for k, p in points.items()
        },
        "peak_mb": round(peak_rss_mb(), 1),
        "growth_second_half_mb": round(
            points["second half"]["rss_mb"] - points["first half"]["rss_mb"], 1
        ),
        "peak_growth_second_half_mb": round(
            points["second half"]["peak_mb"] - points["first half"]["peak_mb"], 1
        ),
        "strings_growth_second_half": points["second half"]["strings"]
        - points["first half"]["strings"],
    }


def measure_memory(settings: Settings, shared: Path) -> dict[str, Any]:
    return {
        contender: run_worker("memory", contender, str(settings.memory_docs), str(shared))
        for contender in ("atsmatch", "naive spaCy")
    }


# --- scoring ---------------------------------------------------------------------------------------


def make_resumes(texts: list[str], resume_text: str, count: int, seed: int = 11) -> list[str]:
    """``count`` varied resumes: the example resume's lines, shuffled and trimmed, plus some corpus
    sentences (skills that a posting might ask for) and a unique line."""
    rng = random.Random(seed)
    base = [line for line in resume_text.splitlines() if line.strip()]
    resumes = []
    for i in range(count):
        kept = [line for line in base if rng.random() < 0.8]
        sentences = texts[i % len(texts)].splitlines()
        borrowed = rng.sample(sentences, k=min(len(sentences), rng.randint(3, 15)))
        resumes.append(
            "\n".join([*kept[:3], *borrowed, *kept[3:], f"Reference {i} {rng.randint(1000, 9999)}"])
        )
    return resumes


def measure_scoring(analyzer: Any, texts: list[str], settings: Settings) -> dict[str, Any]:
    """Pairs per second: one posting against many resumes, given as text and as extractions."""
    posting = analyzer.extract(analyzer.read(EXAMPLE_POSTING))
    resumes = make_resumes(texts, analyzer.read(EXAMPLE_RESUME).text, settings.scoring_resumes)
    started = time.perf_counter()
    scores = [analyzer.score(resume, posting).score for resume in resumes]
    with_text = len(resumes) / (time.perf_counter() - started)
    extractions = [analyzer.extract(resume) for resume in resumes]
    started = time.perf_counter()
    for extraction in extractions:
        analyzer.score(extraction, posting)
    with_extractions = len(resumes) / (time.perf_counter() - started)
    return {
        "posting": str(EXAMPLE_POSTING.relative_to(REPO)),
        "posting_keywords": len(posting.keywords),
        "resumes": len(resumes),
        "resume_characters_mean": round(statistics.mean(map(len, resumes))),
        "score_mean": round(statistics.mean(scores), 1),
        "pairs_per_s_resume_text": round(with_text, 1),
        "pairs_per_s_resume_extractions": round(with_extractions, 1),
    }


def profile_scoring(analyzer: Any, texts: list[str]) -> tuple[list[dict[str, Any]], str]:
    posting = analyzer.extract(analyzer.read(EXAMPLE_POSTING))
    extractions = [
        analyzer.extract(r) for r in make_resumes(texts, analyzer.read(EXAMPLE_RESUME).text, 200)
    ]
    return profile_top(lambda: [analyzer.score(e, posting) for e in extractions])


# --- child processes -------------------------------------------------------------------------------


def run_worker(*args: str) -> dict[str, Any]:
    """Run one measurement in a fresh Python process (this script with --worker); its JSON result."""
    done = subprocess.run(
        [sys.executable, __file__, "--worker", *args], cwd=REPO, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise RuntimeError(f"worker {args} failed: {done.stderr.strip()[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def worker_main(args: list[str]) -> int:
    name, *rest = args
    if name == "compile":
        result = compile_worker()
    elif name == "cli-phases":
        result = cli_phases_worker()
    elif name == "memory":
        contender, docs, shared = rest
        result = memory_worker(contender, int(docs), Path(shared))
    else:
        raise SystemExit(f"unknown worker {name!r}")
    print(json.dumps(result))
    return 0


# --- report ----------------------------------------------------------------------------------------


def row(
    figure: str,
    value: float,
    unit: str,
    baseline: float | None = None,
    baseline_name: str = "",
    goal: str = "",
    met: bool | None = None,
    with_ratio: bool = True,
) -> dict[str, Any]:
    """One line of the table; ``ratio`` is value / baseline."""
    ratio = value / baseline if baseline and with_ratio else None
    return {
        "figure": figure,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "baseline_name": baseline_name,
        "ratio": ratio,
        "goal": goal,
        "met": met,
    }


def summary_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    """The table: each headline figure, its baseline, the ratio and the goal."""
    rows = []
    throughput = figures["throughput"]
    ours = throughput["atsmatch"]["docs_per_s"]
    naive = throughput["naive spaCy"]["docs_per_s"]
    rows.append(
        row(
            "extraction, atsmatch",
            ours,
            "docs/s",
            naive,
            "naive spaCy",
            f">= {GOAL_VS_NAIVE:g}x naive",
            ours / naive >= GOAL_VS_NAIVE,
        )
    )
    floor = throughput.get("floor regex+Aho-Corasick")
    if floor:
        rows.append(
            row(
                "extraction, atsmatch",
                ours,
                "docs/s",
                floor["docs_per_s"],
                "floor",
                ">= 0.33x floor (within 3x)",
                ours / floor["docs_per_s"] >= GOAL_VS_FLOOR,
            )
        )
        rows.append(row("extraction, floor", floor["docs_per_s"], "docs/s"))
    rows.append(row("extraction, naive spaCy", naive, "docs/s"))
    cli = figures["cli"]["median_s"]
    rows.append(
        row(
            "CLI atsmatch score",
            cli["atsmatch score"],
            "s",
            cli["python -c 'import spacy'"],
            "import spacy",
            f"<= {GOAL_CLI_RATIO:g}x",
            cli["atsmatch score"] / cli["python -c 'import spacy'"] <= GOAL_CLI_RATIO,
        )
    )
    rows.append(
        row(
            "python -c 'import atsmatch'",
            cli["python -c 'import atsmatch'"],
            "s",
            cli["python -c 'import spacy'"],
            "import spacy",
        )
    )
    compile_ = figures["compile"]
    rows.append(row("compile, lazy (form table), cold", compile_["lazy (form table), cold"], "s"))
    rows.append(row("compile, full, cold", compile_["full, cold, imports excluded"], "s"))
    rows.append(
        row(
            "compile, full, cold + imports",
            compile_["full, cold, imports included"],
            "s",
            compile_["import spacy"],
            "import spacy",
        )
    )
    rows.append(
        row(
            "compile, full, warm (no cache)",
            compile_["full, warm (same process, no cache)"],
            "s",
            compile_["full, cold, imports excluded"],
            "cold",
        )
    )
    memory = figures["memory"]
    ours_mem, naive_mem = memory["atsmatch"], memory["naive spaCy"]
    docs = ours_mem["points"]["second half"]["docs"]
    rows.append(
        row(
            f"peak RSS, {docs:,} docs",
            ours_mem["peak_mb"],
            "MB",
            naive_mem["peak_mb"],
            "naive spaCy",
            f"< {GOAL_PEAK_RSS_MB:g} MB",
            ours_mem["peak_mb"] < GOAL_PEAK_RSS_MB,
        )
    )
    rows.append(
        row(
            "RSS growth, 2nd half",
            ours_mem["growth_second_half_mb"],
            "MB",
            naive_mem["growth_second_half_mb"],
            "naive spaCy",
            f"<= {GOAL_FLAT_GROWTH_MB:g} MB (flat)",
            ours_mem["growth_second_half_mb"] <= GOAL_FLAT_GROWTH_MB,
            with_ratio=False,
        )
    )
    rows.append(
        row(
            "spaCy strings added, 2nd half",
            ours_mem["strings_growth_second_half"],
            "strings",
            naive_mem["strings_growth_second_half"],
            "naive spaCy",
            "0",
            ours_mem["strings_growth_second_half"] == 0,
            with_ratio=False,
        )
    )
    scoring = figures["scoring"]
    rows.append(row("scoring, resume as text", scoring["pairs_per_s_resume_text"], "pairs/s"))
    rows.append(
        row(
            "scoring, resume extracted",
            scoring["pairs_per_s_resume_extractions"],
            "pairs/s",
            scoring["pairs_per_s_resume_text"],
            "resume as text",
        )
    )
    return rows


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"


def render_table(rows: list[dict[str, Any]]) -> str:
    header = ("figure", "value", "baseline", "ratio", "goal", "met")
    lines = []
    for r in rows:
        baseline = (
            f"{format_number(r['baseline'])} ({r['baseline_name']})"
            if r["baseline"] is not None
            else ""
        )
        ratio = f"{r['ratio']:.2f}x" if r["ratio"] is not None else ""
        met = {True: "yes", False: "NO", None: ""}[r["met"]]
        lines.append(
            (
                r["figure"],
                f"{format_number(r['value'])} {r['unit']}",
                baseline,
                ratio,
                r["goal"],
                met,
            )
        )
    widths = [max(len(str(cells[i])) for cells in [header, *lines]) for i in range(len(header))]
    out = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths)).rstrip()]
    out.append("  ".join("-" * w for w in widths))
    out += ["  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip() for cells in lines]
    return "\n".join(out)


def environment(
    corpus: Corpus, lexicon: Any, terms: list[str], settings: Settings, pinned: int | None
) -> dict[str, Any]:
    import atsmatch
    import spacy

    try:
        from importlib.metadata import version

        aho = version("pyahocorasick")
    except Exception:  # noqa: BLE001 - absent: the floor is skipped
        aho = None
    return {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "atsmatch": atsmatch.__version__,
        "lexicon_entries": len(lexicon),
        "lexicon_hash": lexicon.content_hash,
        "lexicon_surface_forms": len(terms),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "pyahocorasick": aho,
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "nproc": os.cpu_count(),
        "pinned_cpu": pinned,
        "corpus": corpus.description,
        "corpus_fallback": corpus.fallback,
        "settings": settings.__dict__,
    }


def pin_to_one_core() -> int | None:
    """Pin this process (and its children) to one CPU so every figure is a one-core figure."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def step(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer rounds and documents: a smoke run"
    )
    parser.add_argument(
        "--out", type=Path, help="JSON output (default results/bench.json, or bench_quick.json)"
    )
    parser.add_argument(
        "--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (../shared)"
    )
    parser.add_argument("--worker", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker_main(args.worker)
    settings = QUICK if args.quick else Settings()
    out = args.out or RESULTS / ("bench_quick.json" if args.quick else "bench.json")
    pinned = pin_to_one_core()

    import atsmatch

    corpus = load_corpus(args.shared)
    print(f"corpus: {corpus.description}")
    analyzer = atsmatch.Analyzer()
    lexicon = analyzer.lexicon
    terms = lexicon_terms(lexicon)
    print(f"lexicon: {len(lexicon)} entries, {len(terms)} surface forms ({lexicon.content_hash})")

    step("compiling the contenders")
    contenders = {
        "atsmatch": atsmatch_extractor(analyzer),
        "naive spaCy": naive_spacy_extractor(terms),
    }
    floor = aho_floor_extractor(terms)
    if floor is None:
        print(
            "note: pyahocorasick is not installed, so the floor is skipped; `pip install pyahocorasick`"
        )
    else:
        contenders["floor regex+Aho-Corasick"] = floor
    figures: dict[str, Any] = {"corpus": corpus_stats(corpus.texts)}
    step(f"extraction throughput: {settings.rounds} interleaved rounds")
    figures["throughput"] = measure_throughput(contenders, corpus.texts, settings)
    step("extraction stages and profile")
    figures["extraction_stages_ms_per_doc"] = measure_extraction_stages(
        analyzer, corpus.texts, settings
    )
    figures["extraction_profile_top10"], extraction_profile = profile_top(
        lambda: [analyzer.extract(t) for t in corpus.texts * 2]
    )
    step(f"scoring: one posting against {settings.scoring_resumes:,} resumes")
    figures["scoring"] = measure_scoring(analyzer, corpus.texts, settings)
    figures["scoring_profile_top10"], scoring_profile = profile_scoring(analyzer, corpus.texts)
    step(f"CLI latency: {settings.cli_runs} interleaved runs")
    figures["cli"] = measure_cli_latency(settings)
    figures["cli_phases_s"] = measure_cli_phases(settings)
    figures["cli_imports_ms"] = cli_import_breakdown()
    step(f"lexicon compile: {settings.compile_runs} fresh processes")
    figures["compile"] = measure_compile(settings)
    step(f"memory: {settings.memory_docs:,} unique documents per contender, in child processes")
    figures["memory"] = measure_memory(settings, args.shared)

    rows = summary_rows(figures)
    result = {
        "environment": environment(corpus, lexicon, terms, settings, pinned),
        "summary": rows,
        "figures": figures,
    }
    if atsmatch.load_lexicon().content_hash != lexicon.content_hash:
        result["warning"] = "the lexicon changed during the run; re-run for consistent figures"
    print()
    print(render_table(rows))
    print()
    print(f"lexicon {len(lexicon)} entries ({lexicon.content_hash}), corpus: {corpus.description}")
    if "warning" in result:
        print(f"WARNING: {result['warning']}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    profile_path = out.with_name(out.stem + "_profile.txt")
    profile_path.write_text(
        "# Extraction: Analyzer.extract over the corpus, twice\n"
        + extraction_profile
        + "\n# Scoring: Analyzer.score(resume extraction, posting extraction), 200 resumes\n"
        + scoring_profile,
        encoding="utf-8",
    )
    print(f"wrote {out} and {profile_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
