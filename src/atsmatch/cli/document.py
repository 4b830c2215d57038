"""`atsmatch score` and `atsmatch extract`: one document, or one resume against one posting."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import AtsmatchError
from .app import (
    EXIT_BELOW_MIN_SCORE,
    DebugOption,
    EncodingOption,
    Format,
    FormatOption,
    LexiconOption,
    MaxMibOption,
    OutputOption,
    TaggerOption,
    TitleOption,
    WidthOption,
    app,
    build_analyzer,
    emit,
    fail,
    output_style,
    quiet_libraries,
)


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
    title: TitleOption = None,
    max_mib: MaxMibOption = 20.0,
    encoding: EncodingOption = None,
    width: WidthOption = None,
    output: OutputOption = None,
    tagger: TaggerOption = True,
    debug: DebugOption = False,
) -> None:
    """Score RESUME against POSTING: matched and missing keywords, near-misses, suggestions.

    --format html -o report.html writes one page to open in a browser: both documents side by side,
    every keyword highlighted.
    """
    from ..render import render_report

    if resume == "-" and posting == "-":
        raise typer.BadParameter("only one of RESUME and POSTING can be '-' (standard input)")
    quiet_libraries(debug)
    try:
        analyzer = build_analyzer(lexicon, max_mib, tagger=tagger)
        # Extracted here, not inside score(), so the HTML page can show both documents.
        resume_extraction = analyzer.extract(analyzer.read(Path(resume), encoding=encoding))
        posting_extraction = analyzer.extract(analyzer.read(Path(posting), encoding=encoding))
        report = analyzer.score(resume_extraction, posting_extraction, title=title)
    except AtsmatchError as exc:
        raise fail(exc, debug) from None
    rendered = render_report(
        report, format.value, explain=explain, resume=resume_extraction, posting=posting_extraction,
        **output_style(width, to_file=output is not None),
    )  # fmt: skip
    emit(rendered, output)
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
    posting: Annotated[
        bool,
        typer.Option(
            "--posting",
            help="FILE is a posting: keywords named only outside its body (company text, benefits, "
            "legal text, page furniture) are listed apart, as not scored.",
        ),
    ] = False,
    lexicon: LexiconOption = None,
    max_mib: MaxMibOption = 20.0,
    encoding: EncodingOption = None,
    width: WidthOption = None,
    tagger: TaggerOption = True,
    debug: DebugOption = False,
) -> None:
    """List the skills found in FILE, with where each is mentioned."""
    from ..render import render_extraction
    from ..render.posting import IGNORED_REASON_TEXT

    if format is Format.html:
        raise typer.BadParameter(
            "html is for score and rank; use text, json or markdown", param_hint="--format"
        )
    if posting and format is Format.json:
        # The extraction's JSON is one stable shape; the posting's reading has its own.
        raise typer.BadParameter(
            "--posting lists keywords apart in text and Markdown; for JSON, `atsmatch posting FILE "
            "-f json` gives the posting's reading, whose ignored_keywords are those keywords",
            param_hint="--posting",
        )

    quiet_libraries(debug)
    try:
        analyzer = build_analyzer(lexicon, max_mib, tagger=tagger)
        document = analyzer.read(Path(file), encoding=encoding)
        extraction = analyzer.extract(document)
        outside = {}
        if posting:
            ignored = analyzer.read_posting(extraction).analysis.ignored_keywords
            # A tagged duty stands in the body: it is left out, but not for being outside it.
            outside = {
                k.name: IGNORED_REASON_TEXT[k.reason] for k in ignored if k.reason != "not_keyword_like"
            }
    except AtsmatchError as exc:
        raise fail(exc, debug) from None
    rendered = render_extraction(extraction, format.value, outside_body=outside, **output_style(width))
    typer.echo(rendered, nl=False)
