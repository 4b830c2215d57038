"""`atsmatch posting`: how a posting was read, on its own."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import AtsmatchError
from .app import (
    DebugOption,
    EncodingOption,
    Format,
    FormatOption,
    LexiconOption,
    MaxMibOption,
    TaggerOption,
    TitleOption,
    WidthOption,
    app,
    build_analyzer,
    fail,
    output_style,
    quiet_libraries,
)


@app.command("posting")
def posting_command(
    file: Annotated[
        str, typer.Argument(metavar="FILE", help="The job posting (PDF, DOCX, HTML, Markdown, text or '-').")
    ],
    format: FormatOption = Format.text,
    title: TitleOption = None,
    lexicon: LexiconOption = None,
    max_mib: MaxMibOption = 20.0,
    encoding: EncodingOption = None,
    width: WidthOption = None,
    tagger: TaggerOption = True,
    debug: DebugOption = False,
) -> None:
    """Show how FILE was read as a posting: title and its evidence, sections, required and preferred
    keywords (alternatives grouped), years, degrees, and every ignored line range with its reason."""
    from ..render.posting import render_posting

    quiet_libraries(debug)
    try:
        analyzer = build_analyzer(lexicon, max_mib, tagger=tagger)
        report = analyzer.posting_report(analyzer.read(Path(file), encoding=encoding), title=title)
    except AtsmatchError as exc:
        raise fail(exc, debug) from None
    style = output_style(width)
    typer.echo(render_posting(report, format.value, width=int(style["width"])), nl=False)
