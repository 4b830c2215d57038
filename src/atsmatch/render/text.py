"""Terminal rendering with rich; deterministic at a fixed width without colour (golden-tested).

Every string that comes from a document, a lexicon or the user (file names, keywords, mention
texts, suggestions) goes in as ``rich.text.Text``, never as markup: ``[/b]`` in a posting prints as
written, and control characters are shown escaped (``printable``). Tables keep every column down to
80 columns: short columns never wrap, names and evidence wrap at words.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Mapping

from ..models import Extraction, MatchReport, Ranking
from ..models.report import one_line
from .common import (
    CATEGORY_LABEL,
    CATEGORY_PLURAL,
    percent,
    phrasings,
    posting_facts,
    printable,
    resume_facts,
    where,
)

# Columns whose values are short and fixed: they never wrap, so they never lose a letter.
_SHORT = frozenset(
    {"#", "category", "requirement", "weight", "matched", "coverage", "score", "missing", "mentions",
     "in title", "counted"}
)  # fmt: skip


def _render(build: Callable[[object], None], width: int, color: bool) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system="standard" if color else None,
        force_terminal=color, no_color=not color, highlight=False, emoji=False, markup=False,
    )  # fmt: skip
    build(console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _text(value: str, style: str = ""):  # -> rich.text.Text
    """Plain text (never parsed as markup), control characters escaped."""
    from rich.text import Text

    return Text(printable(value), style=style)


def _line(*parts: str | tuple[str, str]):  # -> rich.text.Text
    """A line of plain parts; a ``(text, style)`` pair is styled."""
    from rich.text import Text

    line = Text()
    for part in parts:
        text, style = part if isinstance(part, tuple) else (part, "")
        line.append(printable(text), style=style)
    return line


def _table(*columns: str, title: str | None = None, rows: Iterable[tuple[str, ...]] = ()):  # -> Table
    from rich import box
    from rich.table import Table

    table = Table(
        title=_text(title, "bold") if title else None, title_justify="left",
        box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
    )  # fmt: skip
    for column in columns:
        if column in _SHORT:
            table.add_column(_text(column), no_wrap=True)
        else:  # names and evidence wrap at words; a word longer than the column folds
            table.add_column(_text(column), overflow="fold", min_width=min(len(column), 10))
    for row in rows:
        table.add_row(*(_text(cell) for cell in row))
    return table


def _hanging(rows: list[tuple[str, str]]):  # -> rich.table.Table
    """Numbered paragraphs whose wrapped lines stay indented under their text."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", min_width=2)
    grid.add_column(overflow="fold")
    for label, text in rows:
        grid.add_row(_text(label), _text(text))
    return grid


