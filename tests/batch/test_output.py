"""Rows spooled to a file and written as they are read: the same order as ``sort_rows``, the same
text as rendering every row at once (JSON, JSONL, CSV, and one rich table of every row), whatever
the chunk boundaries, and a few bytes of memory a row."""

from __future__ import annotations

import csv
import io
import json
import random
import tracemalloc

import pytest

from atsmatch.batch import RowSpool, sort_rows, table
from atsmatch.batch.output import CSV_COLUMNS, render_rows, write_rows
from atsmatch.batch.rows import error_row
from atsmatch.models import SCHEMA_VERSION, PairResult

WORDS = [
    "Python",
    "Kubernetes",
    "SQL",
    "日本語の技能",
    "C",
    "x" * 70,
    "Docker Compose",
    "[bold]markup[/bold]",
]


def _rows(count: int, seed: int = 3) -> list[tuple[int, PairResult]]:
    """Rows as a batch yields them (in no order): scores with ties, long and wide names, failures."""
    rng = random.Random(seed)
    rows = []
    for index in rng.sample(range(count), count):
        name = "folder/" * rng.randint(0, 5) + f"resume_{index}.pdf"
        if rng.random() < 0.15:
            message = " ".join(rng.choices(WORDS, k=rng.randint(1, 6)))
            rows.append((index, error_row(name, "posting.txt", "InputError", message)))
        else:
            missing = tuple(rng.choices(WORDS, k=rng.randint(0, 5)))
            rows.append((index, PairResult(resume=name, posting="posting.txt", score=rng.choice([50.0, 72.5, 99.9, 0.0]),
                                           matched=rng.randint(0, 40), missing=len(missing), top_missing=missing)))  # fmt: skip
    return rows


def _one_rich_table(rows: list[PairResult], *, title: str, width: int, color: bool) -> str:
    """The table as one rich ``Table`` of every row (how it was rendered before it was streamed)."""
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    show_resume = len({r.resume for r in rows}) > 1 or not title
    show_posting = len({r.posting for r in rows}) > 1 or not title
    grid = Table(title=Text(title) if title else None, title_justify="left", expand=False)
    headers = [("#", "right")] + [("resume", "left")] * show_resume + [("posting", "left")] * show_posting
    for name, justify in headers + [("score", "right"), ("matched", "right"), ("missing", "right"),
                                    ("top missing / error", "left")]:  # fmt: skip
        grid.add_column(name, justify=justify, overflow="fold")
    for number, row in enumerate(rows, start=1):
        names = [row.resume] * show_resume + [row.posting] * show_posting
        if row.error is None:
            cells = [str(number), *names, f"{row.score:.1f}", str(row.matched), str(row.missing),
                     ", ".join(row.top_missing)]  # fmt: skip
        else:
            cells = ["-", *names, "error", "", "", f"{row.error.kind}: {row.error.message}"]
        grid.add_row(*(Text(cell) for cell in cells))
    console = Console(file=io.StringIO(), width=width, color_system="standard" if color else None,
                      force_terminal=color, highlight=False, emoji=False, markup=False)  # fmt: skip
    console.print(grid)
    return console.file.getvalue()


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(table, "CHUNK_ROWS", 4)  # several chunks from a few rows


def test_spool_reads_rows_back_in_the_order_of_sort_rows():
    rows = _rows(40)
    with RowSpool() as spool:
        spool.extend(rows)
        assert list(spool) == sort_rows(rows)
        assert len(spool) == 40 and spool.failures == sum(r.error is not None for _, r in rows)
        assert spool.missing(40) == [] and spool.missing(43) == [40, 41, 42]
        spool.add(40, error_row("late.txt", "posting.txt", "Interrupted", "not scored."))
        assert [row.resume for row in spool][-1] == "late.txt"  # a failure, after every earlier one


