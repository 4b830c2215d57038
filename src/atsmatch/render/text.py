"""Terminal rendering with rich; deterministic at a fixed width without colour (golden-tested)."""

from __future__ import annotations

import io
from collections.abc import Callable

from ..models import Extraction, MatchReport, Ranking
from .common import (
    CATEGORY_LABEL,
    CATEGORY_PLURAL,
    percent,
    phrasings,
    posting_facts,
    resume_facts,
    where,
)


def _render(build: Callable[[object], None], width: int, color: bool) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, color_system="standard" if color else None,
        force_terminal=color, no_color=not color, highlight=False, emoji=False,
    )  # fmt: skip
    build(console)
    return "\n".join(line.rstrip() for line in buffer.getvalue().splitlines()) + "\n"


def _table(*columns: str, title: str | None = None):  # -> rich.table.Table
    from rich import box
    from rich.table import Table

    table = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in columns:
        # Keyword names stay on one line; long evidence columns fold instead.
        table.add_column(
            column, overflow="fold", no_wrap=column in ("keyword", "#", "resume", "category", "requirement")
        )
    return table


def _hanging(rows: list[tuple[str, str]]):  # -> rich.table.Table
    """Numbered paragraphs whose wrapped lines stay indented under their text."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", min_width=2)
    grid.add_column(overflow="fold")
    for label, text in rows:
        grid.add_row(label, text)
    return grid


def _facts(title: str, rows: list[tuple[str, str]]):  # -> rich.table.Table
    """A bold title over label/value rows."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for label, value in rows:
        grid.add_row(label, value)
    outer = Table.grid()
    outer.add_row(f"[bold]{title}[/bold]")
    outer.add_row(grid)
    return outer


def report(report: MatchReport, *, explain: bool, width: int, color: bool) -> str:
    def build(console) -> None:
        resume, posting = report.resume.source or "resume", report.posting.source or "posting"
        console.print(f"[bold]atsmatch[/bold]: {resume} against {posting}")
        console.print()
        parts = " · ".join(
            f"{CATEGORY_PLURAL[c.category]} {percent(c.percent)}" for c in report.coverage if c.total
        )
        console.print(f"[bold]Score {report.score:g} / 100[/bold]   ({parts})")
        for warning in report.warnings:
            console.print(f"[yellow]warning:[/yellow] {warning}")
        console.print()

        coverage = _table("category", "matched", "weight", "coverage", title="Coverage")
        for row in report.coverage:
            coverage.add_row(
                CATEGORY_PLURAL[row.category], f"{row.matched} / {row.total}",
                f"{row.matched_weight:g} / {row.total_weight:g}", percent(row.percent),
            )  # fmt: skip
        console.print(coverage)
        console.print()

        if report.matched:
            matched = _table("keyword", "category", "weight", "in the posting", "in your resume",
                             title=f"Matched ({len(report.matched)})")  # fmt: skip
            for k in sorted(report.matched, key=lambda k: -k.weight):
                matched.add_row(
                    k.name, CATEGORY_LABEL[k.category], f"{k.weight:g}",
                    f"{phrasings(k.posting_mentions)} {where(k.posting_mentions)}",
                    f"{phrasings(k.resume_mentions)} {where(k.resume_mentions)}",
                )  # fmt: skip
            console.print(matched)
            console.print()

        if report.missing:
            missing = _table("#", "keyword", "category", "requirement", "weight", "in the posting",
                             title=f"Missing, most important first ({len(report.missing)})")  # fmt: skip
            for k in report.missing:
                title = ", in the title" if k.in_title else ""
                missing.add_row(
                    str(k.rank), k.name, CATEGORY_LABEL[k.category], k.requirement, f"{k.weight:g}",
                    f"{phrasings(k.posting_mentions)} {where(k.posting_mentions)}{title}",
                )  # fmt: skip
            console.print(missing)
            console.print()

        if report.near_misses:
            console.print(
                f"[bold]Near-misses ({len(report.near_misses)})[/bold]: not counted, an ATS matches literally"
            )
            for n in report.near_misses:
                console.print(
                    f'  "{n.resume_mention.text}" (resume line {n.resume_mention.line}) ≈ '
                    f'"{n.posting_phrasing}" in the posting, similarity {n.similarity:g}'
                )
            console.print()

        console.print(_facts("The posting", posting_facts(report)))
        console.print()
        console.print(_facts("ATS checks of your resume", resume_facts(report)))
        console.print()

        if report.suggestions:
            console.print("[bold]Suggestions[/bold]")
            console.print(_hanging([(f"{n}.", s.message) for n, s in enumerate(report.suggestions, 1)]))
            console.print()

        console.print("[bold]How the score is computed[/bold]")
        console.print(_hanging([("", report.formula.score), ("", report.formula.weight)]))
        if explain:
            console.print()
            weights = _table("keyword", "category", "requirement", "posting mentions", "in title",
                             "weight", "counted", title="Each posting keyword's weight")  # fmt: skip
            rows = [(k, True) for k in report.matched] + [(k, False) for k in report.missing]
            for k, counted in sorted(rows, key=lambda row: -row[0].weight):
                weights.add_row(
                    k.name,
                    CATEGORY_LABEL[k.category],
                    k.requirement,
                    str(len(k.posting_mentions)),
                    "yes" if k.in_title else "no",
                    f"{k.weight:g}",
                    "yes" if counted else "no",
                )  # fmt: skip
            console.print(weights)
            if report.formula.title_line:
                console.print(f"  The posting's job title was read from line {report.formula.title_line}.")
        else:
            console.print("  (--explain lists every keyword's weight)")

    return _render(build, width, color)


def extraction(extraction: Extraction, *, width: int, color: bool) -> str:
    def build(console) -> None:
        console.print(f"[bold]atsmatch[/bold]: {extraction.source or 'text'} ({extraction.format}), "
                      f"{len(extraction.keywords)} keywords")  # fmt: skip
        console.print()
        table = _table("keyword", "category", "mentions", "as written", "where")
        for k in extraction.keywords:
            table.add_row(k.name, CATEGORY_LABEL[k.category], str(k.count), phrasings(k.mentions, 3),
                          where(k.mentions, 5))  # fmt: skip
        console.print(table)

    return _render(build, width, color)


def ranking(ranking: Ranking, *, width: int, color: bool) -> str:
    def build(console) -> None:
        console.print(f"[bold]atsmatch[/bold]: {len(ranking.results)} resumes against "
                      f"{ranking.posting.source or 'the posting'}")  # fmt: skip
        console.print()
        table = _table("#", "resume", "score", "matched", "missing", "most important missing")
        for rank, row in enumerate(ranking.results, start=1):
            if row.error:
                table.add_row("-", row.source, "error", "", "", row.error)
            else:
                table.add_row(str(rank), row.source, f"{row.score:g}", str(row.matched),
                              str(row.missing), ", ".join(row.top_missing))  # fmt: skip
        console.print(table)

    return _render(build, width, color)
