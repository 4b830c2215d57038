"""`atsmatch rank` (many resumes, one posting) and `atsmatch match` (one resume, many postings).

Exit codes: 0 every pair scored; 3 some file failed (its row says why; every other pair is still
scored) or the fixed document can't be read; 4 an invalid lexicon; 130 interrupted (Ctrl-C): the
pairs done so far are written, the rest listed as not scored.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from ..errors import AtsmatchError
from .app import (
    EXIT_INPUT,
    DebugOption,
    LexiconOption,
    MaxMibOption,
    TaggerOption,
    WidthOption,
    app,
    build_analyzer,
    fail,
    output_stream,
    quiet_libraries,
)

if TYPE_CHECKING:
    from ..batch import RowSpool

EXIT_INTERRUPTED = 130


class BatchFormat(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"


FormatOption = Annotated[
    BatchFormat, typer.Option("--format", "-f", metavar="table|json|jsonl|csv|html", help="Output format.")
]
OutputOption = Annotated[
    Optional[Path],  # noqa: UP007
    typer.Option("--output", "-o", metavar="FILE", help="Write to FILE (replaced whole, never half-read)."),
]
JobsOption = Annotated[
    Optional[int],  # noqa: UP007
    typer.Option("--jobs", "-j", metavar="N", min=1, help="Worker processes (default: every core)."),
]
TimeLimitOption = Annotated[
    float,
    typer.Option("--time-limit", metavar="SECONDS", min=0.1, help="Longest time one file may take."),
]
TopOption = Annotated[
    Optional[int],  # noqa: UP007
    typer.Option("--top", metavar="K", min=1, help="Fully report only the K best by keyword coverage."),
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")]
InputsArgument = Annotated[list[str], typer.Argument(help="Files, folders (searched recursively), or -.")]


@dataclass(frozen=True)
class _Options:
    """What both commands take besides their documents."""

    format: BatchFormat
    output: Path | None
    jobs: int | None
    time_limit: float
    top: int | None
    lexicon: list[Path] | None
    max_mib: float
    quiet: bool
    width: int | None
    debug: bool
    tagger: bool = True


@app.command("rank")
def rank_command(
    posting: Annotated[Path, typer.Argument(metavar="POSTING", help="The job posting.")],
    resumes: Annotated[list[str], typer.Argument(metavar="RESUME...", help="Resume files, folders, or -.")],
    format: FormatOption = BatchFormat.table,
    output: OutputOption = None,
    jobs: JobsOption = None,
    time_limit: TimeLimitOption = 60.0,
    top: TopOption = None,
    lexicon: LexiconOption = None,
    max_mib: MaxMibOption = 20.0,
    quiet: QuietOption = False,
    width: WidthOption = None,
    tagger: TaggerOption = True,
    debug: DebugOption = False,
) -> None:
    """Rank RESUMES against one POSTING, best first: the recruiter's view.

    Folders are searched recursively for .pdf, .docx, .html, .md and .txt files; '-' reads a list
    of paths from standard input. A resume that can't be read gets a row with its error, the others
    are still scored.

    Exit codes: 0 every pair scored; 3 some file failed (its row says why) or the posting can't be
    read; 4 invalid lexicon; 130 interrupted (the rows done are written).
    """
    options = _Options(format, output, jobs, time_limit, top, lexicon, max_mib, quiet, width, debug, tagger)
    _run("rank", posting, resumes, options)


@app.command("match")
def match_command(
    resume: Annotated[Path, typer.Argument(metavar="RESUME", help="Your resume.")],
    postings: Annotated[
        list[str], typer.Argument(metavar="POSTING...", help="Posting files, folders, or -.")
    ],
    format: FormatOption = BatchFormat.table,
    output: OutputOption = None,
    jobs: JobsOption = None,
    time_limit: TimeLimitOption = 60.0,
    top: TopOption = None,
    lexicon: LexiconOption = None,
    max_mib: MaxMibOption = 20.0,
    quiet: QuietOption = False,
    width: WidthOption = None,
    tagger: TaggerOption = True,
    debug: DebugOption = False,
) -> None:
    """Match one RESUME against many POSTINGS, best fit first: the job seeker's view.

    Each row lists the posting's most important keywords your resume lacks. Inputs and exit codes
    as for rank.
    """
    options = _Options(format, output, jobs, time_limit, top, lexicon, max_mib, quiet, width, debug, tagger)
    _run("match", resume, postings, options)


def _run(direction: str, fixed: Path, inputs: list[str], options: _Options) -> None:
    from ..batch import BatchSettings, RowSpool
    from ..batch.inputs import PathList, iter_inputs
    from ..batch.output import write_rows
    from ..lexicon.cache import default_cache_dir
    from ..readers import ReadLimits
    from ..readers.limits import bytes_from_mib

    quiet_libraries(options.debug)
    paths = PathList(iter_inputs(inputs))
    if not paths:
        raise typer.BadParameter("no documents found in the inputs given.", param_hint="inputs")
    settings = BatchSettings(
        extra_lexicons=tuple(os.fspath(p) for p in options.lexicon or ()),
        limits=ReadLimits(max_bytes=bytes_from_mib(options.max_mib)),
        cache_dir=None if os.environ.get("ATSMATCH_NO_CACHE") else os.fspath(default_cache_dir()),
        tagger=options.tagger,
    )
    with RowSpool() as rows:
        try:
            interrupted = _collect(direction, fixed, paths, settings, options, rows)
        except AtsmatchError as exc:
            raise fail(exc, options.debug) from None
        tty = sys.stdout.isatty() and options.output is None
        width = options.width or (os.get_terminal_size().columns if tty else 100)
        title = f"atsmatch: {len(rows)} resumes against {fixed}" if direction == "rank" else (
            f"atsmatch: {fixed} against {len(rows)} postings")  # fmt: skip
        with output_stream(options.output) as out:
            if options.format is BatchFormat.html:
                _html(rows, title, options, out)
            else:
                write_rows(rows, options.format.value, out, title=title, width=width, color=tty)
    if interrupted:
        typer.echo(f"atsmatch: interrupted: {interrupted} pairs not scored.", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    if rows.failures:
        raise typer.Exit(EXIT_INPUT)


def _collect(
    direction: str, fixed: Path, paths: Sequence[Path], settings, options: _Options, rows: RowSpool
) -> int:
    """Every row into ``rows`` as it finishes; how many pairs a Ctrl-C left unscored (their rows
    say so)."""
    from .. import batch
    from ..batch.rows import error_row

    run = batch.rank if direction == "rank" else batch.match
    results = run(
        fixed, paths, settings=settings, jobs=options.jobs, time_limit=options.time_limit, top=options.top
    )
    stopped = False
    show = sys.stderr.isatty() and not options.quiet
    with _progress(len(paths) if options.top is None else None, show) as advance:
        try:
            for index, row in results:
                rows.add(index, row)
                advance()
        except KeyboardInterrupt:
            stopped = True
    if not stopped:
        return 0
    unscored = rows.missing(len(paths))
    for index in unscored:
        path = paths[index]
        resume, posting = (str(path), str(fixed)) if direction == "rank" else (str(fixed), str(path))
        message = "not scored: the batch was interrupted."
        rows.add(index, error_row(resume, posting, "Interrupted", message))
    interrupted = len(unscored)
    return interrupted


def _html(rows: RowSpool, title: str, options: _Options, out) -> None:
    """The rows as a page, each scored pair opening into its whole report: every scored pair's
    documents are read again here, one after another (keep big batches to ``--top K``); each
    report is written out before the next is made."""
    from ..render.html import BatchEntry
    from ..render.html.batch import write_batch_html

    analyzer = build_analyzer(options.lexicon, options.max_mib, tagger=options.tagger)

    def entries() -> Iterator[BatchEntry]:
        for row in rows:
            if row.error is not None:
                yield BatchEntry.from_row(row)
                continue
            resume, posting = (analyzer.extract(Path(name)) for name in (row.resume, row.posting))
            report = analyzer.score(resume, posting)
            yield BatchEntry.from_row(row, report=report, resume_text=resume, posting_text=posting)

    write_batch_html(entries(), out, title=title, several_postings=_several_postings(rows))


def _several_postings(rows: RowSpool) -> bool:
    postings = iter(row.posting for row in rows)
    first = next(postings, None)
    return any(posting != first for posting in postings)


@contextlib.contextmanager
def _progress(total: int | None, show: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr, or nothing; yields the function that advances it by one."""
    if not show:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("scoring"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("scoring", total=total)
        yield lambda: progress.advance(task)
