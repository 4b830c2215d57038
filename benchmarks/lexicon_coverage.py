"""How much of the open taxonomies in ../shared/taxonomies the atsmatch lexicon recognises.

    python benchmarks/lexicon_coverage.py [--shared PATH] [--out DIR]

Three reference lists, each read only to measure coverage (nothing is copied into the lexicon):

* O*NET 29.2 "hot" technologies (Technology_Skills.csv, Hot Technology = Y): hard skills.
* The 300 most used Stack Overflow tags (stackoverflow_tags_2021.csv): hard skills, as developers
  name them ("reactjs", "amazon-web-services").
* ESCO v1.1.1 transversal skills (preferred labels): soft skills.

A reference name counts as covered when atsmatch's extraction of the name itself finds a keyword
that spans at least half of it. Prints a table, writes ``results/lexicon_coverage.json`` and the
uncovered names to ``results/lexicon_gaps.md`` (the curation to-do list). Exits 0 with a message
when the taxonomies are absent.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def onet_hot_technologies(shared: Path) -> list[str]:
    with (shared / "taxonomies/onet-29.2/Technology_Skills.csv").open(encoding="utf-8") as handle:
        return sorted({row["Example"] for row in csv.DictReader(handle) if row["Hot Technology"] == "Y"})


def stackoverflow_top_tags(shared: Path, top: int = 300) -> list[str]:
    with (shared / "taxonomies/stackoverflow-tags/stackoverflow_tags_2021.csv").open(
        encoding="utf-8"
    ) as handle:
        rows = sorted(csv.DictReader(handle), key=lambda row: -int(row["Count"] or 0))
    return [row["TagName"].replace("-", " ") for row in rows[:top]]


def esco_transversal_skills(shared: Path) -> list[str]:
    path = shared / "taxonomies/esco-v1.1.1/transversalSkillsCollection_en.csv"
    with path.open(encoding="utf-8") as handle:
        return sorted({row["preferredLabel"] for row in csv.DictReader(handle)})


def covered(analyzer, name: str) -> bool:
    """Whether extracting ``name`` alone, as written or in capitals or title case (Stack Overflow
    tags are lowercase; acronyms match only in capitals), finds a keyword spanning half of it."""
    for spelling in dict.fromkeys((name, name.upper(), name.title())):
        extraction = analyzer.extract(spelling)
        longest = max((m.end - m.start for k in extraction.keywords for m in k.mentions), default=0)
        if longest * 2 >= len(extraction.text):
            return True
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results")
    args = parser.parse_args()
    if not (args.shared / "taxonomies").is_dir():
        print(f"taxonomies not found at {args.shared / 'taxonomies'}; skipping")
        return 0

    import atsmatch

    started = time.perf_counter()
    # The lexicon alone: the tagger would tag most names put to it on their own.
    analyzer = atsmatch.Analyzer(tagger=False, lists=False)
    references = {
        "O*NET hot technologies": onet_hot_technologies(args.shared),
        "Stack Overflow top 300 tags": stackoverflow_top_tags(args.shared),
        "ESCO transversal skills": esco_transversal_skills(args.shared),
    }
    results, gaps = {}, {}
    for label, names in references.items():
        missing = [name for name in names if not covered(analyzer, name)]
        results[label] = {"names": len(names), "covered": len(names) - len(missing),
                          "percent": round(100 * (len(names) - len(missing)) / len(names), 1)}  # fmt: skip
        gaps[label] = missing

    print(f"lexicon: {len(analyzer.lexicon)} entries ({analyzer.lexicon.content_hash})")
    print(f"{'reference':<32}{'names':>8}{'covered':>10}{'percent':>10}")
    for label, row in results.items():
        print(f"{label:<32}{row['names']:>8}{row['covered']:>10}{row['percent']:>9}%")
    args.out.mkdir(parents=True, exist_ok=True)
    summary = {
        "lexicon_entries": len(analyzer.lexicon),
        "lexicon_hash": analyzer.lexicon.content_hash,
        "atsmatch": atsmatch.__version__,
        "date": time.strftime("%Y-%m-%d"),
        "coverage": results,
    }
    (args.out / "lexicon_coverage.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    lines = ["# Names in reference taxonomies the lexicon does not cover", ""]
    for label, missing in gaps.items():
        lines += [f"## {label} ({len(missing)})", "", ", ".join(missing) or "(none)", ""]
    (args.out / "lexicon_gaps.md").write_text("\n".join(lines), encoding="utf-8")
    seconds = time.perf_counter() - started
    print(f"wrote {args.out / 'lexicon_coverage.json'} and lexicon_gaps.md in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
