"""A batch (many resumes, one or more postings) as a sortable table, each row opening into its report."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ...models import MatchReport, Ranking
from .marks import DocumentText
from .page import page
from .parts import e, field
from .report import report_fragment

__all__ = ["BatchEntry", "render_batch_html", "render_ranking_html", "write_batch_html"]


@dataclass(frozen=True)
class BatchEntry:
    """One row of a batch: a resume scored against a posting, or the error that stopped it.

    ``report`` (with ``resume_text``/``posting_text`` to show the documents) makes the row open into
    the whole report; without it the row is a summary line.
    """

    resume: str
    posting: str
    score: float | None
    matched: int = 0
    missing: int = 0
    top_missing: tuple[str, ...] = ()
    error: str | None = None
    report: MatchReport | None = None
    resume_text: DocumentText = None
    posting_text: DocumentText = None

    @classmethod
    def from_report(
        cls, report: MatchReport, *, resume: DocumentText = None, posting: DocumentText = None
    ) -> BatchEntry:
        return cls(
            resume=report.resume.source or "resume",
            posting=report.posting.source or "posting",
            score=report.score,
            matched=len(report.matched),
            missing=len(report.missing),
            top_missing=tuple(k.name for k in report.missing[:5]),
            report=report,
            resume_text=resume,
            posting_text=posting,
        )

    @classmethod
    def from_row(
        cls,
        row: object,
        *,
        report: MatchReport | None = None,
        resume_text: DocumentText = None,
        posting_text: DocumentText = None,
    ) -> BatchEntry:
        """An entry from a batch row with ``resume``/``source``, ``posting``, ``score``, ``matched``
        (or ``matched_count``), ``missing`` (or ``missing_count``), ``top_missing`` and ``error`` (a
        string, or an object with a ``message``), such as the batch package's pair results."""
        error = getattr(row, "error", None)
        return cls(
            resume=str(field(row, "resume", "source")),
            posting=str(getattr(row, "posting", None) or "posting"),
            score=getattr(row, "score", None),
            matched=int(field(row, "matched_count", "matched")),
            missing=int(field(row, "missing_count", "missing")),
            top_missing=tuple(getattr(row, "top_missing", ())),
            error=None if error is None else str(getattr(error, "message", error)),
            report=report,
            resume_text=resume_text,
            posting_text=posting_text,
        )


def render_ranking_html(
    ranking: Ranking,
    reports: Mapping[str, MatchReport] | None = None,
    documents: Mapping[str, DocumentText] | None = None,
    posting: DocumentText = None,
) -> str:
    """``atsmatch rank`` as a page: ``reports`` and ``documents`` are keyed by the rows' ``source``."""
    reports, documents = reports or {}, documents or {}
    name = ranking.posting.source or "the posting"
    entries = [
        BatchEntry(
            resume=row.source,
            posting=name,
            score=row.score,
            matched=field(row, "matched_count", "matched"),
            missing=field(row, "missing_count", "missing"),
            top_missing=row.top_missing,
            error=row.error,
            report=reports.get(row.source),
            resume_text=documents.get(row.source),
            posting_text=posting,
        )  # fmt: skip
        for row in ranking.results
    ]
    return render_batch_html(entries, title=f"atsmatch: {len(entries)} resumes against {name}")


def render_batch_html(entries: Sequence[BatchEntry], *, title: str = "atsmatch: batch") -> str:
    """A sortable table of ``entries`` (in the order given), then each entry's report in a ``<details>``."""
    out = io.StringIO()
    several_postings = len({entry.posting for entry in entries}) > 1
    write_batch_html(entries, out, title=title, several_postings=several_postings)
    return out.getvalue()


