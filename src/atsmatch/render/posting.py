"""`atsmatch posting`: how one posting was read, as plain text or Markdown. Presentation only."""

from __future__ import annotations

import textwrap

from ..models import PostingAnalysis, PostingReport
from .common import IGNORED_REASON_TEXT, degree_fact, printable, title_fact

__all__ = ["IGNORED_REASON_TEXT", "render_posting"]


def render_posting(report: PostingReport, format: str = "text", *, width: int = 100) -> str:
    """The posting view as text (wrapped at ``width``), Markdown, or JSON."""
    if format == "json":
        return report.model_dump_json(indent=2)
    blocks = _blocks(report)
    if format == "markdown":
        out = [f"# atsmatch: the posting {report.source or 'text'}", ""]
        for heading, rows in blocks:
            out += [f"## {heading}", ""] + [f"- {row}" for row in rows] + [""]
        return "\n".join(map(printable, out))
    out = [f"atsmatch: the posting {report.source or 'text'} ({report.format}, {report.lines} lines)", ""]
    for heading, rows in blocks:
        out.append(heading)
        for row in rows:
            out += textwrap.wrap(row, width=width, initial_indent="  ", subsequent_indent="    ") or [""]
        out.append("")
    # Document text (titles, evidence, file names) is printed as written, never as terminal codes.
    return "\n".join(map(printable, out))


def _blocks(report: PostingReport) -> list[tuple[str, list[str]]]:
    analysis = report.analysis
    blocks = [("Job title", [_title(analysis)])]
    if analysis.warnings:
        blocks.append(("Warnings", list(analysis.warnings)))
    blocks.append(("Sections", [
        f"{_range(s.start_line, s.end_line)}: {s.kind}" + (f" ({s.heading!r})" if s.heading else "")
        for s in analysis.sections
    ]))  # fmt: skip
    grouped = {g.id: g for g in analysis.alternatives}
    for level in ("required", "preferred", "unspecified"):
        rows, shown = [], set()
        for need in analysis.requirements:
            if need.requirement != level or need.alternatives in shown:
                continue
            if need.alternatives:
                shown.add(need.alternatives)
                group = grouped[need.alternatives]
                rows.append(f"any one of: {', '.join(group.keywords)} (line {group.line}: {group.text!r})")
            else:
                rows.append(
                    f"{need.name} ({_lines(need.lines)})" + (", in the title" if need.in_title else "")
                )
        if rows:
            blocks.append((f"{level.capitalize()} keywords", rows))
    if analysis.experience:
        blocks.append(("Years of experience", [
            f"{e.years_min}{'-' + str(e.years_max) if e.years_max else '+'} years of "
            f"{e.subject or 'experience (in general)'} ({e.requirement}, line {e.line}): {e.text!r}"
            for e in analysis.experience
        ]))  # fmt: skip
    if analysis.degrees:
        blocks.append(("Degrees", [degree_fact(d) + _fields(d.fields) for d in analysis.degrees]))
    if analysis.unknown_requirements:
        blocks.append(("Listed, not in the lexicon", [
            f"{u.text!r} ({u.requirement}, line {u.line})" for u in analysis.unknown_requirements
        ]))  # fmt: skip
    if analysis.ignored_lines:
        blocks.append(("Ignored lines (not scored)", [
            f"{_range(r.start_line, r.end_line)}: {IGNORED_REASON_TEXT[r.reason]}"
            for r in analysis.ignored_lines
        ]))  # fmt: skip
    if analysis.ignored_keywords:
        blocks.append(("Keywords named only outside the body (not scored)", [
            f"{k.name} ({_lines(k.lines)}): {IGNORED_REASON_TEXT[k.reason]}"
            for k in analysis.ignored_keywords
        ]))  # fmt: skip
    return blocks


def _title(analysis: PostingAnalysis) -> str:
    fact = title_fact(analysis)
    evidence = analysis.title_evidence
    if evidence is not None and evidence.text != analysis.title:
        fact += f": from {evidence.text!r}"
    return fact


def _fields(fields: tuple[str, ...]) -> str:
    return f"; fields: {', '.join(fields)}" if len(fields) > 1 else ""


def _lines(lines: tuple[int, ...]) -> str:
    return f"line{'s' if len(lines) > 1 else ''} {', '.join(str(n) for n in lines)}"


def _range(start: int, end: int) -> str:
    return f"line {start}" if start == end else f"lines {start}-{end}"
