"""The typer app, its shared options, and the mapping from errors to exit codes.

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
import tempfile
import warnings
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional, TextIO

import typer

from .. import __version__
from ..errors import AtsmatchError, AtsmatchWarning, LexiconError

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
    html = "html"


FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        metavar="text|json|markdown|html",
        help="Output format; html is one self-contained page (score and rank).",
    ),
]
OutputOption = Annotated[
    Optional[Path],  # noqa: UP007
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        help="Write to FILE (replaced whole, never half-written), not stdout.",
    ),
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


def _finite_or_inf(value: float) -> float:
    if value != value:  # NaN slips through click's range check
        raise typer.BadParameter("must be a number of MiB (e.g. 5), or inf for no limit.")
    return value


MaxMibOption = Annotated[
    float,
    typer.Option(
        "--max-mib",
        metavar="MIB",
        help="Largest file to read, in MiB ('inf': no limit).",
        min=0.001,
        callback=_finite_or_inf,
    ),
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
TitleOption = Annotated[
    Optional[str],  # noqa: UP007
    typer.Option(
        "--title", metavar="TITLE", help="The job title, when atsmatch reads it wrong or not at all."
    ),
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks instead of short errors.")]
TaggerOption = Annotated[
    bool,
    typer.Option(
        "--tagger/--no-tagger",
        help="Also find skills the lexicon lacks with the trained tagger; --no-tagger is about 3x faster.",
    ),
]


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


def build_analyzer(lexicons: list[Path] | None, max_mib: float, *, tagger: bool = True):
    from ..analyzer import Analyzer
    from ..lexicon.cache import default_cache_dir
    from ..readers import ReadLimits
    from ..readers.limits import bytes_from_mib

    analyzer = Analyzer(
        extra_lexicons=lexicons or (),
        limits=ReadLimits(max_bytes=bytes_from_mib(max_mib)),
        cache_dir=None if os.environ.get("ATSMATCH_NO_CACHE") else default_cache_dir(),
        tagger=tagger,
    )
    analyzer.matcher  # noqa: B018 - load the lexicon now, so its objects are frozen with the imports
    gc.freeze()
    return analyzer


def fail(exc: AtsmatchError, debug: bool) -> typer.Exit:
    if debug:
        raise exc
    from ..render.common import printable  # a file name's escape sequences stay on the page

    typer.echo(f"atsmatch: error: {printable(str(exc))}", err=True)
    return typer.Exit(EXIT_LEXICON if isinstance(exc, LexiconError) else EXIT_INPUT)


def output_style(width: int | None, *, to_file: bool = False) -> dict[str, object]:
    tty = sys.stdout.isatty() and not to_file
    columns = width or (os.get_terminal_size().columns if tty else 100)
    return {"width": max(columns, 60), "color": tty and "NO_COLOR" not in os.environ}


def quiet_libraries(debug: bool) -> None:
    # pypdf logs warnings about harmless quirks of real-world PDFs; a user can't act on them.
    if not debug:
        logging.getLogger("pypdf").setLevel(logging.ERROR)
    # An AtsmatchWarning is for library callers; the report the CLI prints already says it.
    warnings.simplefilter("ignore", AtsmatchWarning)


def emit(rendered: str, output: Path | None) -> None:
    """``rendered`` to stdout, or to ``output`` atomically: a reader never sees half a file."""
    with output_stream(output) as out:
        out.write(rendered)


class _Echo:
    """Standard output through click, as ``typer.echo`` writes it."""

    def write(self, text: str) -> None:
        typer.echo(text, nl=False)


@contextlib.contextmanager
def output_stream(output: Path | None) -> Iterator[_Echo | TextIO]:
    """Something to ``write`` output to piece by piece: stdout, or a temporary file beside
    ``output`` renamed over it at the end, so a reader never sees half a file (nor one at all if
    writing fails or is interrupted)."""
    if output is None:
        yield _Echo()
        return
    target = output.expanduser()
    temporary: str | None = None
    try:
        descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp's 0600 would make a report only we can read
        os.replace(temporary, target)
        temporary = None
    except OSError as exc:
        typer.echo(f"atsmatch: error: can't write {output}: {exc.strerror or exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