def write_batch_html(
    entries: Iterable[BatchEntry], out: _Writable, *, title: str = "atsmatch: batch", several_postings: bool
) -> None:
    """``render_batch_html`` written to ``out``, taking each entry once and keeping nothing of it:
    its table row, report and CSS go to temporary files until the page is put together, so a
    page of many reports needs the memory of one (the entries may be made as they are asked for).

    ``several_postings``: whether the entries have more than one posting (a posting column).
    """
    headers = ["#", "resume"] + (["posting"] if several_postings else [])
    headers += ["score", "matched", "missing", "most important missing"]
    with _spooled() as rows, _spooled() as details, _spooled() as styles:
        for number, entry in enumerate(entries, start=1):
            prefix = f"b{number}-"
            rows.write(_row(number, entry, prefix, several_postings))
            if entry.report is not None:
                article, css = report_fragment(
                    entry.report, resume=entry.resume_text, posting=entry.posting_text, prefix=prefix
                )
                styles.write(css)
                label = f"{number}. {entry.resume}" + (
                    f" against {entry.posting}" if several_postings else ""
                )
                details.write(
                    f'<details id="{prefix}entry"><summary>{e(label)}: {entry.score:g} / 100</summary>'
                    f"{_under_the_batch(article)}</details>"
                )
        # The page around the parts, cut where they go (the marks are not text a page can hold).
        before_css, rest = page(title, _BODY, _CSS).split(_CSS)
        between, after_body = rest.split(_BODY)
        head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
        out.write(before_css)
        _copy(styles, out)
        out.write(between + f'<div class="batch"><h1>{e(title)}</h1>')
        out.write(
            f'<div class="scroll"><table class="cards sortable ranking"><thead><tr>{head}</tr></thead><tbody>'
        )
        _copy(rows, out)
        out.write("</tbody></table></div>")
        if details.tell():
            out.write('<h2 id="h-reports">Each report</h2>')
            _copy(details, out)
        out.write("</div>" + after_body)


_BODY, _CSS = "\x00atsmatch-batch-body\x00", "\x00atsmatch-batch-css\x00"


class _Writable(Protocol):
    def write(self, text: str, /) -> object: ...


def _spooled() -> tempfile.SpooledTemporaryFile:
    """A text file in memory up to 1 MiB, on disk beyond."""
    return tempfile.SpooledTemporaryFile(
        max_size=1 << 20, mode="w+", encoding="utf-8", prefix="atsmatch-html-"
    )


def _copy(part: tempfile.SpooledTemporaryFile, out: _Writable) -> None:
    part.seek(0)
    while chunk := part.read(1 << 16):
        out.write(chunk)


def _under_the_batch(article: str) -> str:
    """A report's headings two levels down, under the page's h1 and its "Each report" h2 (the
    article's text is escaped, so every '<h' in it is one of our tags)."""
    for level in (4, 3, 2, 1):
        article = article.replace(f"<h{level}", f"<h{level + 2}").replace(f"</h{level}>", f"</h{level + 2}>")
    return article


def _row(number: int, entry: BatchEntry, prefix: str, several_postings: bool) -> str:
    resume = e(entry.resume)
    if entry.report is not None:
        resume = f'<a href="#{prefix}report">{resume}</a>'
    cells = [("#", str(number), str(number)), ("resume", resume, None)]
    if several_postings:
        cells.append(("posting", e(entry.posting), None))
    if entry.error is not None:
        cells += [("score", "error", "-1"), ("matched", "", None), ("missing", "", None)]
        cells.append(("error", f'<span class="error">✗ {e(entry.error)}</span>', None))
    else:
        score = f"{entry.score:g}" if entry.score is not None else "-"
        cells += [
            ("score", score, score),
            ("matched", str(entry.matched), None),
            ("missing", str(entry.missing), None),
        ]
        cells.append(("most important missing", e(", ".join(entry.top_missing)), None))
    tds = [
        f'<td data-label="{e(label)}"' + (' class="lead"' if i < 2 else "")
        + (f' data-sort="{sort}"' if sort else "") + f">{cell}</td>"
        for i, (label, cell, sort) in enumerate(cells)
    ]  # fmt: skip
    return "<tr>" + "".join(tds) + "</tr>"
