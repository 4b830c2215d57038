"""Everything the pipeline outputs, dumped, so a speed change can show it changed nothing.

For every document the project has (the SkillSpan dev postings as ``bench.py`` builds them, when
``../shared`` is there; ``tests/data``, ``tests/data/postings``, ``examples`` and the readers'
fixtures always) this records, as JSON text:

* ``Analyzer().extract(...)`` and ``Analyzer(tagger=False).extract(...)``;
* ``posting_report(...)`` with the tagger on and off (the posting understanding);
* ``score(examples/resume.pdf, document)`` with the tagger on and off;
* a few hostile texts of ``bench_matcher.SCALING_TEXTS`` at 5,000 characters, and the same
  posting-like documents with a line of made-up words (as the memory figure makes them);

or the error a document raises. Usage::

    python benchmarks/pipeline_outputs.py --write /tmp/before.jsonl   # before a change
    python benchmarks/pipeline_outputs.py --check /tmp/before.jsonl   # after: prints what differs

``--check`` exits 1 when any output differs (and prints the first differing characters of each).
Without ``../shared`` the SkillSpan rows are left out, and the script says so.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))

import bench  # noqa: E402  (the corpus exactly as the benchmark builds it)
from bench_matcher import SCALING_TEXTS  # noqa: E402

FILE_GLOBS = (
    "tests/data/*.txt",
    "tests/data/postings/*",
    "examples/*.txt",
    "examples/*.pdf",
    "examples/*.docx",
    "tests/fixtures/*.txt",
    "tests/fixtures/*.pdf",
    "tests/fixtures/*.docx",
    "tests/fixtures/*.html",
    "tests/fixtures/*.md",
)
RESUME = REPO / "examples" / "resume.pdf"
HOSTILE_CHARS = 5_000


def shared_folder() -> Path:
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if candidate.is_dir():
            return candidate
    return REPO.parent / "shared"


def documents(shared: Path) -> Iterator[tuple[str, Any]]:
    """``(name, source)``: a ``Path`` for files, a ``str`` for texts."""
    for pattern in FILE_GLOBS:
        for path in sorted(REPO.glob(pattern)):
            if path.is_file():
                yield str(path.relative_to(REPO)), path
    postings = sorted((REPO / "tests" / "data" / "postings").glob("*.txt"))
    yield "postings, all in one", "\n\n".join(p.read_text(encoding="utf-8") for p in postings)
    for kind, unit in SCALING_TEXTS.items():
        yield f"hostile: {kind}", (unit * (HOSTILE_CHARS // len(unit) + 1))[:HOSTILE_CHARS]
    corpus = bench.load_corpus(shared)
    if corpus.fallback:
        print(f"note: {shared}/eval/skillspan/dev.jsonl not found: SkillSpan postings left out")
        return
    for number, text in enumerate(corpus.texts):
        yield f"skillspan {number}", text
    for number, text in enumerate(bench.unique_documents(corpus.texts, 20)):
        yield f"unique {number}", text
    yield "skillspan, all in one", "\n\n".join(corpus.texts)


def _output(call: Any) -> str:
    from atsmatch.errors import AtsmatchError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return call().model_dump_json()
    except AtsmatchError as exc:
        return f"error {type(exc).__name__}: {exc}"


# What is dumped of each document: (name, call(analyzer, document, resume extraction)).
OUTPUTS: tuple[tuple[str, Any], ...] = (
    ("extract", lambda analyzer, source, resume: analyzer.extract(source)),
    ("posting_report", lambda analyzer, source, resume: analyzer.posting_report(source)),
    (
        "read_posting keywords",
        lambda analyzer, source, resume: _PostingKeywords(analyzer.read_posting(source)),
    ),
    ("score resume.pdf", lambda analyzer, source, resume: analyzer.score(resume, source)),
)


def dump(shared: Path) -> Iterator[dict[str, str]]:
    from atsmatch import Analyzer

    analyzers = {"tagger": Analyzer(), "no tagger": Analyzer(tagger=False)}
    resumes = {mode: analyzer.extract(RESUME) for mode, analyzer in analyzers.items()}
    for name, source in documents(shared):
        for mode, analyzer in analyzers.items():
            for what, call in OUTPUTS:
                output = _output(lambda: call(analyzer, source, resumes[mode]))  # noqa: B023 (called at once)
                yield {"document": name, "mode": mode, "what": what, "output": output}


class _PostingKeywords:
    """``PostingReading.keywords`` (dataclasses) as JSON text."""

    def __init__(self, reading: Any) -> None:
        self._keywords = reading.keywords

    def model_dump_json(self) -> str:
        return json.dumps(
            [
                [k.keyword.name, [(m.start, m.end) for m in k.mentions], k.requirement, k.in_title,
                 k.alternatives, k.degree_level]
                for k in self._keywords
            ]
        )  # fmt: skip


def _first_difference(before: str, after: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b), None)
    at = min(len(before), len(after)) if at is None else at
    low, high = max(0, at - 80), at + 80
    return f"at {at}: before …{before[low:high]!r}\n    after  …{after[low:high]!r}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="dump every output to this JSON-lines file")
    action.add_argument("--check", type=Path, help="compare every output with this earlier dump")
    parser.add_argument("--shared", type=Path, default=shared_folder(), help="../shared")
    args = parser.parse_args()
    rows = dump(args.shared)
    if args.write:
        count = 0
        with args.write.open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
        print(f"{count} outputs written to {args.write}")
        return 0
    with args.check.open(encoding="utf-8") as handle:
        before = {(r["document"], r["mode"], r["what"]): r["output"] for r in map(json.loads, handle)}
    differing = compared = 0
    for row in rows:
        key = (row["document"], row["mode"], row["what"])
        compared += 1
        if key not in before:
            print(f"new: {key}")
            differing += 1
        elif (old := before.pop(key)) != row["output"]:
            differing += 1
            print(f"DIFFERS {key} {_first_difference(old, row['output'])}")
    for key in before:
        print(f"missing now: {key}")
    print(f"{compared} outputs compared, {differing + len(before)} differ")
    return 1 if differing or before else 0


if __name__ == "__main__":
    raise SystemExit(main())
