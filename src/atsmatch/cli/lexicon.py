"""`atsmatch lexicon validate|stats`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..errors import AtsmatchError
from .app import (
    DebugOption,
    LexiconOption,
    fail,
    lexicon_app,
)


@lexicon_app.command("validate")
def lexicon_validate_command(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Lexicon YAML files to check.")],
    debug: DebugOption = False,
) -> None:
    """Check lexicon files, alone and merged over the built-in lexicon."""
    from ..lexicon import load_lexicon

    try:
        merged = load_lexicon(files)
    except AtsmatchError as exc:
        raise fail(exc, debug) from None
    typer.echo(f"ok: {', '.join(map(str, files))} valid; merged lexicon has {len(merged)} entries")


@lexicon_app.command("stats")
def lexicon_stats_command(lexicon: LexiconOption = None, debug: DebugOption = False) -> None:
    """Count the lexicon's entries per category and group."""
    from ..lexicon import load_lexicon

    try:
        merged = load_lexicon(lexicon or ())
    except AtsmatchError as exc:
        raise fail(exc, debug) from None
    counts = merged.counts()
    typer.echo(f"{len(merged)} entries (lexicon {merged.content_hash})")
    for category, count in sorted(counts["category"].items()):
        typer.echo(f"  {category}: {count}")
        for group, group_count in sorted(counts["group"].items(), key=lambda item: (-item[1], item[0])):
            if group.startswith(category + "/"):
                typer.echo(f"    {group.split('/', 1)[1]}: {group_count}")
