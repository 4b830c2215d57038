"""How well atsmatch reads postings, against what a recruiter would list (data/recruiter_lists.yaml).

For each posting: is the job title right; of the recruiter's keywords, how many extraction finds
anywhere in the text (``found``) and how many the posting reading keeps as requirements (``kept``:
recall); how many of the kept keywords are on the list (precision, a lower bound: a recruiter's list
is short); are the degree level and the years read; and the posting's score against itself (any
posting read consistently scores 100 against itself).

    python benchmarks/posting_reading.py             # a table on stdout, results/posting_reading.json
    python benchmarks/posting_reading.py --details   # also each posting's missed and extra keywords
    PYTHONPATH=/other/checkout/src python benchmarks/posting_reading.py --out /tmp/other.json

Postings under ../shared are skipped when it is absent.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LISTS = REPO / "benchmarks" / "data" / "recruiter_lists.yaml"
RESULTS = REPO / "benchmarks" / "results" / "posting_reading.json"
# ../shared beside the repository (or beside the worktrees' folder).
SHARED = next((p / "shared" / "samples" for p in REPO.parents if (p / "shared" / "samples").is_dir()), None)


def posting_path(key: str) -> Path | None:
    if key.startswith("shared:"):
        return SHARED / key.removeprefix("shared:") if SHARED else None
    return REPO / key


def canonical(analyzer, term: str) -> str:
    """The lexicon's name for a keyword as a recruiter writes it, else the words as written."""
    names = [k.name for k in analyzer.extract(term).keywords]
    return names[0] if names else term


def read_one(analyzer, case: dict, path: Path) -> dict:
    """One posting's figures."""
    extraction = analyzer.extract(path)
    report = analyzer.score(extraction, extraction)
    analysis = report.posting_analysis
    # Every scored keyword; a choice ("one of: A, B") counts once in the score but keeps all its members.
    kept = {k.name.casefold(): k.name for k in analysis.requirements}
    anywhere = {k.name.casefold() for k in extraction.keywords}
    wanted = [
        {canonical(analyzer, term).casefold() for term in ([item] if isinstance(item, str) else item)}
        for item in case["keywords"]
    ]
    listed = set().union(*wanted)
    extra = sorted(name for folded, name in kept.items() if folded not in listed)
    levels = {d.level for d in analysis.degrees}
    years = {e.years_min for e in analysis.experience}
    titles = {t.casefold() for t in case["title"]}
    return {
        "posting": path.name,
        "title": analysis.title,
        "title_right": (analysis.title or "").casefold() in titles,
        "listed": len(wanted),
        "found": sum(bool(names & anywhere) for names in wanted),
        "kept": sum(bool(names & set(kept)) for names in wanted),
        "kept_total": len(kept),
        "precision": round(100 * (len(kept) - len(extra)) / len(kept), 1) if kept else None,
        "degree_read": case["degree"] in levels if case.get("degree") else not levels,
        "years_read": case["years"] in years if case.get("years") else not years,
        "self_score": report.score,
        "missed": sorted(min(names) for names in wanted if not names & set(kept)),
        "extra": extra,
    }


def print_table(rows: list[dict], details: bool) -> None:
    columns = ("posting", "title", "listed", "found", "kept", "precision", "degree", "years", "self")
    print(f"{columns[0]:34}" + "".join(f"{c:>10}" for c in columns[1:]))
    for row in rows:
        cells = (
            "right" if row["title_right"] else "wrong",
            row["listed"],
            row["found"],
            row["kept"],
            f"{row['precision']}%" if row["precision"] is not None else "-",
            "read" if row["degree_read"] else "missed",
            "read" if row["years_read"] else "missed",
            f"{row['self_score']:g}",
        )
        print(f"{row['posting'][:34]:34}" + "".join(f"{c:>10}" for c in cells))
        if details:
            print(f"    title read: {row['title']!r}; missed: {row['missed']}; extra: {row['extra']}")
    listed, found, kept = (sum(r[k] for r in rows) for k in ("listed", "found", "kept"))
    print(
        f"titles right {sum(r['title_right'] for r in rows)}/{len(rows)}; "
        f"kept/listed {kept / listed:.1%}; kept/found {kept / max(found, 1):.1%}; "
        f"degree read {sum(r['degree_read'] for r in rows)}/{len(rows)}; "
        f"years read {sum(r['years_read'] for r in rows)}/{len(rows)}; "
        f"self-score 100 in {sum(r['self_score'] == 100 for r in rows)}/{len(rows)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list missed and extra keywords")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    import yaml

    import atsmatch

    analyzer = atsmatch.Analyzer()
    rows = []
    for case in yaml.safe_load(LISTS.read_text(encoding="utf-8"))["postings"]:
        path = posting_path(case["path"])
        if path is None or not path.exists():
            print(f"skipped (absent): {case['path']}")
            continue
        rows.append(read_one(analyzer, case, path))
    if not rows:
        print("no posting found: nothing measured")
        return 0
    print_table(rows, args.details)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"atsmatch": atsmatch.__version__, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
