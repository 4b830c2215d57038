"""Small HTML pieces every part of the report uses: escaping, line links, bars, tables."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ...models import Mention
from .marks import STATUS

__all__ = ["badge", "bar", "e", "field", "line_links", "section", "table"]


def field(model: object, *names: str) -> object:
    """The first of ``names`` that ``model`` has. The report models are being renamed (formula.score →
    score_expression, coverage.matched → matched_count): this page reads either, so it renders the
    same before and after; drop the old names once the new ones are on main."""
    for name in names:
        value = getattr(model, name, None)
        if value is not None:
            return value
    raise AttributeError(f"{type(model).__name__} has none of {names}")


def e(value: object) -> str:
    """Text → HTML text or attribute value: every document string goes through here."""
    return escape(str(value), quote=True)


def badge(status: str, text: str | None = None) -> str:
    """A status as icon + words, coloured: the words carry it for anyone who can't see the colour."""
    icon, label = STATUS[status]
    words = f'<span class="sr">{e(label)}</span>' if text == "" else e(text or label)
    return f'<span class="badge {status}"><span aria-hidden="true">{icon}</span> {words}</span>'


def line_links(mentions: Sequence[Mention], side: str, limit: int = 4) -> str:
    """'lines 3, 7, 12 (+2)' with each number a link to that line of the document."""
    lines = list(dict.fromkeys(m.line for m in mentions))
    if not lines:
        return ""
    links = ", ".join(f'<a href="#{side}-L{n}">{n}</a>' for n in lines[:limit])
    more = f" (+{len(lines) - limit})" if len(lines) > limit else ""
    return f"line{'s' if len(lines) > 1 else ''} {links}{more}"


def bar(percent: float | None, label: str) -> str:
    """A horizontal bar with its value written beside it (the bar alone is decoration)."""
    width = 0.0 if percent is None else max(0.0, min(100.0, percent))
    return (
        f'<span class="bar" aria-hidden="true"><span style="width:{width:.1f}%"></span></span>'
        f'<span class="bar-label">{e(label)}</span>'
    )


LEAD = ' class="lead"'


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    caption: str = "",
    sortable: bool = False,
    lead: int = 1,
) -> str:
    """A table of already-escaped cells; ``sortable`` lets the page's script sort it by any column.

    On a narrow screen each row becomes a card: its first ``lead`` cells on one line as its title, the
    others labelled by their column.
    """
    head = "".join(f'<th scope="col">{e(h)}</th>' for h in headers)
    labels = [e(h) for h in headers]
    body = "".join(
        "<tr>"
        + "".join(
            f'<td data-label="{label}"{LEAD if i < lead else ""}>{cell}</td>'
            for i, (label, cell) in enumerate(zip(labels, row, strict=True))
        )
        + "</tr>"
        for row in rows
    )
    cap = f"<caption>{e(caption)}</caption>" if caption else ""
    cls = ' class="cards sortable"' if sortable else ' class="cards"'
    return (
        f'<div class="scroll"><table{cls}>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def section(anchor: str, title: str, content: str, *, level: int = 2) -> str:
    """A ``<section>`` named by its heading; ``anchor`` (already prefixed) is the heading's id."""
    return (
        f'<section aria-labelledby="{anchor}"><h{level} id="{anchor}">{e(title)}</h{level}>'
        f"{content}</section>"
    )