def _facts(title: str, rows: list[tuple[str, str]]):  # -> rich.table.Table
    """A bold title over label/value rows."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(_text(label), _text(value))
    outer = Table.grid()
    outer.add_row(_text(title, "bold"))
    outer.add_row(grid)
    return outer


def report(report: MatchReport, *, explain: bool, width: int, color: bool) -> str:
    def build(console) -> None:
        resume, posting = report.resume.source or "resume", report.posting.source or "posting"
        console.print(_line(("atsmatch", "bold"), f": {resume} against {posting}"))
        console.print()
        parts = " · ".join(
            f"{CATEGORY_PLURAL[c.category]} {percent(c.percent)}" for c in report.coverage if c.total_count
        )
        console.print(_line((f"Score {report.score:g} / 100", "bold"), f"   ({parts})" if parts else ""))
        for warning in report.warnings:
            console.print(_line(("warning:", "yellow"), f" {warning}"))
        console.print()
        for part in (_coverage(report), _matched(report), _missing(report)):
            if part is not None:
                console.print(part)
                console.print()
        if report.near_misses:
            console.print(_line((f"Near-misses ({len(report.near_misses)})", "bold"),
                                ": not counted, an ATS matches literally"))  # fmt: skip
            for n in report.near_misses:
                console.print(_text(f'  "{one_line(n.resume_mention.text)}" (resume line '
                                    f'{n.resume_mention.line}) ≈ "{n.posting_phrasing}" in the posting, '
                                    f"similarity {n.similarity:g}"))  # fmt: skip
            console.print()
        console.print(_facts("The posting", posting_facts(report)))
        console.print()
        console.print(_facts("ATS checks of your resume", resume_facts(report)))
        console.print()
        if report.suggestions:
            console.print(_text("Suggestions", "bold"))
            console.print(_hanging([(f"{n}.", s.message) for n, s in enumerate(report.suggestions, 1)]))
            console.print()
        console.print(_text("How the score is computed", "bold"))
        console.print(
            _hanging([("", report.formula.score_expression), ("", report.formula.weight_expression)])
        )
        if explain:
            console.print()
            console.print(_weights(report))
            if report.formula.title_line:
                console.print(
                    _text(f"  The posting's job title was read from line {report.formula.title_line}.")
                )
        else:
            console.print(_text("  (--explain lists every keyword's weight)"))

    return _render(build, width, color)


def _coverage(report: MatchReport):
    rows = [
        (CATEGORY_PLURAL[row.category], f"{row.matched_count} / {row.total_count}",
         f"{row.matched_weight:g} / {row.total_weight:g}", percent(row.percent))
        for row in report.coverage
    ]  # fmt: skip
    return _table("category", "matched", "weight", "coverage", title="Coverage", rows=rows)


def _matched(report: MatchReport):
    if not report.matched:
        return None
    rows = [
        (k.name, CATEGORY_LABEL[k.category], f"{k.weight:g}",
         f"{phrasings(k.posting_mentions)} {where(k.posting_mentions)}",
         f"{phrasings(k.resume_mentions)} {where(k.resume_mentions)}")
        for k in sorted(report.matched, key=lambda k: -k.weight)
    ]  # fmt: skip
    return _table("keyword", "category", "weight", "in the posting", "in your resume",
                  title=f"Matched ({len(report.matched)})", rows=rows)  # fmt: skip


_IN_TITLE = {True: ", in the title", False: ""}


def _missing(report: MatchReport):
    if not report.missing:
        return None
    rows = [
        (str(k.rank), k.name, CATEGORY_LABEL[k.category], k.requirement, f"{k.weight:g}",
         f"{phrasings(k.posting_mentions)} {where(k.posting_mentions)}" + _IN_TITLE[k.in_title])
        for k in report.missing
    ]  # fmt: skip
    return _table("#", "keyword", "category", "requirement", "weight", "in the posting",
                  title=f"Missing, most important first ({len(report.missing)})", rows=rows)  # fmt: skip


def _weights(report: MatchReport):
    keywords = [(k, True) for k in report.matched] + [(k, False) for k in report.missing]
    rows = [
        (k.name, CATEGORY_LABEL[k.category], k.requirement, str(len(k.posting_mentions)),
         "yes" if k.in_title else "no", f"{k.weight:g}", "yes" if counted else "no")
        for k, counted in sorted(keywords, key=lambda row: -row[0].weight)
    ]  # fmt: skip
    return _table("keyword", "category", "requirement", "mentions", "in title", "weight", "counted",
                  title="Each posting keyword's weight", rows=rows)  # fmt: skip


def extraction(
    extraction: Extraction, *, width: int, color: bool, outside_body: Mapping[str, str] | None = None
) -> str:
    outside = outside_body or {}

    def build(console) -> None:
        console.print(_line(("atsmatch", "bold"), f": {extraction.source or 'text'} ({extraction.format}), "
                            f"{len(extraction.keywords) - len(outside)} keywords"))  # fmt: skip
        console.print()
        rows = [
            (k.name, CATEGORY_LABEL[k.category], str(k.count), phrasings(k.mentions, 3), where(k.mentions, 5))
            for k in extraction.keywords
            if k.name not in outside
        ]
        console.print(_table("keyword", "category", "mentions", "as written", "where", rows=rows))
        if outside:
            console.print()
            console.print(
                _line((f"Only outside the posting's body ({len(outside)})", "bold"), ": not scored")
            )
            for k in extraction.keywords:
                if k.name in outside:
                    console.print(
                        _line(f"  {k.name} ({where(k.mentions, 5)}): {outside[k.name]}"), soft_wrap=False
                    )

    return _render(build, width, color)


def ranking(ranking: Ranking, *, width: int, color: bool) -> str:
    def build(console) -> None:
        console.print(_line(("atsmatch", "bold"), f": {len(ranking.results)} resumes against "
                            f"{ranking.posting.source or 'the posting'}"))  # fmt: skip
        for warning in ranking.warnings:
            console.print(_line(("warning:", "yellow"), f" {warning}"))
        console.print()
        rows = [
            ("-", row.source, "error", "", "", row.error) if row.error else
            (str(rank), row.source, f"{row.score:g}", str(row.matched_count), str(row.missing_count),
             ", ".join(row.top_missing))
            for rank, row in enumerate(ranking.results, start=1)
        ]  # fmt: skip
        console.print(
            _table("#", "resume", "score", "matched", "missing", "most important missing", rows=rows)
        )

    return _render(build, width, color)
