"""How well atsmatch reads postings, against what a recruiter would list (data/recruiter_lists.yaml).

For each posting: is the job title right; of the keywords the recruiter lists, how many does the scorer
keep (recall), and how many of the kept keywords are on the list (precision, a lower bound: a recruiter's
list is short); is the degree level and the years of experience read; and the posting's score against
itself (any posting scored against itself must give 100).

    python benchmarks/posting_reading.py            # a table on stdout, results/posting_reading.json
    python benchmarks/posting_reading.py --details  # also each posting's kept, missed and extra keywords

Postings under ../shared are skipped when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LISTS = REPO / "benchmarks" / "data" / "recruiter_lists.yaml"
RESULTS = REPO / "benchmarks" / "results" / "posting_reading.json"


def _as_alternatives(item: str | list[str]) -> list[str]:
    return [item] if isinstance(item, str) else list(item)


def read_one(analyzer, case: dict) -> dict:
    """One posting's figures."""
    path = (REPO / case["path"]).resolve()
    report = analyzer.score(path, path)
    analysis = report.posting_analysis
    # Every scored keyword; a choice ("one of: A, B") counts once in the score but keeps all its members.
    kept = (
        {k.name.casefold(): k.name for k in analysis.requirements}
        if hasattr(analysis, "requirements")
        else {k.name.casefold(): k.name for k in (*report.matched, *report.missing)}
    )
    wanted = [_as_alternatives(item) for item in case["keywords"]]
    found = [names for names in wanted if any(n.casefold() in kept for n in names)]
    listed = {n.casefold() for names in wanted for n in names}
    extra = sorted(name for folded, name in kept.items() if folded not in listed)
    levels = {d.level for d in analysis.degrees}
    years = {e.years_min for e in analysis.experience}
    return {
        "posting": path.name,
        "title": analysis.title,
        "title_right": (analysis.title or "").casefold() == case["title"].casefold(),
        "recall": round(100 * len(found) / len(wanted), 1),
        "precision": round(100 * (len(kept) - len(extra)) / len(kept), 1) if kept else None,
        "kept": len(kept),
        "listed": len(wanted),
        "degree_read": case.get("degree") in levels if case.get("degree") else not levels,
        "years_read": case.get("years") in years if case.get("years") else True,
        "self_score": report.score,
        "missed": [names[0] for names in wanted if names not in found],
        "extra": extra,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list missed and extra keywords")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()

    import yaml

    sys.path.insert(0, str(REPO / "src"))
    import atsmatch

    cases = yaml.safe_load(LISTS.read_text(encoding="utf-8"))["postings"]
    analyzer = atsmatch.Analyzer()
    rows = []
    for case in cases:
        if not (REPO / case["path"]).exists():
            print(f"skipped (absent): {case['path']}")
            continue
        rows.append(read_one(analyzer, case))
    if not rows:
        print("no posting found: nothing measured")
        return 0
    columns = ("posting", "title", "recall", "precision", "degree", "years", "self")
    print("  ".join(f"{c:>10}" if i else f"{c:44}" for i, c in enumerate(columns)))
    for row in rows:
        cells = [
            row["posting"][:44].ljust(44),
            "right" if row["title_right"] else "wrong",
            f"{row['recall']}%",
            f"{row['precision']}%" if row["precision"] is not None else "-",
            "read" if row["degree_read"] else "missed",
            "read" if row["years_read"] else "missed",
            f"{row['self_score']:g}",
        ]
        print("  ".join(c if i == 0 else f"{c:>10}" for i, c in enumerate(cells)))
        if args.details:
            print(f"    title read: {row['title']!r}; missed: {row['missed']}; extra: {row['extra']}")
    titles = sum(r["title_right"] for r in rows)
    recall = sum(r["recall"] for r in rows) / len(rows)
    print(
        f"titles right {titles}/{len(rows)}; mean recall {recall:.1f}%; "
        f"self-score 100 in {sum(r['self_score'] == 100 for r in rows)}/{len(rows)}"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"atsmatch": atsmatch.__version__, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
