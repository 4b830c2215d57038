"""Reports, extractions and rankings → text for a terminal, Markdown, JSON or HTML. Presentation only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from ..models import Extraction, MatchReport, Ranking
from . import markdown, text

if TYPE_CHECKING:
    from .html import DocumentText

__all__ = [
    "OutputFormat",
    "render_extraction",
    "render_ranking",
    "render_ranking_html",
    "render_report",
    "render_report_html",
]

OutputFormat = Literal["text", "json", "markdown", "html"]


def render_report(
    report: MatchReport,
    format: OutputFormat = "text",
    *,
    explain: bool = False,
    width: int = 100,
    color: bool = False,
    resume: DocumentText = None,
    posting: DocumentText = None,
) -> str:
    """A match report as text (``width`` columns, ANSI colour if ``color``), Markdown, JSON or HTML.

    ``resume`` and ``posting`` (the documents scored) are shown side by side in HTML; other formats
    ignore them.
    """
    if format == "html":
        return render_report_html(report, resume=resume, posting=posting)
    if format == "json":
        return report.model_dump_json(indent=2)
    if format == "markdown":
        return markdown.report(report, explain=explain)
    return text.report(report, explain=explain, width=width, color=color)


def render_extraction(
    extraction: Extraction,
    format: OutputFormat = "text",
    *,
    width: int = 100,
    color: bool = False,
    outside_body: Mapping[str, str] | None = None,
) -> str:
    """An extraction as text, Markdown or JSON (JSON carries the analysed text and every offset).

    ``outside_body``: for a posting, keyword name → why it stands only outside the posting's body
    (text and Markdown list those apart, as not scored).

    Raises:
        ValueError: ``format`` is "html", which is for reports and rankings.
    """
    if format == "html":
        raise ValueError("HTML renders reports and rankings, not extractions: use text, json or markdown")
    if format == "json":
        return extraction.model_dump_json(indent=2)
    if format == "markdown":
        return markdown.extraction(extraction, outside_body=outside_body or {})
    return text.extraction(extraction, width=width, color=color, outside_body=outside_body or {})


def render_ranking(
    ranking: Ranking, format: OutputFormat = "text", *, width: int = 100, color: bool = False
) -> str:
    """A batch ranking as text, Markdown, JSON or HTML (a summary table; for the reports in it, call
    ``render_ranking_html`` with them)."""
    if format == "html":
        return render_ranking_html(ranking)
    if format == "json":
        return ranking.model_dump_json(indent=2)
    if format == "markdown":
        return markdown.ranking(ranking)
    return text.ranking(ranking, width=width, color=color)


def render_report_html(
    report: MatchReport, *, resume: DocumentText = None, posting: DocumentText = None
) -> str:
    """The report as one self-contained HTML page; see ``atsmatch.render.html``."""
    from .html import render_report_html as render

    return render(report, resume=resume, posting=posting)


def render_ranking_html(
    ranking: Ranking,
    reports: Mapping[str, MatchReport] | None = None,
    documents: Mapping[str, DocumentText] | None = None,
    posting: DocumentText = None,
) -> str:
    """A ranking as a sortable HTML table, each resume opening into its report when ``reports`` has it."""
    from .html import render_ranking_html as render

    return render(ranking, reports, documents, posting)