@pytest.mark.parametrize(
    ("count", "title", "width", "color"),
    [(0, "", 100, False), (1, "atsmatch: 1 resumes against posting.txt", 80, False), (4, "", 40, True),
     (5, "atsmatch: 5 resumes against posting.txt", 100, True), (13, "", 160, False), (13, "t", 30, False)],
)  # fmt: skip
def test_table_in_chunks_is_one_rich_table_of_every_row(small_chunks, count, title, width, color):
    rows = _rows(count)
    expected = _one_rich_table(sort_rows(rows), title=title, width=width, color=color)
    with RowSpool() as spool:
        spool.extend(rows)
        assert render_rows(spool, "table", title=title, width=width, color=color) == expected
    if count:  # and a table that is not the same (a row less) is told apart
        assert render_rows(sort_rows(rows)[1:], "table", title=title, width=width, color=color) != expected


@pytest.mark.parametrize("count", [0, 1, 9])
def test_json_jsonl_and_csv_as_streamed_are_as_dumped_whole(count):
    rows = _rows(count)
    ordered = sort_rows(rows)
    with RowSpool() as spool:
        spool.extend(rows)
        document = {"schema_version": SCHEMA_VERSION, "rows": [r.model_dump(mode="json") for r in ordered]}
        assert render_rows(spool, "json") == json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        assert render_rows(spool, "jsonl") == "".join(r.model_dump_json() + "\n" for r in ordered)
        table_rows = list(csv.DictReader(io.StringIO(render_rows(spool, "csv"))))
    assert [r["resume"] for r in table_rows] == [r.resume for r in ordered]
    assert [r["rank"] for r in table_rows] == [
        str(n) if r.error is None else "" for n, r in enumerate(ordered, 1)
    ]
    assert all(tuple(r) == CSV_COLUMNS for r in table_rows)


def test_rows_are_written_piece_by_piece(small_chunks):
    pieces = []

    class Out:
        def write(self, text: str) -> None:
            pieces.append(text)

    with RowSpool() as spool:
        spool.extend(_rows(30))
        for format in ("json", "jsonl", "csv", "table"):
            pieces.clear()
            write_rows(spool, format, Out())
            assert len(pieces) > 1 and max(map(len, pieces)) < len("".join(pieces)) / 2, format


def test_a_spooled_row_costs_a_few_bytes_of_memory():
    row = PairResult(resume="r" * 80, posting="posting.txt", score=50.0, top_missing=("Python",) * 5)
    with RowSpool() as spool:
        spool.add(0, row)
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for index in range(1, 5001):
                spool.add(index, row)
            grown = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
    assert grown / 5000 < 64  # bytes a row (40 for its key and place; arrays over-allocate a little)


def test_the_html_page_from_entries_made_one_at_a_time_is_the_whole_page(mini_analyzer):
    from atsmatch.render.html import BatchEntry, render_batch_html
    from atsmatch.render.html.batch import write_batch_html

    from .conftest import POSTING, resume_variants

    posting = mini_analyzer.extract(POSTING)

    def entries():
        for text in resume_variants(3):
            resume = mini_analyzer.extract(text)
            report = mini_analyzer.score(resume, posting)
            yield BatchEntry.from_report(report, resume=resume, posting=posting)
        yield BatchEntry(resume="gone.pdf", posting=report.posting.source, score=None, error="no such file")

    whole = render_batch_html(list(entries()), title="atsmatch: 4 resumes")
    out = io.StringIO()
    write_batch_html(entries(), out, title="atsmatch: 4 resumes", several_postings=False)
    assert out.getvalue() == whole
    assert whole.count("<details id=") == 3 and "no such file" in whole and "\x00" not in whole


def test_the_table_is_printed_before_its_last_rows_are_read(small_chunks):
    """The table holds a chunk of rows (and the next, to know the last), never every row."""

    class Counted(list):  # rows that count how far the current pass has read
        def __iter__(self):
            self.read = 0
            for row in super().__iter__():
                self.read += 1
                yield row

    rows, read_at_each_write = Counted(sort_rows(_rows(30))), []

    class Out:
        def write(self, text: str) -> None:
            read_at_each_write.append(rows.read)

    write_rows(rows, "table", Out(), title="t", width=100)
    assert read_at_each_write[0] <= 2 * table.CHUNK_ROWS < len(rows)  # the first chunk, and the next
    assert read_at_each_write == sorted(read_at_each_write) and read_at_each_write[-1] == len(rows)
