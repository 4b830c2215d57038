"""Batch throughput: pairs per second for N text and N PDF resumes against one posting, sequential
(today's ``Analyzer.score`` loop) vs the pool on 1 and 2 workers vs Spark ``local[2]``; peak memory
per worker; reading (pypdf) vs the rest; the shortlist's cost; a projection to 10M × 10k.

    nice -n 10 python benchmarks/batch.py            # N = 1000 (about five minutes on 2 free cores)
    nice -n 10 python benchmarks/batch.py --n 200    # quicker
    python benchmarks/batch.py --no-spark

Resumes are generated (fpdf2 for the PDFs) from varied text; results go to benchmarks/results/batch.json.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
POSTING = ROOT / "examples" / "posting.txt"
SKILLS = ["Python", "SQL", "Kubernetes", "Docker", "Terraform", "Apache Spark", "Airflow", "AWS", "Azure",
          "Java", "Scala", "Go", "PostgreSQL", "MongoDB", "Kafka", "TensorFlow", "PyTorch", "pandas",
          "Tableau", "Power BI", "Git", "Linux", "Jenkins", "Ansible", "React", "TypeScript", "Snowflake",
          "dbt", "Hadoop", "Redis", "GraphQL", "communication", "leadership", "teamwork",
          "Scrum"]  # fmt: skip
VERBS = ["Built", "Designed", "Led", "Maintained", "Migrated", "Automated", "Optimised", "Shipped"]
THINGS = ["data pipelines", "a reporting platform", "the billing service", "ETL jobs", "dashboards",
          "a recommendation engine", "CI/CD", "the event bus"]  # fmt: skip


def resume_text(rng: random.Random, number: int) -> str:
    skills = rng.sample(SKILLS, rng.randint(6, 16))
    lines = [f"Candidate {number}", f"candidate{number}@example.com | +1 555 010 {number:04}", "",
             "Summary",
             f"Engineer with {rng.randint(1, 15)} years of experience in {skills[0]} and {skills[1]}.",
             "", "Experience"]  # fmt: skip
    for job in range(rng.randint(2, 4)):
        lines += [f"Senior Engineer, Company {job}  2018 - 2023"]
        for _ in range(rng.randint(3, 6)):
            lines.append(f"- {rng.choice(VERBS)} {rng.choice(THINGS)} with {rng.choice(skills)} and "
                         f"{rng.choice(skills)}, cutting costs by {rng.randint(5, 60)}%.")  # fmt: skip
    lines += ["", "Education", rng.choice(["B.Sc. Computer Science", "M.Sc. Statistics", "BA Economics"]),
              "", "Skills", ", ".join(skills)]  # fmt: skip
    return "\n".join(lines)


def write_corpus(folder: Path, n: int) -> tuple[list[Path], list[Path]]:
    from fpdf import FPDF

    rng = random.Random(13)
    texts, pdfs = [], []
    (folder / "text").mkdir()
    (folder / "pdf").mkdir()
    for number in range(n):
        text = resume_text(rng, number)
        path = folder / "text" / f"resume_{number:05}.txt"
        path.write_text(text)
        texts.append(path)
        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in text.split("\n"):
            pdf.multi_cell(0, 5, line or " ", new_x="LMARGIN", new_y="NEXT")
        path = folder / "pdf" / f"resume_{number:05}.pdf"
        pdf.output(str(path))
        pdfs.append(path)
    return texts, pdfs


def sequential(paths: list[Path]) -> dict:
    """Today: one Analyzer, ``score(path, posting_extraction)`` per resume; reading timed apart."""
    from atsmatch import Analyzer, read_document

    analyzer = Analyzer(cache_dir=_cache())
    posting = analyzer.extract(POSTING)
    analyzer.score(paths[0], posting)  # compile before timing
    started = time.perf_counter()
    for path in paths:
        analyzer.score(path, posting)
    total = time.perf_counter() - started
    started = time.perf_counter()
    for path in paths:
        read_document(path)
    reading = time.perf_counter() - started
    return {"seconds": total, "pairs_per_s": len(paths) / total, "reading_share": reading / total}


def pooled(paths: list[Path], jobs: int) -> dict:
    from atsmatch.batch.pool import WorkerPool
    from atsmatch.batch.worker import BatchSettings, PairTask, document_ref, score_task, setup

    settings = BatchSettings(cache_dir=_cache())
    fixed = document_ref(POSTING.read_bytes(), label=str(POSTING))
    tasks = [PairTask(resume=document_ref(p), posting=fixed) for p in paths]
    with WorkerPool(setup, (settings,), jobs=jobs, time_limit=600) as pool:
        list(pool.run(score_task, tasks[: jobs * 2]))  # workers started and warm
        started = time.perf_counter()
        results = list(pool.run(score_task, tasks))
        total = time.perf_counter() - started
        peaks = [_peak_mib(w.process.pid) for w in pool._workers]
    assert all(r.error is None for _, r in results)
    return {"seconds": total, "pairs_per_s": len(paths) / total, "peak_mib_per_worker": max(peaks)}


def spark_local(folder: Path, n_pairs: int):
    """A function timing one Spark ``local[2]`` pass over the folder (session started once)."""
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    from atsmatch.batch.worker import BatchSettings
    from atsmatch.spark import score_udf

    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.shuffle.partitions", "4").getOrCreate())  # fmt: skip
    spark.sparkContext.setLogLevel("ERROR")
    udf = score_udf(BatchSettings(cache_dir=_cache()))
    posting = POSTING.read_text()

    def run() -> dict:
        files = spark.read.format("binaryFile").option("recursiveFileLookup", "true").load(str(folder))
        scored = files.repartition(4).select("path", udf("content", F.lit(posting)).alias("row"))
        started = time.perf_counter()
        count = scored.where("row.score IS NOT NULL").count()
        assert count == n_pairs, count
        total = time.perf_counter() - started
        return {"seconds": total, "pairs_per_s": n_pairs / total}

    run()  # executors' Python workers started and their Analyzers built
    return run, spark.stop


def shortlist_costs(paths: list[Path]) -> dict:
    from atsmatch import Analyzer
    from atsmatch.batch import KeywordIndex, posting_weights

    analyzer = Analyzer(cache_dir=_cache())
    reading = analyzer.read_posting(POSTING)
    started = time.perf_counter()
    extractions = [analyzer.extract(p) for p in paths]
    extract = (time.perf_counter() - started) / len(paths)
    started = time.perf_counter()
    for extraction in extractions:
        analyzer.score(extraction, reading)
    score_given = (time.perf_counter() - started) / len(paths)
    index = KeywordIndex()
    started = time.perf_counter()
    for number, extraction in enumerate(extractions):
        index.add(str(number), (k.name for k in extraction.keywords))
    build = (time.perf_counter() - started) / len(paths)
    wanted = posting_weights(reading)
    started = time.perf_counter()
    for _ in range(20):
        index.holders_covering(wanted, 100)
    query = (time.perf_counter() - started) / 20
    return {"extract_s": extract, "score_given_extractions_s": score_given, "index_add_s": build,
            "query_s": query, "indexed": len(paths)}  # fmt: skip


def shuffled_vs_grouped(paths: list[Path]) -> dict:
    """Pairs in posting order vs shuffled: a posting read is reused by content either way."""
    from atsmatch import Analyzer

    analyzer = Analyzer(cache_dir=_cache())
    postings = [analyzer.extract(p) for p in sorted((ROOT / "tests" / "data" / "postings").glob("*.txt"))]
    resumes = [analyzer.extract(p) for p in paths[:100]]
    pairs = [(r, p) for p in postings for r in resumes]
    times = {}
    for name, order in (("grouped", pairs), ("shuffled", random.Random(1).sample(pairs, len(pairs)))):
        started = time.perf_counter()
        for resume, posting in order:
            analyzer.score(resume, posting)
        times[name] = time.perf_counter() - started
    return {"pairs": len(pairs), **times, "shuffled_speed": times["grouped"] / times["shuffled"]}


def project(short: dict) -> dict:
    """Core-hours for 10M resumes × 10k postings, each document extracted once either way: every
    pair fully reported (brute force) vs a shortlist of k = 100 resumes per posting."""
    resumes, postings, k = 10_000_000, 10_000, 100
    extract, report = short["extract_s"], short["score_given_extractions_s"]
    query = short["query_s"] * resumes / short["indexed"]  # holder lists grow with the resumes
    both = (resumes + postings) * extract
    brute = both + resumes * postings * report
    shortlist = both + resumes * short["index_add_s"] + postings * (query + k * report)
    return {"brute_force_core_hours": brute / 3600, "shortlist_core_hours": shortlist / 3600,
            "extraction_core_hours": both / 3600, "query_s_at_10M": query, "k": k}  # fmt: skip


def _cache() -> str:
    return os.environ.get("ATSMATCH_BENCH_CACHE") or tempfile.gettempdir() + "/atsmatch-bench-cache"


def _peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=1000, help="resumes of each kind (text, PDF)")
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--rounds", type=int, default=2, help="alternated rounds; the best of each is kept")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="atsmatch-batch-bench-"))
    try:
        started = time.perf_counter()
        texts, pdfs = write_corpus(folder, args.n)
        print(
            f"corpus: {args.n} text + {args.n} PDF resumes in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
        both = texts + pdfs
        results = {"n_per_kind": args.n, "cores": os.cpu_count(), "load_average": os.getloadavg()[0]}
        results["sequential_by_kind"] = {"text": sequential(texts), "pdf": sequential(pdfs)}
        # The four ways over the same 2N pairs, alternated for `--rounds` rounds, best of each kept:
        # the machine is shared, and alternating spreads other people's load over all four.
        ways = {"sequential": lambda: sequential(both), "pool_1": lambda: pooled(both, 1),
                "pool_2": lambda: pooled(both, 2)}  # fmt: skip
        stop = None
        if not args.no_spark:
            ways["spark_local_2"], stop = spark_local(folder, len(both))
        for _ in range(args.rounds):
            for name, way in ways.items():
                measured = way()
                if name not in results or measured["seconds"] < results[name]["seconds"]:
                    results[name] = measured
        if stop:
            stop()
        results["shortlist"] = shortlist_costs(texts)
        results["posting_order"] = shuffled_vs_grouped(texts)
        results["projection"] = project(results["shortlist"])
        out = ROOT / "benchmarks" / "results" / "batch.json"
        out.parent.mkdir(exist_ok=True)
        out.write_text(json.dumps(results, indent=2) + "\n")
        print(json.dumps(results, indent=2))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
