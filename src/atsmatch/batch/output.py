"""Batch rows → a table for people, JSON, JSON Lines or CSV for other programs, written as they
are read: a batch of 10,000 rows never exists as one string (or one rich ``Table``) in memory.

Every input has a row: scored pairs first (best first), then failures with the error's class and
message, so a spreadsheet shows every file. CSV flattens each row to the columns in ``CSV_COLUMNS``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection, Iterable
from typing import Literal, Protocol

from ..models import SCHEMA_VERSION, PairResult
from .spool import RowSpool
from .table import write_table

__all__ = ["CSV_COLUMNS", "BatchFormat", "Writable", "render_rows", "write_rows"]

BatchFormat = Literal["table", "json", "jsonl", "csv"]

CSV_COLUMNS = (
    "rank", "resume", "posting", "score", "hard_skill_percent", "soft_skill_percent",
    "certification_percent", "matched", "missing", "top_missing", "years_required", "years_resume",
    "years_met", "degree_required", "highest_degree", "degree_met", "warnings", "error_kind",
    "error_message",
)  # fmt: skip


class Writable(Protocol):
    def write(self, text: str, /) -> object: ...


def render_rows(
    rows: Collection[PairResult],
    format: BatchFormat,
    *,
    title: str = "",
    width: int = 100,
    color: bool = False,
) -> str:
    """The rows, already in the order to show, in ``format``, as one string."""
    out = io.StringIO()
    write_rows(rows, format, out, title=title, width=width, color=color)
    return out.getvalue()


def write_rows(
    rows: Collection[PairResult],
    format: BatchFormat,
    out: Writable,
    *,
    title: str = "",
    width: int = 100,
    color: bool = False,
) -> None:
    """The rows, in the order to show, written to ``out`` piece by piece.

    ``rows`` is iterated once (twice for the table, whose column widths are measured first): a
    list, or a ``RowSpool`` that reads them back from its file one at a time.
    """
    if format == "json":
        _json(rows, out)
    elif format == "jsonl":
        if isinstance(rows, RowSpool):  # the rows' JSON as spooled, not parsed and dumped again
            for line in rows.json_lines():
                out.write(line.decode("utf-8"))
        else:
            for row in rows:
                out.write(row.model_dump_json() + "\n")
    elif format == "csv":
        _csv(rows, out)
    else:
        write_table(rows, out, title=title, width=width, color=color)


def _json(rows: Iterable[PairResult], out: Writable) -> None:
    """``json.dumps({"schema_version": ..., "rows": [...]}, indent=2)``, one row at a time."""
    out.write('{\n  "schema_version": ' + json.dumps(SCHEMA_VERSION) + ',\n  "rows": [')
    separator = "\n"
    for row in rows:
        text = json.dumps(row.model_dump(mode="json"), indent=2, ensure_ascii=False)
        out.write(separator + "    " + text.replace("\n", "\n    "))
        separator = ",\n"
    out.write("]\n}\n" if separator == "\n" else "\n  ]\n}\n")


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


def _csv(rows: Iterable[PairResult], out: Writable) -> None:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for number, row in enumerate(rows, start=1):
        writer.writerow(_flat(number if row.error is None else None, row))
