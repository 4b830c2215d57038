"""A document's text as numbered HTML lines with its keyword marks; every character escaped."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from html import escape

from .marks import STATUS, IgnoredRange, Mark

__all__ = ["document_lines"]


def document_lines(
    text: str,
    marks: Sequence[Mark],
    side: str,
    ignored: Sequence[IgnoredRange] = (),
    headings: Collection[int] = (),
) -> str:
    """``text`` as one ``<div class="line">`` per line, marks as links, ignored ranges dimmed.

    ``headings`` are the numbers of heading lines (set in bold). ``side`` ('p' or 'r') prefixes the
    line ids (``p-L12``), so the report's "line 12" can link there.
    A mark that runs over a line break is split, its id kept on the first part.
    """
    reasons = _reasons_by_line(ignored)
    starts = {r.start_line for r in ignored}
    pending = sorted(marks, key=lambda m: m.start)  # non-overlapping, so sorted by end too
    out = []
    offset = cursor = 0
    for number, line in enumerate(text.split("\n"), start=1):
        end = offset + len(line)
        while cursor < len(pending) and pending[cursor].end <= offset:
            cursor += 1
        last = cursor
        while last < len(pending) and pending[last].start < end:
            last += 1
        reason = reasons.get(number)
        out.append(
            _line(
                line, offset, pending[cursor:last], side, number, reason, number in starts, number in headings
            )
        )
        offset = end + 1
    return "".join(out)


def _reasons_by_line(ignored: Sequence[IgnoredRange]) -> dict[int, str]:
    reasons: dict[int, str] = {}
    for r in ignored:
        for number in range(r.start_line, r.end_line + 1):
            reasons.setdefault(number, r.reason)
    return reasons


def _line(
    line: str,
    offset: int,
    marks: Sequence[Mark],
    side: str,
    number: int,
    reason: str | None,
    first: bool,
    heading: bool,
) -> str:
    parts = []
    position = 0
    for mark in marks:
        start, end = max(mark.start - offset, position), min(mark.end - offset, len(line))
        if end <= start:
            continue
        parts.append(escape(line[position:start]))
        parts.append(_mark(mark, line[start:end], with_anchor=mark.start - offset == start))
        position = end
    parts.append(escape(line[position:]))
    classes = "line" + (" ign" if reason else "") + (" hd" if heading else "")
    note = ""
    if reason and first:
        note = f'<div class="why" aria-hidden="true">⊘ not scored: {escape(reason)}</div>'
    label = f' title="not scored: {escape(reason)}"' if reason else ""
    hidden = f'<span class="sr">not scored ({escape(reason)}): </span>' if reason and first else ""
    return (
        f'{note}<div class="{classes}" id="{side}-L{number}"{label}>'
        f'<span class="n" aria-hidden="true">{number}</span>'
        f'<span class="t">{hidden}{"".join(parts) or " "}</span></div>'
    )


def _mark(mark: Mark, text: str, *, with_anchor: bool) -> str:
    icon, label = STATUS[mark.status]
    classes = f"kw {mark.status} {mark.key}".strip()
    attributes = [f'class="{classes}"', f'title="{escape(mark.title)}"']
    if mark.key:
        attributes.append(f'data-k="{mark.key}"')
    if with_anchor and mark.anchor:
        attributes.append(f'id="{mark.anchor}"')
    body = (
        f'<span class="sr">{escape(label)}: </span>{escape(text)}'
        f'<span class="ic" aria-hidden="true">{icon}</span>'
    )
    if mark.href:
        return f'<a href="{escape(mark.href)}" {" ".join(attributes)}>{body}</a>'
    return f"<mark {' '.join(attributes)}>{body}</mark>"
