"""Speed and memory of atsmatch, as ratios against baselines measured in the same run.

    . /tmp/venv/bin/activate             # or any environment with atsmatch installed
    pip install pyahocorasick            # optional: the regex + Aho-Corasick floor
    python benchmarks/bench.py           # full run, ~3 minutes: results/bench.json
    python benchmarks/bench.py --quick   # smoke run, ~1 minute: results/bench_quick.json
    python benchmarks/bench.py --lexicon MINE.yaml --out /tmp/mine.json   # with your lexicon too

Every figure comes from one run on one corpus, pinned to one CPU core, in one process (plus short
child processes for start-up, compile, memory and profile figures), so machine noise hits atsmatch
and its baselines alike and the *ratios* hold where the absolute numbers do not.

Corpus: the 58 SkillSpan development postings (``../shared/eval/skillspan/dev.jsonl``; tokens joined
with spaces, sentences with newlines). Where that file is absent the bundled text files
(``examples/``, ``tests/data/``) are the corpus instead, and the output says so.

The figures:

* **Extraction throughput** (documents/second, one core): ``Analyzer().extract(text)``, the whole
  pipeline (normalise, sections, match, pydantic models), next to (a) the *naive baseline*:
  ``spacy.blank("en")``'s tokenizer feeding a ``PhraseMatcher(attr="LOWER")``, and (b) the *floor*:
  the atsmatch regex tokenizer and a pyahocorasick automaton, matches kept at token boundaries.
  All three get the same terms: every surface form atsmatch compiles. The contenders take turns in
  rounds; each figure is a contender's median round. atsmatch runs as in a long batch, with every
  pattern compiled. Goals: >= 5x naive, within 3x of the floor.
* **CLI latency** (seconds, wall): ``atsmatch score examples/resume.pdf examples/posting.txt`` next
  to ``python -c "import spacy"``, taking turns, medians. Goal: <= 1.3x. The CLI keeps its compiled
  lexicon in a cache; the benchmark gives it a cache folder of its own (``XDG_CACHE_HOME``), filled
  by a first run, and also times it with ``ATSMATCH_NO_CACHE=1``. Also ``import atsmatch`` alone,
  the phases of a CLI run, and the imports that cost most (``-X importtime``).
* **Lexicon compile** (seconds, fresh processes): without the cache, YAML to ``Lexicon`` to form
  table; with it, the form table read from the cache; then ``Matcher(table)`` (*to a Matcher*: what
  is paid before the first document; spaCy gets its patterns as documents need them) and
  ``compile_all()`` (*all patterns*). Baseline: the naive build over the same terms.
* **Memory** (MB): peak RSS of a child process extracting 10,000 unique documents (corpus documents
  with a made-up reference line each, so new tokens keep arriving), and the RSS growth over the
  second 5,000. Goals: peak < 300 MB, growth <= 2 MB (flat). The naive baseline is measured the
  same way, for comparison.
* **Scoring throughput** (pairs/second): one posting, extracted once, against 1,000 resumes, given
  as text (their extraction included) and as ready extractions (scoring and near-misses only).

Prints a table (figure, value, baseline, ratio, goal, met) and writes it, with every detail and the
environment (versions, lexicon size and hash, ``nproc``, corpus, git commit), as JSON; the cProfile
of extraction and of scoring goes beside it (``bench_profile.txt``). docs/benchmarks.md reads the
figures.
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
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import bench_matcher  # beside this script: the figures of issue 12

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "results"
EXAMPLE_RESUME = REPO / "examples" / "resume.pdf"
EXAMPLE_POSTING = REPO / "examples" / "posting.txt"

GOAL_VS_NAIVE = 5.0  # atsmatch docs/s over naive docs/s, at least
GOAL_DOCS_PER_S = 1_000.0  # the lexicon matcher and its context rules, one core
GOAL_VS_SAME_WORK = 1 / 1.5  # Matcher.find docs/s over the same-work floor's, at least: within 1.5x
GOAL_EXPONENT = 1.15  # cost exponent in the document's length: linear, allowing n log n
GOAL_FORMAT_FLAT = 1.10  # peak RSS over 10x the files, at most this many times the smaller batch's
GOAL_WORKER_STARTUP_S = 0.5
GOAL_FIRST_EXTRACT_S = 1.0
GOAL_CLI_RATIO = 1.3  # `atsmatch score` wall time over `import spacy` wall time, at most
GOAL_PEAK_RSS_MB = 300.0
GOAL_FLAT_GROWTH_MB = 2.0  # second-half RSS growth that still counts as flat: allocator noise

NAIVE, FLOOR = "naive spaCy", "floor regex+Aho-Corasick"
SAME_WORK = "floor Aho-Corasick + same rules"
FIND, EXTRACT, PIPELINE = "atsmatch Matcher.find", "atsmatch Matcher.extract", "atsmatch"
LEGACY = "before: the spaCy matcher"
NO_TAGGER = "atsmatch, tagger off"  # Analyzer(tagger=False): the lexicon pipeline without the CRF


@dataclass(frozen=True)
class Settings:
    """How much work each measurement does; ``--quick`` shrinks all of it."""

    rounds: int = 5  # throughput rounds per contender, taking turns
    round_seconds: float = 1.0  # a round repeats the corpus until it lasts about this long
    stage_rounds: int = 7
    cli_runs: int = 11
    compile_runs: int = 5
    memory_docs: int = 10_000
    scoring_resumes: int = 1_000
    exponent_sizes: tuple[int, ...] = (61_250, 122_500, 245_000, 490_000)
    format_counts: tuple[int, int] = (1_000, 10_000)
    pool_resumes: int = 1_000
    startup_runs: int = 5
    lexicons: tuple[str, ...] = ()  # extra lexicon files, merged over the built-in one
    before: str | None = None  # a git revision whose Analyzer.extract is timed beside this tree's


QUICK = Settings(
    rounds=2,
    round_seconds=0.2,
    stage_rounds=3,
    cli_runs=3,
    compile_runs=2,
    memory_docs=1_000,
    scoring_resumes=100,
    exponent_sizes=(30_000, 60_000, 120_000),
    format_counts=(50, 500),
    pool_resumes=200,
    startup_runs=2,
)


# --- corpus ----------------------------------------------------------------------------------


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
                key = (sentence["source"], sentence["idx"])
                postings.setdefault(key, []).append(" ".join(sentence["tokens"]))
        texts = ["\n".join(sentences) for sentences in postings.values()]
        description = f"SkillSpan dev postings ({len(texts)} documents, {path})"
        return Corpus(texts, description, fallback=False)
    files = [
        *(REPO / "examples").glob("*.txt"),
        *(REPO / "tests" / "data").glob("*.txt"),
        *(REPO / "tests" / "data" / "postings").glob("*.txt"),
    ]
    files = sorted(f for f in files if f.name != "common_word_skills.txt")  # a word list
    texts = [f.read_text(encoding="utf-8") for f in files]
    description = (
        f"FALLBACK: {path} not found, so the bundled text files are the corpus ({len(texts)} "
        "documents from examples/ and tests/data/); not comparable with SkillSpan runs"
    )
    return Corpus(texts, description, fallback=True)


def corpus_stats(texts: list[str]) -> dict[str, Any]:
    from atsmatch.extraction.tokenizer import tokenize

    tokens = [len(tokenize(t)) for t in texts]
    return {
        "documents": len(texts),
        "characters_mean": round(statistics.mean(map(len, texts))),
        "tokens_mean": round(statistics.mean(tokens)),
        "tokens_total": sum(tokens),
    }


def unique_documents(texts: list[str], count: int, seed: int = 7) -> Iterator[str]:
    """``count`` documents cycling over ``texts``, each with a line of never-seen tokens."""
    rng = random.Random(seed)

    def made_up_word() -> str:
        letters = "".join(rng.choices(string.ascii_lowercase, k=rng.randint(3, 7)))
        return f"{letters}-{rng.randint(100, 99_999)}"

    for i in range(count):
        line = f"ref {rng.randint(10_000, 99_999)} " + " ".join(made_up_word() for _ in range(3))
        yield f"{texts[i % len(texts)]}\n{line}"


# --- contenders --------------------------------------------------------------------------------


def lexicon_terms(lexicon: Any) -> list[str]:
    """Every surface form the atsmatch matcher compiles: the term list all contenders get."""
    from atsmatch.lexicon.variants import surface_forms

    return [form.text for entry in lexicon.entries for form in surface_forms(entry)]


def atsmatch_extractor(analyzer: Any) -> Callable[[str], int]:
    """The whole atsmatch pipeline on text; returns how many mentions it found."""

    def extract(text: str) -> int:
        return sum(len(keyword.mentions) for keyword in analyzer.extract(text).keywords)

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

    extract.vocab = nlp.vocab  # type: ignore[attr-defined]  # the memory figure counts its strings
    return extract


def aho_floor_extractor(terms: list[str]) -> Callable[[str], int] | None:
    """Regex tokens and an Aho-Corasick automaton of the lowercased terms, matches kept only at
    token boundaries. None when pyahocorasick is not installed."""
    try:
        import ahocorasick
    except ImportError:
        return None
    from atsmatch.extraction.tokenizer import TOKEN_PATTERN

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


# --- extraction throughput ---------------------------------------------------------------------


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
    """Median documents/second per contender, over rounds in which the contenders take turns.

    A warm-up pass (in which atsmatch compiles its patterns) comes first; a second pass decides
    how many passes of the corpus make a contender's round last about ``round_seconds``.
    """
    passes = {}
    for name, extract in contenders.items():
        time_passes(extract, texts, 1)
        warm_rate = time_passes(extract, texts, 1)
        passes[name] = max(1, round(settings.round_seconds * warm_rate / len(texts)))
    rates: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(settings.rounds):
        for name, extract in contenders.items():
            rates[name].append(time_passes(extract, texts, passes[name]))
    return {
        name: {
            "docs_per_s": round(statistics.median(rates[name]), 1),
            "rounds_docs_per_s": [round(rate, 1) for rate in rates[name]],
            "passes_per_round": passes[name],
            "mentions_in_corpus": sum(extract(text) for text in texts),
        }
        for name, extract in contenders.items()
    }


def extraction_stages(analyzer: Any, no_tagger: Any, texts: list[str]) -> dict[str, Callable[[], Any]]:
    """The stages of ``Analyzer.extract`` over the corpus, each a call to time alone, in pipeline
    order (``extraction.pipeline.extract_document``): each stage is given what the stages before
    it made, so the stages add up to the whole. ``analyzer`` is the tagger-on one; the lexicon
    stages are timed as ``Analyzer(tagger=False)`` runs them, the tagger on its own line.
    """
    from atsmatch.extraction.found_skills import add_found_skills
    from atsmatch.extraction.tokens import Tokens
    from atsmatch.readers import document_from_text
    from atsmatch.structure.layout import read_structure

    matcher = analyzer.matcher
    word_forms, tagger = analyzer._found_skill_stages()
    documents = [document_from_text(text) for text in texts]
    structures = [read_structure(d.text) for d in documents]
    tokens = [Tokens(d.text) for d in documents]
    found = [
        matcher.extract(d, structure=s, tokens=t)
        for d, s, t in zip(documents, structures, tokens, strict=True)
    ]
    lexicon_only = [
        add_found_skills(e, word_forms=word_forms, tokens=t) for e, t in zip(found, tokens, strict=True)
    ]
    stages: dict[str, Callable[[], Any]] = {
        "read (normalise text)": lambda: [document_from_text(text) for text in texts],
        "read_structure": lambda: [read_structure(d.text) for d in documents],
        "Tokens (the regex tokenizer, once)": lambda: [Tokens(d.text) for d in documents],
        "Matcher.extract (trie, confirmation, models)": lambda: [
            matcher.extract(d, structure=s, tokens=t)
            for d, s, t in zip(documents, structures, tokens, strict=True)
        ],
        "found skills, tagger off (prose, word forms, lists)": lambda: [
            add_found_skills(e, word_forms=word_forms, tokens=t) for e, t in zip(found, tokens, strict=True)
        ],
        "Analyzer(tagger=False).extract (all of it)": lambda: [no_tagger.extract(text) for text in texts],
        "Analyzer.extract (all of it, tagger on)": lambda: [analyzer.extract(text) for text in texts],
    }
    if tagger is not None:
        stages["  of which the tagger (SkillTagger.tag)"] = lambda: [tagger.tag(e) for e in lexicon_only]
    return stages


def measure_extraction_stages(
    analyzer: Any, no_tagger: Any, texts: list[str], settings: Settings
) -> dict[str, float]:
    """Milliseconds per document in each stage of ``Analyzer.extract``, medians over rounds."""
    stages = extraction_stages(analyzer, no_tagger, texts)
    samples: dict[str, list[float]] = {stage: [] for stage in stages}
    for _ in range(settings.stage_rounds):
        for stage, call in stages.items():
            started = time.perf_counter()
            call()
            samples[stage].append(1000 * (time.perf_counter() - started) / len(texts))
    return {stage: round(statistics.median(ms), 3) for stage, ms in samples.items()}


def profile_top(call: Callable[[], Any], top: int = 10) -> tuple[list[dict[str, Any]], str]:
    """The ``top`` functions by own time while ``call`` runs, as rows and as pstats text."""
    profiler = cProfile.Profile()
    profiler.runcall(call)
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    by_own_time = sorted(stats.stats.items(), key=lambda item: -item[1][2])  # type: ignore[attr-defined]
    rows = []
    for (filename, line, function), (_, calls, own, cumulative, _) in by_own_time[:top]:
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


def profile_extraction(analyzer: Any, texts: list[str]) -> tuple[list[dict[str, Any]], str]:
    return profile_top(lambda: [analyzer.extract(text) for text in texts * 2])


# --- scoring -----------------------------------------------------------------------------------


def make_resumes(texts: list[str], resume_text: str, count: int, seed: int = 11) -> list[str]:
    """``count`` varied resumes: the example resume's lines, some dropped, with a few corpus
    sentences (skills a posting asks for) and a unique line mixed in."""
    rng = random.Random(seed)
    base = [line for line in resume_text.splitlines() if line.strip()]
    resumes = []
    for i in range(count):
        kept = [line for line in base if rng.random() < 0.8]
        sentences = texts[i % len(texts)].splitlines()
        borrowed = rng.sample(sentences, k=min(len(sentences), rng.randint(3, 15)))
        unique = f"Reference {i} {rng.randint(1000, 9999)}"
        resumes.append("\n".join([*kept[:3], *borrowed, *kept[3:], unique]))
    return resumes


def measure_scoring(analyzer: Any, texts: list[str], settings: Settings) -> dict[str, Any]:
    """Pairs per second: one posting, extracted once, against resumes as text and as extractions."""
    posting = analyzer.extract(analyzer.read(EXAMPLE_POSTING))
    resume_text = analyzer.read(EXAMPLE_RESUME).text
    resumes = make_resumes(texts, resume_text, settings.scoring_resumes)
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
    resumes = make_resumes(texts, analyzer.read(EXAMPLE_RESUME).text, 200)
    extractions = [analyzer.extract(resume) for resume in resumes]
    return profile_top(lambda: [analyzer.score(e, posting) for e in extractions])


def profile_worker(lexicons: list[str], shared: str) -> dict[str, Any]:
    """In a fresh process (nothing else alive in it), cProfile of extraction and of scoring."""
    import atsmatch

    analyzer = atsmatch.Analyzer(extra_lexicons=lexicons)
    texts = load_corpus(Path(shared)).texts
    for text in texts:
        analyzer.extract(text)
    extraction_rows, extraction_text = profile_extraction(analyzer, texts)
    scoring_rows, scoring_text = profile_scoring(analyzer, texts)
    return {
        "extraction_top10": extraction_rows,
        "scoring_top10": scoring_rows,
        "text": {
            "Extraction: Analyzer.extract over the corpus, twice": extraction_text,
            "Scoring: Analyzer.score(resume extraction, posting extraction), 200 resumes": scoring_text,
        },
    }


# --- CLI latency -------------------------------------------------------------------------------

# The CLI caches the compiled lexicon under $XDG_CACHE_HOME/atsmatch; ATSMATCH_NO_CACHE=1 turns the
# cache off. The benchmark points XDG_CACHE_HOME at a folder of its own, so the user's cache is
# neither used nor touched, and the state of the cache is known: filled by the first run.
NO_CACHE = {"ATSMATCH_NO_CACHE": "1"}


def cache_env(cache_home: str) -> dict[str, str]:
    return {"XDG_CACHE_HOME": cache_home}


def atsmatch_command() -> list[str]:
    """The ``atsmatch`` console script beside this Python, else ``python -m atsmatch.cli``."""
    script = Path(sys.executable).parent / "atsmatch"
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "atsmatch.cli"]


def lexicon_options(settings: Settings) -> list[str]:
    return [option for path in settings.lexicons for option in ("--lexicon", path)]


def wall_time(command: list[str], env: dict[str, str]) -> float:
    """Seconds from start to exit of ``command``, run from the repository root."""
    started = time.perf_counter()
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=os.environ | env)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        stderr = done.stderr.strip()[-500:]
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {stderr}")
    return elapsed


def measure_cli_latency(settings: Settings, cache_home: str) -> dict[str, Any]:
    """Median wall time of the CLI, with its lexicon cache and without, and of reference
    commands, taking turns. The first (warm-up) run of each command fills the cache."""
    score = [*atsmatch_command(), "score", "examples/resume.pdf", "examples/posting.txt"]
    score += lexicon_options(settings)
    cached = cache_env(cache_home)
    commands = {
        "atsmatch score": (score, cached),
        "atsmatch score, no cache": (score, cached | NO_CACHE),
        "python -c 'import spacy'": ([sys.executable, "-c", "import spacy"], {}),
        "python -c 'import atsmatch'": ([sys.executable, "-c", "import atsmatch"], {}),
        "python -c 'pass'": ([sys.executable, "-c", "pass"], {}),
    }
    for command, env in commands.values():  # fill the cache and the OS's file cache; fail early
        wall_time(command, env)
    runs: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(settings.cli_runs):
        for name, (command, env) in commands.items():
            runs[name].append(wall_time(command, env))
    return {
        "command": " ".join(score),
        "median_s": {name: round(statistics.median(times), 4) for name, times in runs.items()},
        "runs_s": {name: [round(t, 4) for t in times] for name, times in runs.items()},
    }


class Laps:
    """Times the steps of a run: ``lap(name)`` records the seconds since the previous lap."""

    def __init__(self) -> None:
        self.times: dict[str, float] = {}
        self._started = self._mark = time.perf_counter()

    def __call__(self, name: str) -> None:
        now = time.perf_counter()
        self.times[name] = round(now - self._mark, 4)
        self._mark = now

    def total(self) -> float:
        return round(time.perf_counter() - self._started, 4)


def cli_phases_worker(lexicons: list[str]) -> dict[str, float]:
    """In a fresh process, the steps ``atsmatch score`` takes, timed one by one (seconds).

    The steps are those of ``atsmatch.cli.score_command``, with the garbage-collector setting of
    ``atsmatch.cli.main``; the cache is on or off as the environment says, as for the CLI.
    """
    lap = Laps()
    phases = lap.times

    import gc

    from atsmatch.cli.app import build_analyzer  # the CLI's own imports: typer, atsmatch, pydantic

    lap("import atsmatch.cli")
    gc.freeze()  # as atsmatch.cli.main
    from atsmatch.render import render_report

    lap("import atsmatch.render")
    analyzer = build_analyzer([Path(path) for path in lexicons], 20.0)
    lexicon_entries = len(analyzer.lexicon)
    lap("lexicon and Matcher (cache read, or YAML + form table)")
    resume = analyzer.read(EXAMPLE_RESUME)
    lap("read resume.pdf")
    posting = analyzer.read(EXAMPLE_POSTING)
    lap("read posting.txt")
    report = analyzer.score(resume, posting)
    lap("score (extract both, read posting, near-misses)")
    render_report(report, "text", explain=False, width=100, color=False)
    lap("render text")
    phases["in-process total"] = lap.total()
    phases["lexicon entries"] = lexicon_entries
    phases["spacy imported"] = float("spacy" in sys.modules)
    return phases


def measure_cli_phases(settings: Settings, env: dict[str, str], cli_wall: float) -> dict[str, float]:
    """Median seconds per phase of a CLI run. What the CLI's wall time (``cli_wall``, measured
    apart) holds beyond them is interpreter start-up, argument parsing and exit."""
    runs = [
        run_worker("cli-phases", env=env, lexicons=settings.lexicons)
        for _ in range(max(3, settings.cli_runs // 2))
    ]
    median = {name: round(statistics.median(run[name] for run in runs), 4) for name in runs[0]}
    outside = cli_wall - median["in-process total"]
    median["start-up, typer and exit (CLI wall - in-process total)"] = round(outside, 4)
    return median


def cli_import_breakdown(settings: Settings, env: dict[str, str], top: int = 10) -> list[dict]:
    """The top-level imports of one ``atsmatch score`` run that cost most (``-X importtime``)."""
    argv = ["atsmatch", "score", str(EXAMPLE_RESUME), str(EXAMPLE_POSTING)]
    argv += lexicon_options(settings)
    code = f"import sys; from atsmatch.cli import main; sys.argv = {argv!r}; main()"
    command = [sys.executable, "-X", "importtime", "-c", code]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=os.environ | env)
    rows = []
    for line in done.stderr.splitlines():
        found = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if found and found.group(2) == " ":  # imported by the run itself, not by another module
            rows.append({"module": found.group(3), "cumulative_ms": int(found.group(1)) / 1000})
    return sorted(rows, key=lambda r: -r["cumulative_ms"])[:top]


# --- lexicon compile ---------------------------------------------------------------------------


def compile_worker(lexicons: list[str], cache_dir: str | None) -> dict[str, float]:
    """In a fresh process, the lexicon compiled step by step (seconds).

    Without ``cache_dir``: YAML to validated ``Lexicon``, then the form table (every surface form
    derived and tokenized). With it: the form table read from the cache (built and written first
    if the cache lacks it). Then ``Matcher(table)``, which gives spaCy nothing yet, and
    ``compile_all()``, which gives it every pattern (the matcher otherwise does so as documents
    need them). Without the cache, last, for comparison: the naive baseline's build, from
    ``spacy.blank("en")`` to its PhraseMatcher over the same terms.
    """
    lap = Laps()
    timings = lap.times

    import atsmatch
    from atsmatch.extraction.matcher import Matcher
    from atsmatch.lexicon.cache import load_form_table
    from atsmatch.lexicon.table import build_form_table

    lap("import atsmatch")
    if cache_dir is None:
        lexicon = atsmatch.load_lexicon(lexicons)
        lap("load_lexicon")
        table = build_form_table(lexicon)
        lap("build_form_table")
    else:
        table = load_form_table(lexicons, Path(cache_dir))
        lap("load_form_table (cache)")
    Matcher(table)
    lap("Matcher(table)")
    if cache_dir is None:
        terms = lexicon_terms(table.lexicon)
        lap("(surface forms for the naive build)")
        naive_spacy_extractor(terms)
        lap("naive: spacy.blank + PhraseMatcher, same terms")
    return timings


def measure_compile(settings: Settings, cache_home: str) -> dict[str, Any]:
    """Median seconds of each compile step over fresh processes, without the cache and with it,
    taking turns; and the first run that writes the cache."""
    cache_dir = str(Path(cache_home) / "compile")
    first = run_worker("compile", lexicons=settings.lexicons, cache_dir=cache_dir)
    runs: dict[str, list[dict[str, float]]] = {"cold": [], "cached": []}
    for _ in range(settings.compile_runs):
        runs["cold"].append(run_worker("compile", lexicons=settings.lexicons, cache_dir=None))
        runs["cached"].append(run_worker("compile", lexicons=settings.lexicons, cache_dir=cache_dir))
    result: dict[str, Any] = {"first run, writing the cache": first}
    result["import spacy s"] = statistics.median(
        wall_time([sys.executable, "-c", "import spacy"], {}) for _ in range(settings.compile_runs)
    )
    for mode, samples in runs.items():
        median = {step: statistics.median(run[step] for run in samples) for step in samples[0]}
        steps = ("load_lexicon", "build_form_table", "load_form_table (cache)", "Matcher(table)")
        before_matching = sum(median.get(step, 0.0) for step in steps)
        median["to a ready Matcher"] = before_matching
        median["imports + all of it"] = median["import atsmatch"] + before_matching
        result[mode] = {step: round(seconds, 4) for step, seconds in median.items()}
    return result


# --- memory ------------------------------------------------------------------------------------


def rss_mb() -> float:
    """Current resident set size, from /proc/self/statm."""
    with open("/proc/self/statm") as handle:
        resident_pages = int(handle.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE") / 1_048_576


def peak_rss_mb() -> float:
    """Peak resident set size of this process image: VmHWM in /proc/self/status.

    Not ``ru_maxrss``: in a child process that also counts the parent's memory at the fork.
    """
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def memory_worker(contender: str, docs: int, shared: str, lexicons: list[str]) -> dict[str, Any]:
    """Extract ``docs`` unique documents; RSS and spaCy's string count at the start and halves."""
    import atsmatch

    texts = load_corpus(Path(shared)).texts
    if contender == "atsmatch":
        analyzer = atsmatch.Analyzer(extra_lexicons=lexicons)
        extract = atsmatch_extractor(analyzer)
        vocab = None  # no spaCy vocabulary: nothing grows per new word
    else:
        extract = naive_spacy_extractor(lexicon_terms(atsmatch.load_lexicon(lexicons)))
        vocab = extract.vocab  # type: ignore[attr-defined]

    def point(done: int) -> dict[str, Any]:
        return {
            "docs": done,
            "rss_mb": round(rss_mb(), 1),
            "peak_mb": round(peak_rss_mb(), 1),
            "strings": len(vocab.strings) if vocab is not None else 0,
        }

    points = {"compiled": point(0)}
    half = docs // 2
    started = time.perf_counter()
    for done, text in enumerate(unique_documents(texts, docs), start=1):
        extract(text)
        if done == half:
            points["first half"] = point(done)
    points["second half"] = point(docs)
    first, second = points["first half"], points["second half"]
    return {
        "points": points,
        "docs_per_s": round(docs / (time.perf_counter() - started), 1),
        "peak_mb": second["peak_mb"],
        "growth_second_half_mb": round(second["rss_mb"] - first["rss_mb"], 1),
        "peak_growth_second_half_mb": round(second["peak_mb"] - first["peak_mb"], 1),
        "strings_growth_second_half": second["strings"] - first["strings"],
    }


