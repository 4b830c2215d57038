"""Reports and batches as one self-contained HTML page: both documents side by side, keywords marked.

Inline style, no request of any kind, readable without JavaScript (a small script sorts tables);
every piece of document text is escaped. ``render_report_html`` needs the documents' text to show
them (a ``MatchReport`` carries offsets, not text): pass the ``Extraction``s (which also mark the
posting's ignored keywords and the resume's other skills), the ``Document``s, or the text.
"""

from __future__ import annotations

from ...models import MatchReport
from .batch import BatchEntry, render_batch_html, render_ranking_html
from .marks import DocumentText
from .page import page
from .report import report_fragment

__all__ = ["BatchEntry", "DocumentText", "render_batch_html", "render_ranking_html", "render_report_html"]


def render_report_html(
    report: MatchReport, *, resume: DocumentText = None, posting: DocumentText = None
) -> str:
    """The report as a whole HTML page.

    Args:
        report: the match report.
        resume, posting: the documents scored (``Extraction``, ``Document`` or text); without them the
            page has everything but the side-by-side texts.
    """
    article, keyword_css = report_fragment(report, resume=resume, posting=posting)
    title = f"atsmatch: {report.resume.source or 'resume'} against {report.posting.source or 'posting'}"
    return page(f"{title} ({report.score:g}/100)", article, keyword_css)
