"""Batch rows as a rich table for people, rendered a chunk of rows at a time.

One rich ``Table`` of 10,000 rows costs about 65 MB while it renders. Here a first pass measures
every cell (the longest word and line of each column, which is all rich's column widths depend
on), rich lays out a stand-in table holding those measurements, and the rows are then printed in
chunks with the columns fixed at those widths; the chunks' borders are joined into one table. The
text is the same as one ``Table`` of every row (tests/batch/test_output.py compares them, which
also guards the two private rich methods used for the layout against a rich release changing them).
"""

from __future__ import annotations

import io
from collections.abc import Collection, Iterator
from typing import TYPE_CHECKING, Protocol

from rich.cells import cell_len

from ..models import PairResult

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table

__all__ = ["write_table"]

CHUNK_ROWS = 200
_FIXED = [("score", "right"), ("matched", "right"), ("missing", "right"), ("top missing / error", "left")]


class _Writable(Protocol):
    def write(self, text: str, /) -> object: ...


def _cells(number: int, row: PairResult) -> list[str]:
    """``#``, resume, posting, score, matched, missing, top missing (or the error)."""
    if row.error is None:
        return [str(number), row.resume, row.posting, f"{row.score:.1f}", str(row.matched),
                str(row.missing), ", ".join(row.top_missing)]  # fmt: skip
    return ["-", row.resume, row.posting, "error", "", "", f"{row.error.kind}: {row.error.message}"]


def _measure(text: str) -> tuple[int, int]:
    """(longest word, longest line) in cells: rich's ``Text.__rich_measure__``."""
    lines = text.splitlines()
    longest = max(map(cell_len, lines)) if lines else 0
    words = text.split()
    return (max(map(cell_len, words)) if words else longest), longest


class _Widths:
    """The widest word and line of each column over every row, and whether the rows share a name."""

    def __init__(self, rows: Collection[PairResult]) -> None:
        self.least = [0] * 7
        self.most = [0] * 7
        self.resumes: set[str] = set()
        self.postings: set[str] = set()
        for number, row in enumerate(rows, start=1):
            for column, cell in enumerate(_cells(number, row)):
                least, most = _measure(cell)
                self.least[column] = max(self.least[column], least)
                self.most[column] = max(self.most[column], most)
            for names, name in ((self.resumes, row.resume), (self.postings, row.posting)):
                if len(names) < 2:  # at most two names each: "more than one" is all we ask
                    names.add(name)


def _stand_in(least: int, most: int) -> str:
    """A text measuring (least, most) as rich measures text."""
    if least == 0:
        return ""
    line = ("x" * least + " ") * (most // (least + 1) + 1)
    return "x" * least + "\n" + line[:most]


def write_table(rows: Collection[PairResult], out: _Writable, *, title: str, width: int, color: bool) -> None:
    """The rows as one table: every cell a ``Text`` (file names and keywords printed as written);
    a column every row shares (the posting in rank, the resume in match) is in the title instead."""
    from rich.text import Text

    measured = _Widths(rows)
    show = [True, len(measured.resumes) > 1 or not title, len(measured.postings) > 1 or not title]
    show += [True] * 4
    headers = [("#", "right"), ("resume", "left"), ("posting", "left"), *_FIXED]
    columns = [header for header, shown in zip(headers, show, strict=True) if shown]
    stand_in = _table(columns, title)
    stand_in.add_row(*(Text(_stand_in(measured.least[c], measured.most[c])) for c in range(7) if show[c]))
    console = _console(width, color)
    # rich's own layout of a table with those measurements (as ``Table.__rich_console__`` asks it)
    options = console.options.update_width(console.options.max_width - stand_in._extra_width)
    widths = stand_in._calculate_column_widths(console, options)
    padding = [stand_in._get_padding_width(c) for c in range(len(columns))]
    fixed = [w - p for w, p in zip(widths, padding, strict=True)]
    for position, (chunk, last) in enumerate(_with_last(_chunks(rows, CHUNK_ROWS))):
        first = position == 0
        table = _table(columns, title if first else "", widths=fixed, header=first)
        for cells in chunk:
            table.add_row(*(Text(cell) for cell, shown in zip(cells, show, strict=True) if shown))
        console = _console(width, color)
        console.print(table)
        text = console.file.getvalue()  # type: ignore[attr-defined]
        if not first:  # the top border: the table goes on from the chunk before
            text = text[text.index("\n") + 1 :]
        if not last:  # the bottom border: the table goes on in the next chunk
            text = text[: text.rindex("\n", 0, len(text) - 1) + 1]
        out.write(text)


def _with_last(chunks: Iterator[list[list[str]]]) -> Iterator[tuple[list[list[str]], bool]]:
    """Each chunk and whether it is the last, one chunk ahead (an empty table is one empty chunk)."""
    current = next(chunks, [])
    for following in chunks:
        yield current, False
        current = following
    yield current, True


def _chunks(rows: Collection[PairResult], size: int) -> Iterator[list[list[str]]]:
    chunk: list[list[str]] = []
    for number, row in enumerate(rows, start=1):
        chunk.append(_cells(number, row))
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _table(columns, title: str, *, widths: list[int] | None = None, header: bool = True) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table(
        title=Text(title) if title else None, title_justify="left", expand=False, show_header=header
    )
    for position, (name, justify) in enumerate(columns):
        width = None if widths is None else widths[position]
        table.add_column(name, justify=justify, overflow="fold", width=width)
    return table


def _console(width: int, color: bool) -> Console:
    from rich.console import Console

    return Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                   force_terminal=color, highlight=False, emoji=False, markup=False)  # fmt: skip
