"""How the posting body is read: keywords kept versus a recruiter's list, and each posting's self-score.

    python benchmarks/posting_body.py            # this checkout
    PYTHONPATH=/path/to/other/src python benchmarks/posting_body.py   # another version, to compare

The recruiter lists are in benchmarks/data/recruiter_keywords.yaml, written before measuring. For each
posting: how many of the recruiter's keywords extraction finds anywhere in the text (``found``), how
many of those the posting reading keeps as requirements (``kept``), how many other keywords it keeps
(``extra``), and the score of the posting against itself (100 when the posting is read consistently).
Postings under ../shared are skipped when that folder is absent.
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from atsmatch import Analyzer
from atsmatch.understanding.posting import read_posting

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the repository (or beside the worktrees' folder).
SHARED = next((p / "shared" / "samples" for p in ROOT.parents if (p / "shared" / "samples").is_dir()), ROOT)
LISTS = Path(__file__).resolve().parent / "data" / "recruiter_keywords.yaml"


def _path(key: str) -> Path:
    return SHARED / key.removeprefix("shared:") if key.startswith("shared:") else ROOT / key


def _canonical(analyzer: Analyzer, term: str) -> str:
    names = [k.name for k in analyzer.extract(term).keywords]
    return names[0] if names else term


def main() -> int:
    analyzer = Analyzer()
    lists = yaml.safe_load(LISTS.read_text(encoding="utf-8"))
    totals = [0, 0, 0]
    print(f"{'posting':44} {'listed':>6} {'found':>6} {'kept':>5} {'extra':>6} {'self':>5}  title")
    for key, terms in lists.items():
        path = _path(key)
        if not path.exists():
            continue
        wanted = {_canonical(analyzer, term).casefold() for term in terms}
        extraction = analyzer.extract(path)
        reading = read_posting(extraction)
        found = {k.name.casefold() for k in extraction.keywords} & wanted
        kept_names = {k.keyword.name.casefold() for k in reading.keywords}
        kept = kept_names & wanted
        self_score = analyzer.score(extraction, extraction).score
        totals = [totals[0] + len(wanted), totals[1] + len(found), totals[2] + len(kept)]
        print(
            f"{path.name[:44]:44} {len(wanted):6} {len(found):6} {len(kept):5} "
            f"{len(kept_names - wanted):6} {self_score:5.0f}  {reading.analysis.title!r}"
        )
    if totals[0]:
        print(
            f"{'all':44} {totals[0]:6} {totals[1]:6} {totals[2]:5}   "
            f"kept/listed {totals[2] / totals[0]:.0%}, "
            f"kept/found {totals[2] / max(totals[1], 1):.0%}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
