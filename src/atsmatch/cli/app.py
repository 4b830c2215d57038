"""The typer app, its shared options, and the mapping from errors to exit codes.

Exit codes: 0 ok; 1 score below --min-score; 2 usage error; 3 a document can't be read;
4 a lexicon is invalid. The compiled lexicon is cached in ``$XDG_CACHE_HOME/atsmatch`` (or
``~/.cache/atsmatch``); set ATSMATCH_NO_CACHE=1 to compile afresh every time.
"""

from __future__ import annotations

import gc
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .. import __version__
from ..errors import AtsmatchError, LexiconError

__all__ = [
    "EXIT_BELOW_MIN_SCORE",
    "EXIT_INPUT",
    "EXIT_LEXICON",
    "EXIT_OK",
    "EXIT_USAGE",
    "app",
    "lexicon_app",
]

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


def build_analyzer(lexicons: list[Path] | None, max_mib: float):
    from ..analyzer import Analyzer
    from ..lexicon.cache import default_cache_dir
    from ..readers import ReadLimits

    analyzer = Analyzer(
        extra_lexicons=lexicons or (),
        limits=ReadLimits(max_bytes=int(max_mib * 1_048_576)),
        cache_dir=None if os.environ.get("ATSMATCH_NO_CACHE") else default_cache_dir(),
    )
    analyzer.matcher  # noqa: B018 - load the lexicon now, so its objects are frozen with the imports
    gc.freeze()
    return analyzer


def fail(exc: AtsmatchError, debug: bool) -> typer.Exit:
    if debug:
        raise exc
    typer.echo(f"atsmatch: error: {exc}", err=True)
    return typer.Exit(EXIT_LEXICON if isinstance(exc, LexiconError) else EXIT_INPUT)


def output_style(width: int | None) -> dict[str, object]:
    tty = sys.stdout.isatty()
    columns = width or (os.get_terminal_size().columns if tty else 100)
    return {"width": max(columns, 60), "color": tty and "NO_COLOR" not in os.environ}


def quiet_libraries(debug: bool) -> None:
    # pypdf logs warnings about harmless quirks of real-world PDFs; a user can't act on them.
    if not debug:
        logging.getLogger("pypdf").setLevel(logging.ERROR)