def measure_memory(settings: Settings, shared: Path) -> dict[str, Any]:
    return {
        contender: run_worker(
            "memory",
            contender=contender,
            docs=settings.memory_docs,
            shared=str(shared),
            lexicons=settings.lexicons,
        )
        for contender in ("atsmatch", NAIVE)
    }


# --- child processes ---------------------------------------------------------------------------


def run_worker(name: str, env: dict[str, str] | None = None, **params: Any) -> dict[str, Any]:
    """Run a measurement in a fresh Python process (this script, ``--worker``); its JSON result."""
    command = [sys.executable, __file__, "--worker", name, json.dumps(params)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=os.environ | (env or {}))
    if done.returncode != 0:
        raise RuntimeError(f"worker {name} failed: {done.stderr.strip()[-1500:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


WORKERS: dict[str, Callable[..., dict[str, Any]]] = {
    "compile": compile_worker,
    "cli-phases": cli_phases_worker,
    "memory": memory_worker,
    "profile": profile_worker,
    "startup": bench_matcher.startup_worker,
}


def worker_main(name: str, params: str) -> int:
    print(json.dumps(WORKERS[name](**json.loads(params))))
    return 0


# --- the table ---------------------------------------------------------------------------------


def row(
    figure: str,
    value: float,
    unit: str,
    baseline: tuple[float, str] | None = None,
    goal: str = "",
    met: bool | None = None,
    ratio: bool = True,
) -> dict[str, Any]:
    """One line of the table; its ratio is value / baseline."""
    base_value, base_name = baseline if baseline else (None, "")
    return {
        "figure": figure,
        "value": value,
        "unit": unit,
        "baseline": base_value,
        "baseline_name": base_name,
        "ratio": round(value / base_value, 3) if ratio and base_value else None,
        "goal": goal,
        "met": met,
    }


def throughput_rows(throughput: dict[str, Any]) -> list[dict[str, Any]]:
    naive = (throughput[NAIVE]["docs_per_s"], "naive")
    find, extract, pipeline = (throughput[name]["docs_per_s"] for name in (FIND, EXTRACT, PIPELINE))
    goal = f">= {GOAL_DOCS_PER_S:,.0f} docs/s"
    rows = [
        row("extraction, Matcher.find (tuples)", find, "docs/s", naive, goal, find >= GOAL_DOCS_PER_S),
        row(
            "extraction, Matcher.extract (models)", extract, "docs/s", naive, goal, extract >= GOAL_DOCS_PER_S
        ),
    ]
    if SAME_WORK in throughput:
        floor = (throughput[SAME_WORK]["docs_per_s"], "same-work floor")
        met = find / floor[0] >= GOAL_VS_SAME_WORK
        rows.append(row("extraction, Matcher.find", find, "docs/s", floor, ">= 0.67x", met))
    # The goal is the lexicon pipeline's; the trained tagger (issue 9) is timed on its own line.
    no_tagger = throughput[NO_TAGGER]["docs_per_s"]
    goal = f">= {GOAL_VS_NAIVE:g}x naive"
    met = no_tagger / naive[0] >= GOAL_VS_NAIVE
    rows.append(row("extraction, Analyzer.extract, tagger off", no_tagger, "docs/s", naive, goal, met))
    rows.append(row("extraction, Analyzer.extract (all, tagger on)", pipeline, "docs/s", naive))
    rows.append(row("extraction, tagger's share", pipeline, "docs/s", (no_tagger, "tagger off")))
    if LEGACY in throughput:
        before = (throughput[LEGACY]["docs_per_s"], "spaCy matcher")
        rows.append(row("extraction, Matcher.extract vs before", extract, "docs/s", before))
    if FLOOR in throughput:
        candidates_only = throughput[FLOOR]["docs_per_s"]
        rows.append(row("extraction, floor (candidates only)", candidates_only, "docs/s", naive))
    rows.append(row("extraction, naive spaCy", naive[0], "docs/s"))
    return rows


def scaling_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    exponent, formats, startup, pool = (figures[k] for k in ("exponent", "formats", "startup", "pool"))
    spacy = (figures["cli"]["median_s"]["python -c 'import spacy'"], "import spacy")
    worst = exponent["worst_exponent"]
    rows = [row("cost exponent in length (worst kind)", worst, "", None, f"<= {GOAL_EXPONENT:g}",
                worst <= GOAL_EXPONENT)]  # fmt: skip
    for kind, found in formats.items():
        small, large = (found["runs"][str(c)] for c in figures["format_counts"])
        baseline = (small["peak_mb"], f"{small['files']:,} files")
        met = found["large_over_small"] <= GOAL_FORMAT_FLAT
        figure = f"peak RSS, rank {large['files']:,} {kind}"
        rows.append(row(figure, large["peak_mb"], "MB", baseline, f"<= {GOAL_FORMAT_FLAT:g}x", met))
        if "before: gc.set_threshold(200_000)" in found:
            old = found["before: gc.set_threshold(200_000)"]
            before = (old["peak_mb"], "old GC threshold")
            rows.append(row(f"peak RSS, rank {old['files']:,} {kind}", small["peak_mb"], "MB", before))
    first = startup["import + first extract"]
    goal = f"< {GOAL_FIRST_EXTRACT_S:g} s"
    rows.append(row("import atsmatch + first extract", first, "s", spacy, goal, first < GOAL_FIRST_EXTRACT_S))
    worker = startup["worker start-up (import + lexicon)"]
    goal = f"< {GOAL_WORKER_STARTUP_S:g} s"
    rows.append(row("worker start-up", worker, "s", spacy, goal, worker < GOAL_WORKER_STARTUP_S))
    uncached = figures["startup_no_cache"]["import + first extract"]
    rows.append(
        row(
            "import + first extract, no cache", uncached, "s", spacy, "< 1 s", uncached < GOAL_FIRST_EXTRACT_S
        )
    )
    one, two = pool["1 process(es) s"], pool["2 process(es) s"]
    figure = f"pool of 2, {pool['resumes']:,} resumes"
    rows.append(row(figure, two, "s", (one, "1 process"), "< 1x", two < one))
    return rows


def cli_rows(cli: dict[str, Any]) -> list[dict[str, Any]]:
    seconds = cli["median_s"]
    spacy = (seconds["python -c 'import spacy'"], "import spacy")
    goal = f"<= {GOAL_CLI_RATIO:g}x"
    rows = []
    for name, figure in (("atsmatch score", "CLI score, cache filled"),
                         ("atsmatch score, no cache", "CLI score, no cache")):  # fmt: skip
        met = seconds[name] / spacy[0] <= GOAL_CLI_RATIO
        rows.append(row(figure, seconds[name], "s", spacy, goal, met))
    rows.append(row("python -c 'import atsmatch'", seconds["python -c 'import atsmatch'"], "s", spacy))
    return rows


def compile_rows(compile_: dict[str, Any]) -> list[dict[str, Any]]:
    cold, cached = compile_["cold"], compile_["cached"]
    naive = (cold["naive: spacy.blank + PhraseMatcher, same terms"], "naive build")
    spacy = (compile_["import spacy s"], "import spacy")
    return [
        row("compile, no cache, to a Matcher", cold["to a ready Matcher"], "s", naive),
        row("compile, cache hit, to a Matcher", cached["to a ready Matcher"], "s", naive),
        row("compile, no cache, + import atsmatch", cold["imports + all of it"], "s", spacy),
    ]


def memory_rows(memory: dict[str, Any]) -> list[dict[str, Any]]:
    ours, naive = memory["atsmatch"], memory[NAIVE]
    docs = ours["points"]["second half"]["docs"]
    growth = ours["growth_second_half_mb"]
    return [
        row(
            f"peak RSS, {docs:,} docs",
            ours["peak_mb"],
            "MB",
            (naive["peak_mb"], "naive"),
            f"< {GOAL_PEAK_RSS_MB:g} MB",
            ours["peak_mb"] < GOAL_PEAK_RSS_MB,
        ),
        row(
            "RSS growth, 2nd half",
            growth,
            "MB",
            (naive["growth_second_half_mb"], "naive"),
            f"<= {GOAL_FLAT_GROWTH_MB:g} MB",
            growth <= GOAL_FLAT_GROWTH_MB,
            ratio=False,
        ),
        row(
            "spaCy strings added, 2nd half",
            ours["strings_growth_second_half"],
            "",
            (naive["strings_growth_second_half"], "naive"),
            ratio=False,
        ),
    ]


def scoring_rows(scoring: dict[str, Any]) -> list[dict[str, Any]]:
    with_text = scoring["pairs_per_s_resume_text"]
    return [
        row("scoring, resumes as text", with_text, "pairs/s"),
        row(
            "scoring, resumes extracted",
            scoring["pairs_per_s_resume_extractions"],
            "pairs/s",
            (with_text, "as text"),
        ),
    ]


def summary_rows(figures: dict[str, Any]) -> list[dict[str, Any]]:
    """The table: each headline figure, its baseline, the ratio and the goal."""
    return [
        *throughput_rows(figures["throughput"]),
        *cli_rows(figures["cli"]),
        *compile_rows(figures["compile"]),
        *scaling_rows(figures),
        *memory_rows(figures["memory"]),
        *scoring_rows(figures["scoring"]),
        *before_after_rows(figures.get("before_after")),
    ]


def before_after_rows(found: dict[str, Any] | None) -> list[dict[str, Any]]:
    """This tree against ``--before REVISION``, same run: docs/s (CPU time) and the exponent."""
    if not found:
        return []
    revision = found["revision"]
    rows = []
    for tagger in ("off", "on"):
        before, after = found[f"tagger_{tagger}"]["before"], found[f"tagger_{tagger}"]["after"]
        figure = f"Analyzer.extract, tagger {tagger}, vs {revision}"
        rows.append(row(figure, after, "docs/s", (before, revision)))
    worst = {tree: found["exponent"][tree]["worst_exponent"] for tree in ("before", "after")}
    goal, met = f"<= {GOAL_EXPONENT:g}", worst["after"] <= GOAL_EXPONENT
    figure = f"cost exponent (worst kind), vs {revision}"
    rows.append(row(figure, worst["after"], "", (worst["before"], revision), goal, met, ratio=False))
    return rows


def format_number(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int) or abs(value) >= 100:
        return f"{value:,.0f}"
    return f"{value:.3g}" if abs(value) < 10 else f"{value:.1f}"


def render_table(rows: list[dict[str, Any]]) -> str:
    header = ("figure", "value", "baseline", "ratio", "goal", "met")
    cells = [header]
    for r in rows:
        baseline = f"{format_number(r['baseline'])} {r['baseline_name']}" if r["baseline_name"] else ""
        cells.append(
            (
                r["figure"],
                f"{format_number(r['value'])} {r['unit']}".strip(),
                baseline,
                f"{r['ratio']:.2f}x" if r["ratio"] is not None else "",
                r["goal"],
                {True: "yes", False: "NO", None: ""}[r["met"]],
            )
        )
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


# --- the run -----------------------------------------------------------------------------------


def environment(corpus: Corpus, lexicon: Any, terms: list[str], settings: Settings) -> dict:
    from importlib.metadata import PackageNotFoundError, version

    import spacy

    import atsmatch

    try:
        aho_version: str | None = version("pyahocorasick")
    except PackageNotFoundError:
        aho_version = None
    return {
        "date": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "atsmatch": atsmatch.__version__,
        "lexicon_entries": len(lexicon),
        "lexicon_hash": lexicon.content_hash,
        "lexicon_surface_forms": len(terms),
        "lexicon_sources": list(lexicon.sources),
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "pyahocorasick": aho_version,
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "nproc": os.cpu_count(),
        "corpus": corpus.description,
        "corpus_fallback": corpus.fallback,
        "settings": asdict(settings),
        **git_state(),
    }


def git_state() -> dict[str, Any]:
    """The commit measured, and whether the code or lexicon had uncommitted changes."""

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        except OSError:
            return None
        return done.stdout.strip() if done.returncode == 0 else None

    status = git("status", "--porcelain", "--", "src", "data")
    return {"git_commit": git("rev-parse", "--short", "HEAD"), "src_or_data_modified": bool(status)}


def pin_to_one_core() -> int | None:
    """Pin this process (and so its children) to one CPU: every figure is a one-core figure."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = max(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def step(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


def measure_everything(
    corpus: Corpus, shared: Path, settings: Settings, cache_home: str
) -> tuple[dict[str, Any], dict[str, str]]:
    """Every figure, and the profiles as text; ``cache_home`` holds the CLI's lexicon cache."""
    import atsmatch

    analyzer = atsmatch.Analyzer(extra_lexicons=settings.lexicons)
    terms = lexicon_terms(analyzer.lexicon)
    step("building the contenders")
    matcher = analyzer.matcher
    no_tagger = atsmatch.Analyzer(extra_lexicons=settings.lexicons, tagger=False)
    documents = [atsmatch.Document(text=text, format="text") for text in corpus.texts]
    by_text = {d.text: d for d in documents}
    contenders = {
        FIND: lambda text: len(matcher.find(text)),
        EXTRACT: lambda text: len(matcher.extract(by_text[text]).keywords),
        PIPELINE: atsmatch_extractor(analyzer),
        NO_TAGGER: atsmatch_extractor(no_tagger),
        NAIVE: naive_spacy_extractor(terms),
    }
    legacy = bench_matcher.legacy_extractor(matcher)
    if legacy is not None:
        contenders[LEGACY] = legacy
    same_work = bench_matcher.aho_same_work_extractor(matcher)
    floor = aho_floor_extractor(terms)
    if floor is None or same_work is None:
        print("note: no floor figures: pyahocorasick is missing (`pip install pyahocorasick`)")
    else:
        differing = [i for i, text in enumerate(corpus.texts) if same_work(text) != matcher.find(text)]
        if differing:
            raise RuntimeError(f"the same-work floor differs from Matcher.find on documents {differing}")
        contenders[SAME_WORK] = lambda text: len(same_work(text))
        contenders[FLOOR] = floor
    figures: dict[str, Any] = {"corpus": corpus_stats(corpus.texts)}
    step(f"extraction throughput: {settings.rounds} rounds, contenders taking turns")
    figures["throughput"] = measure_throughput(contenders, corpus.texts, settings)
    step("extraction stages")
    stages = measure_extraction_stages(analyzer, no_tagger, corpus.texts, settings)
    figures["extraction_stages_ms_per_doc"] = stages
    step(f"scoring: one posting against {settings.scoring_resumes:,} resumes")
    figures["scoring"] = measure_scoring(analyzer, corpus.texts, settings)
    step(f"CLI latency: {settings.cli_runs} runs each, taking turns; phases; imports")
    figures["cli"] = measure_cli_latency(settings, cache_home)
    cached = cache_env(cache_home)
    walls = figures["cli"]["median_s"]
    figures["cli_phases_s"] = measure_cli_phases(settings, cached, walls["atsmatch score"])
    figures["cli_phases_no_cache_s"] = measure_cli_phases(
        settings, cached | NO_CACHE, walls["atsmatch score, no cache"]
    )
    figures["cli_imports_ms"] = cli_import_breakdown(settings, cached)
    step(f"lexicon compile: {settings.compile_runs} fresh processes")
    figures["compile"] = measure_compile(settings, cache_home)
    step(f"cost exponent: sizes {settings.exponent_sizes}")
    figures["exponent"] = bench_matcher.measure_exponent(analyzer, settings.exponent_sizes)
    step(f"peak RSS of `atsmatch rank` over {settings.format_counts} files of each format")
    figures["format_counts"] = list(settings.format_counts)
    with tempfile.TemporaryDirectory(prefix="atsmatch-bench-files-") as folder:
        # The files as a "-" list on stdin, as a batch of thousands is given: as arguments, CPython's
        # own copies of 10,000 paths add 13 MB that a bare `python -c pass` shows too (docs/batch.md).
        figures["formats"] = bench_matcher.measure_format_memory(
            corpus.texts, Path(folder), settings.format_counts, cached, files_on_stdin=True
        )
    step(f"worker start-up: {settings.startup_runs} fresh processes; pools of 1 and 2")
    for mode, flag in (("startup", True), ("startup_no_cache", False)):
        starts = [run_worker("startup", env=cached, cached=flag) for _ in range(settings.startup_runs)]
        figures[mode] = {k: statistics.median(float(run[k]) for run in starts) for k in starts[0]}
    resumes = make_resumes(corpus.texts, analyzer.read(EXAMPLE_RESUME).text, settings.pool_resumes)
    figures["pool"] = bench_matcher.measure_pool(resumes, analyzer.read(EXAMPLE_POSTING).text)
    step(f"memory: {settings.memory_docs:,} unique documents per contender, in child processes")
    figures["memory"] = measure_memory(settings, shared)
    if settings.before:
        step(f"Analyzer.extract before ({settings.before}) and after, fresh processes taking turns")
        figures["before_after"] = bench_matcher.measure_against_revision(
            settings.before, corpus.texts, max(2, settings.rounds), settings.round_seconds * 3,
            settings.exponent_sizes,
        )  # fmt: skip
    step("cProfile of extraction and scoring, in a child process")
    profiles = run_worker("profile", lexicons=settings.lexicons, shared=str(shared))
    figures["extraction_profile_top10"] = profiles["extraction_top10"]
    figures["scoring_profile_top10"] = profiles["scoring_top10"]
    return figures, profiles["text"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a smoke run: fewer rounds and docs")
    parser.add_argument(
        "--out", type=Path, help="the JSON file (default: results/bench.json, or bench_quick.json)"
    )
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="../shared")
    parser.add_argument(
        "--lexicon",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="a lexicon file merged over the built-in one, as `atsmatch --lexicon` (repeatable)",
    )
    parser.add_argument(
        "--before",
        metavar="REVISION",
        help="also time Analyzer.extract (tagger off and on) and the exponent of this git revision, "
        "in fresh processes taking turns with this tree's (e.g. --before main)",
    )
    parser.add_argument("--worker", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker_main(*args.worker)
    settings = replace(
        QUICK if args.quick else Settings(),
        lexicons=tuple(str(path.resolve()) for path in args.lexicon),
        before=args.before,
    )
    out = args.out or RESULTS / ("bench_quick.json" if args.quick else "bench.json")

    import atsmatch

    pinned = pin_to_one_core()
    code_at_start = git_state()
    corpus = load_corpus(args.shared)
    lexicon = atsmatch.load_lexicon(settings.lexicons)
    terms = lexicon_terms(lexicon)
    print(f"corpus: {corpus.description}")
    print(
        f"lexicon: {len(lexicon)} entries, {len(terms)} surface forms ({lexicon.content_hash}) "
        f"from {', '.join(lexicon.sources)}"
    )
    with tempfile.TemporaryDirectory(prefix="atsmatch-bench-") as cache_home:
        figures, profiles = measure_everything(corpus, args.shared, settings, cache_home)
    rows = summary_rows(figures)
    result: dict[str, Any] = {
        "environment": {**environment(corpus, lexicon, terms, settings), "pinned_cpu": pinned},
        "summary": rows,
        "figures": figures,
    }
    if atsmatch.load_lexicon(settings.lexicons).content_hash != lexicon.content_hash:
        result["warning"] = "the lexicon changed during the run; run again for consistent figures"
    elif git_state() != code_at_start or code_at_start["src_or_data_modified"]:
        result["warning"] = "src/ or data/ had uncommitted changes, or a commit landed, during the run"

    print()
    print(render_table(rows))
    print()
    print(f"lexicon {len(lexicon)} entries ({lexicon.content_hash}); corpus: {corpus.description}")
    if "warning" in result:
        print(f"WARNING: {result['warning']}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    profile_path = out.with_name(out.stem + "_profile.txt")
    profile_path.write_text(
        "".join(f"# {title}\n{text}\n" for title, text in profiles.items()), encoding="utf-8"
    )
    print(f"wrote {out} and {profile_path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
