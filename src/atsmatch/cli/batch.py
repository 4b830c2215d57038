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
    OutputOption,
    WidthOption,
    app,
    build_analyzer,
    emit,
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
    output: OutputOption = None,
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
        posting_extraction = analyzer.extract(analyzer.read(Path(posting)))
        ranking = analyzer.rank(resumes, posting_extraction)
        if format is Format.html:
            rendered = _ranking_html(analyzer, ranking, posting_extraction)
        else:
            rendered = render_ranking(
                ranking, format.value, **output_style(width, to_file=output is not None)
            )
    except AtsmatchError as exc:
        raise fail(exc, debug) from None
    emit(rendered, output)
    if any(row.error for row in ranking.results):
        raise typer.Exit(EXIT_INPUT)


def _ranking_html(analyzer, ranking, posting_extraction) -> str:
    """The ranking page, each resume opening into its whole report (each resume is read again)."""
    from ..render import render_ranking_html

    reports, documents = {}, {}
    for row in ranking.results:
        if row.error is None:
            documents[row.source] = analyzer.extract(Path(row.source))
            reports[row.source] = analyzer.score(documents[row.source], posting_extraction)
    return render_ranking_html(ranking, reports, documents, posting_extraction)
