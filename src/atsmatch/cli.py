"""The ``atsmatch`` command: parse arguments, call the library, render, map errors to exit codes.

Exit codes: 0 ok; 1 score below --min-score; 2 usage error; 3 a document can't be read;
4 a lexicon is invalid. The compiled lexicon is cached in ``$XDG_CACHE_HOME/atsmatch`` (or
``~/.cache/atsmatch``); set ATSMATCH_NO_CACHE=1 to compile afresh every time.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import AtsmatchError, LexiconError

__all__ = ["EXIT_BELOW_MIN_SCORE", "EXIT_INPUT", "EXIT_LEXICON", "EXIT_OK", "EXIT_USAGE", "app", "main"]

EXIT_OK = 0
EXIT_BELOW_MIN_SCORE = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_LEXICON = 4

app = typer.Typer(
    name="atsmatch",
    help=(
        "See your resume the way an applicant tracking system (ATS) does: which of a job posting's "
        "keywords it covers, which it misses, and what to change.\n\n"
        "Reads PDF, DOCX, HTML, Markdown and text; '-' reads standard input.\n\n"
        "Exit codes: 0 ok, 1 score below --min-score, 2 usage error, 3 unreadable document, "
        "4 invalid lexicon."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
lexicon_app = typer.Typer(help="Check a lexicon file, or count the lexicon's entries.", no_args_is_help=True)
app.add_typer(lexicon_app, name="lexicon")


class Format(str, Enum):
    text = "text"
    json = "json"
    markdown = "markdown"


FormatOption = Annotated[
    Format, typer.Option("--format", "-f", metavar="text|json|markdown", help="Output format.")
]
LexiconOption = Annotated[
    Optional[list[Path]],  # noqa: UP007 - typer needs Optional here
    typer.Option(
        "--lexicon",
        "-l",
        metavar="FILE",
        help="Your lexicon YAML, merged over the built-in one (repeatable).",
    ),
]
MaxMibOption = Annotated[
    float, typer.Option("--max-mib", metavar="MIB", help="Largest file to read, in MiB.", min=0.001)
]
EncodingOption = Annotated[
    Optional[str],  # noqa: UP007
    typer.Option(
        "--encoding", metavar="ENCODING", help="Encoding of a plain-text file that is not UTF-8, e.g. cp1252."
    ),
]
WidthOption = Annotated[
    Optional[int],  # noqa: UP007
    typer.Option("--width", metavar="COLUMNS", help="Text width in columns (default: the terminal's)."),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks instead of short errors.")]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"atsmatch {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    """atsmatch."""


def _analyzer(lexicons: list[Path] | None, max_mib: float):
    from .analyzer import Analyzer
    from .cache import default_cache_dir
    from .documents import ReadLimits

    return Analyzer(
        extra_lexicons=lexicons or (),
        limits=ReadLimits(max_bytes=int(max_mib * 1_048_576)),
        cache_dir=None if os.environ.get("ATSMATCH_NO_CACHE") else default_cache_dir(),
    )


def _fail(exc: AtsmatchError, debug: bool) -> typer.Exit:
    if debug:
        raise exc
    typer.echo(f"atsmatch: error: {exc}", err=True)
    return typer.Exit(EXIT_LEXICON if isinstance(exc, LexiconError) else EXIT_INPUT)


def _output_style(width: int | None) -> dict[str, object]:
    tty = sys.stdout.isatty()
    columns = width or (os.get_terminal_size().columns if tty else 100)
    return {"width": max(columns, 60), "color": tty and "NO_COLOR" not in os.environ}


def _quiet_libraries(debug: bool) -> None:
    # pypdf logs warnings about harmless quirks of real-world PDFs; a user can't act on them.
    if not debug:
        logging.getLogger("pypdf").setLevel(logging.ERROR)


@app.command("score")
def score_command(
    resume: Annotated[
        str, typer.Argument(metavar="RESUME", help="Your resume (PDF, DOCX, HTML, Markdown, text or '-').")
    ],
    posting: Annotated[
        str, typer.Argument(metavar="POSTING", help="The job posting (same formats, or '-').")
    ],
    format: FormatOption = Format.text,
    lexicon: LexiconOption = None,
    min_score: Annotated[
        Optional[float],  # noqa: UP007
        typer.Option(
            "--min-score", min=0, max=100, metavar="N", help="Exit with code 1 if the score is below this."
        ),
    ] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show every keyword's weight.")] = False,
    max_mib: MaxMibOption = 20.0,
    encoding: EncodingOption = None,
    width: WidthOption = None,
    debug: DebugOption = False,
) -> None:
    """Score RESUME against POSTING: matched and missing keywords, near-misses, suggestions."""
    from .render import render_report

    if resume == "-" and posting == "-":
        raise typer.BadParameter("only one of RESUME and POSTING can be '-' (standard input)")
    _quiet_libraries(debug)
    try:
        analyzer = _analyzer(lexicon, max_mib)
        report = analyzer.score(
            analyzer.read(Path(resume), encoding=encoding), analyzer.read(Path(posting), encoding=encoding)
        )
    except AtsmatchError as exc:
        raise _fail(exc, debug) from None
    typer.echo(render_report(report, format.value, explain=explain, **_output_style(width)), nl=False)
    if min_score is not None and report.score < min_score:
        typer.echo(f"atsmatch: score {report.score:g} is below --min-score {min_score:g}", err=True)
        raise typer.Exit(EXIT_BELOW_MIN_SCORE)


@app.command("extract")
def extract_command(
    file: Annotated[
        str,
        typer.Argument(metavar="FILE", help="A resume or posting (PDF, DOCX, HTML, Markdown, text or '-')."),
    ],
    format: FormatOption = Format.text,
    lexicon: LexiconOption = None,
    max_mib: MaxMibOption = 20.0,
    encoding: EncodingOption = None,
    width: WidthOption = None,
    debug: DebugOption = False,
) -> None:
    """List the skills found in FILE, with where each is mentioned."""
    from .render import render_extraction

    _quiet_libraries(debug)
    try:
        analyzer = _analyzer(lexicon, max_mib)
        extraction = analyzer.extract(analyzer.read(Path(file), encoding=encoding))
    except AtsmatchError as exc:
        raise _fail(exc, debug) from None
    typer.echo(render_extraction(extraction, format.value, **_output_style(width)), nl=False)


@app.command("rank")
def rank_command(
    posting: Annotated[str, typer.Argument(metavar="POSTING", help="The job posting.")],
    resumes: Annotated[list[Path], typer.Argument(metavar="RESUME...", help="Resume files to rank.")],
    format: FormatOption = Format.text,
    lexicon: LexiconOption = None,
    max_mib: MaxMibOption = 20.0,
    width: WidthOption = None,
    debug: DebugOption = False,
) -> None:
    """Rank many RESUMES against one POSTING, best first.

    A resume that can't be read is listed with its error and the others are still ranked; the exit
    code is then 3.
    """
    from .render import render_ranking

    _quiet_libraries(debug)
    try:
        analyzer = _analyzer(lexicon, max_mib)
        ranking = analyzer.rank(resumes, analyzer.read(Path(posting)))
    except AtsmatchError as exc:
        raise _fail(exc, debug) from None
    typer.echo(render_ranking(ranking, format.value, **_output_style(width)), nl=False)
    if any(row.error for row in ranking.results):
        raise typer.Exit(EXIT_INPUT)


@lexicon_app.command("validate")
def lexicon_validate_command(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Lexicon YAML files to check.")],
    debug: DebugOption = False,
) -> None:
    """Check lexicon files, alone and merged over the built-in lexicon."""
    from .lexicon import load_lexicon

    try:
        merged = load_lexicon(files)
    except AtsmatchError as exc:
        raise _fail(exc, debug) from None
    typer.echo(f"ok: {', '.join(map(str, files))} valid; merged lexicon has {len(merged)} entries")


@lexicon_app.command("stats")
def lexicon_stats_command(lexicon: LexiconOption = None, debug: DebugOption = False) -> None:
    """Count the lexicon's entries per category and group."""
    from .lexicon import load_lexicon

    try:
        merged = load_lexicon(lexicon or ())
    except AtsmatchError as exc:
        raise _fail(exc, debug) from None
    counts = merged.counts()
    typer.echo(f"{len(merged)} entries (lexicon {merged.content_hash})")
    for category, count in sorted(counts["category"].items()):
        typer.echo(f"  {category}: {count}")
        for group, group_count in sorted(counts["group"].items(), key=lambda item: (-item[1], item[0])):
            if group.startswith(category + "/"):
                typer.echo(f"    {group.split('/', 1)[1]}: {group_count}")


def main() -> None:
    """Entry point of the ``atsmatch`` script."""
    # A short-lived process that creates a few hundred thousand long-lived objects (spaCy's import,
    # the lexicon): collecting every 700 allocations costs ~15% of a run for nothing. mypy does the
    # same. Reference counting still frees everything else at once.
    gc.set_threshold(200_000, 30, 30)
    try:
        app()
        code = EXIT_OK
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else (EXIT_OK if exit_.code is None else 1)
        if isinstance(exit_.code, str):
            print(exit_.code, file=sys.stderr)
    except BrokenPipeError:  # the reader went away (| head): not an error of ours
        code = EXIT_OK
    # Everything is written: skip tearing down spaCy's and the lexicon's objects one by one
    # (0.1 s or more), as a short-lived command may.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(BrokenPipeError, ValueError):
            stream.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
