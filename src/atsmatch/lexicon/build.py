"""``python -m atsmatch.lexicon.build``: compile the built-in lexicon into the table shipped in the
wheel (``lexicon/compiled/skill_lexicon.table.json.gz``); ``--check`` exits 1 if it is stale.

Run it after changing data/skill_lexicon.yaml or the code that compiles it (lexicon/, the
tokenizer); tests/lexicon/test_shipped_table.py fails until you do.
"""

from __future__ import annotations

import sys
from importlib import resources

from .shipped import SHIPPED_TABLE, build_shipped_table, load_shipped_table

__all__ = ["main"]


def main(argv: list[str]) -> int:
    target = resources.files("atsmatch.lexicon").joinpath("compiled", SHIPPED_TABLE)
    if argv in ([], ["--build"]):
        data = build_shipped_table()
        with resources.as_file(target) as path:
            path.write_bytes(data)
        print(f"wrote {target} ({len(data):,} bytes)")
        return 0
    if argv == ["--check"]:
        if load_shipped_table() is None:
            print(f"{target} is missing or stale: run python -m atsmatch.lexicon.build")
            return 1
        print(f"{target} is up to date")
        return 0
    print("usage: python -m atsmatch.lexicon.build [--check]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
