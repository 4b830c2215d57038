"""`atsmatch rank`: many resumes against one posting."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import AtsmatchError
from .app import (
    EXIT_INPUT,
    DebugOption,
    Format,
    FormatOption,
    LexiconOption,
    MaxMibOption,
    WidthOption,
    app,
    build_analyzer,
    fail,
    output_style,
    quiet_libraries,
)


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
    from ..render import render_ranking

    quiet_libraries(debug)
    try:
        analyzer = build_analyzer(lexicon, max_mib)
        ranking = analyzer.rank(resumes, analyzer.read(Path(posting)))
    except AtsmatchError as exc:
        raise fail(exc, debug) from None
    typer.echo(render_ranking(ranking, format.value, **output_style(width)), nl=False)
    if any(row.error for row in ranking.results):
        raise typer.Exit(EXIT_INPUT)
