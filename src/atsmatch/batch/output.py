"""Batch rows → a table for people, JSON, JSON Lines or CSV for other programs.

Every input has a row: scored pairs first (best first), then failures with the error's class and
message, so a spreadsheet shows every file. CSV flattens each row to the columns in ``CSV_COLUMNS``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Literal

from ..models import SCHEMA_VERSION, PairResult

__all__ = ["CSV_COLUMNS", "BatchFormat", "render_rows"]

BatchFormat = Literal["table", "json", "jsonl", "csv"]

CSV_COLUMNS = (
    "rank", "resume", "posting", "score", "hard_skill_percent", "soft_skill_percent",
    "certification_percent", "matched", "missing", "top_missing", "years_required", "years_resume",
    "years_met", "degree_required", "highest_degree", "degree_met", "warnings", "error_kind",
    "error_message",
)  # fmt: skip


def render_rows(
    rows: Sequence[PairResult], format: BatchFormat, *, title: str = "", width: int = 100, color: bool = False
) -> str:
    """The rows, already in the order to show, in ``format``."""
    if format == "json":
        document = {"schema_version": SCHEMA_VERSION, "rows": [r.model_dump(mode="json") for r in rows]}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if format == "jsonl":
        return "".join(r.model_dump_json() + "\n" for r in rows)
    if format == "csv":
        return _csv(rows)
    return _table(rows, title=title, width=width, color=color)


def _flat(rank: int | None, row: PairResult) -> dict[str, object]:
    checks, error = row.checks, row.error
    return {
        "rank": rank, "resume": row.resume, "posting": row.posting, "score": row.score,
        "hard_skill_percent": row.coverage.hard_skill, "soft_skill_percent": row.coverage.soft_skill,
        "certification_percent": row.coverage.certification, "matched": row.matched,
        "missing": row.missing, "top_missing": "; ".join(row.top_missing),
        "years_required": checks.years_required, "years_resume": checks.years_resume,
        "years_met": checks.years_met, "degree_required": checks.degree_required,
        "highest_degree": checks.highest_degree, "degree_met": checks.degree_met,
        "warnings": " ".join(row.warnings),
        "error_kind": error.kind if error else None, "error_message": error.message if error else None,
    }  # fmt: skip


def _csv(rows: Sequence[PairResult]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for number, row in enumerate(rows, start=1):
        writer.writerow(_flat(number if row.error is None else None, row))
    return out.getvalue()


def _table(rows: Sequence[PairResult], *, title: str, width: int, color: bool) -> str:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    # Every cell is a Text, never markup: file names and keywords are printed as written.
    # A column every row shares (the posting in rank, the resume in match) is in the title instead.
    show_resume = len({r.resume for r in rows}) > 1 or not title
    show_posting = len({r.posting for r in rows}) > 1 or not title
    table = Table(title=Text(title) if title else None, title_justify="left", expand=False)
    headers = [("#", "right")] + [("resume", "left")] * show_resume + [("posting", "left")] * show_posting
    for name, justify in headers + [("score", "right"), ("matched", "right"), ("missing", "right"),
                                    ("top missing / error", "left")]:  # fmt: skip
        table.add_column(name, justify=justify, overflow="fold")
    for number, row in enumerate(rows, start=1):
        names = [row.resume] * show_resume + [row.posting] * show_posting
        if row.error is None:
            cells = [str(number), *names, f"{row.score:.1f}", str(row.matched), str(row.missing),
                     ", ".join(row.top_missing)]  # fmt: skip
        else:
            cells = ["-", *names, "error", "", "", f"{row.error.kind}: {row.error.message}"]
        table.add_row(*(Text(cell) for cell in cells))
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, highlight=False, emoji=False, markup=False)  # fmt: skip
    console.print(table)
    return console.file.getvalue()  # type: ignore[attr-defined]
