"""Reports, extractions and rankings → text for a terminal, Markdown, or JSON. Presentation only."""

from __future__ import annotations

from typing import Literal

from ..models import Extraction, MatchReport, Ranking
from . import markdown, text

__all__ = ["OutputFormat", "render_extraction", "render_ranking", "render_report"]

OutputFormat = Literal["text", "json", "markdown"]


def render_report(
    report: MatchReport,
    format: OutputFormat = "text",
    *,
    explain: bool = False,
    width: int = 100,
    color: bool = False,
) -> str:
    """A match report as text (``width`` columns, ANSI colour if ``color``), Markdown or JSON."""
    if format == "json":
        return report.model_dump_json(indent=2)
    if format == "markdown":
        return markdown.report(report, explain=explain)
    return text.report(report, explain=explain, width=width, color=color)


def render_extraction(
    extraction: Extraction, format: OutputFormat = "text", *, width: int = 100, color: bool = False
) -> str:
    """An extraction as text, Markdown or JSON (JSON carries the analysed text and every offset)."""
    if format == "json":
        return extraction.model_dump_json(indent=2)
    if format == "markdown":
        return markdown.extraction(extraction)
    return text.extraction(extraction, width=width, color=color)


def render_ranking(
    ranking: Ranking, format: OutputFormat = "text", *, width: int = 100, color: bool = False
) -> str:
    """A batch ranking as text, Markdown or JSON."""
    if format == "json":
        return ranking.model_dump_json(indent=2)
    if format == "markdown":
        return markdown.ranking(ranking)
    return text.ranking(ranking, width=width, color=color)
