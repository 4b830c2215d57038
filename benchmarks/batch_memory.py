"""Peak RSS of ``atsmatch rank`` over two batch sizes of each format (issue 12's flat-memory goal).

Runs ``bench_matcher.measure_format_memory`` (the pool of 2, the default table output) and writes
its figures as JSON. The 10,000-file runs take minutes each: run under ``nice -n 10``.

    python benchmarks/batch_memory.py --counts 1000 10000 -o benchmarks/results/batch_memory.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import bench  # noqa: E402
import bench_matcher  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", type=int, nargs=2, default=(1000, 10000))
    shared = next((p / "shared" for p in bench.REPO.parents if (p / "shared").is_dir()), bench.REPO.parent)
    parser.add_argument("--shared", type=Path, default=shared, help="../shared (or above: a worktree's)")
    parser.add_argument("--options", default="", help="more `atsmatch rank` options, e.g. '-f jsonl'")
    parser.add_argument("--stdin", action="store_true", help="the files as a '-' list, not as arguments")
    parser.add_argument(
        "--no-old-gc", action="store_true", help="skip the DOCX run with the old GC threshold"
    )
    parser.add_argument("-o", "--output", type=Path)
    options = parser.parse_args()
    corpus = bench.load_corpus(options.shared)
    with (
        tempfile.TemporaryDirectory(prefix="atsmatch-cache-") as cache,
        tempfile.TemporaryDirectory(prefix="atsmatch-bench-files-") as folder,
    ):
        figures = bench_matcher.measure_format_memory(
            corpus.texts, Path(folder), tuple(options.counts), bench.cache_env(cache),
            options=options.options.split(), old_gc_baseline=not options.no_old_gc,
            files_on_stdin=options.stdin,
        )  # fmt: skip
    figures = {"corpus": corpus.description, "counts": list(options.counts), "options": options.options,
               "files_on_stdin": options.stdin, "formats": figures}  # fmt: skip
    text = json.dumps(figures, indent=2) + "\n"
    if options.output:
        options.output.write_text(text)
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
