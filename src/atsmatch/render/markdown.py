"""Markdown rendering, for pasting a report into an issue, a wiki or an e-mail."""

from __future__ import annotations

from collections.abc import Mapping

from ..models import Extraction, MatchReport, Ranking
from .common import (
    CATEGORY_LABEL,
    CATEGORY_PLURAL,
    percent,
    phrasings,
    posting_facts,
    printable,
    resume_facts,
    where,
)


def _cell(value: str) -> str:
    return value.replace("|", "\\|")


def report(report: MatchReport, *, explain: bool) -> str:
    resume, posting = report.resume.source or "resume", report.posting.source or "posting"
    out = [f"# atsmatch: {resume} against {posting}", "", f"**Score: {report.score:g} / 100**", ""]
    out += [f"> warning: {w}" for w in report.warnings]
    out += ["## Coverage", "", "| category | matched | weight | coverage |", "|---|---|---|---|"]
    for row in report.coverage:
        out.append(f"| {CATEGORY_PLURAL[row.category]} | {row.matched_count} / {row.total_count} | "
                   f"{row.matched_weight:g} / {row.total_weight:g} | {percent(row.percent)} |")  # fmt: skip
    out += ["", f"## Matched ({len(report.matched)})", ""]
    if report.matched:
        out += ["| keyword | category | weight | in the posting | in your resume |", "|---|---|---|---|---|"]
        for k in sorted(report.matched, key=lambda k: -k.weight):
            out.append(
                f"| {_cell(k.name)} | {CATEGORY_LABEL[k.category]} | {k.weight:g} | "
                f"{_cell(phrasings(k.posting_mentions))} {where(k.posting_mentions)} | "
                f"{_cell(phrasings(k.resume_mentions))} {where(k.resume_mentions)} |"
            )
    out += ["", f"## Missing, most important first ({len(report.missing)})", ""]
    if report.missing:
        out += [
            "| # | keyword | category | requirement | weight | in the posting |",
            "|---|---|---|---|---|---|",
        ]
        for k in report.missing:
            title = ", in the title" if k.in_title else ""
            evidence = f"{_cell(phrasings(k.posting_mentions))} {where(k.posting_mentions)}{title}"
            label = CATEGORY_LABEL[k.category]
            out.append(
                f"| {k.rank} | {_cell(k.name)} | {label} | {k.requirement} | {k.weight:g} | {evidence} |"
            )
    if report.near_misses:
        out += ["", f"## Near-misses ({len(report.near_misses)}), not counted", ""]
        for n in report.near_misses:
            out.append(f'- "{n.resume_mention.text}" (resume line {n.resume_mention.line}) ≈ '
                       f'"{n.posting_phrasing}" in the posting, similarity {n.similarity:g}')  # fmt: skip
    out += ["", "## The posting", ""] + [f"- {label}: {value}" for label, value in posting_facts(report)]
    out += ["", "## ATS checks of your resume", ""]
    out += [f"- {label}: {value}" for label, value in resume_facts(report)]
    if report.suggestions:
        out += ["", "## Suggestions", ""]
        out += [f"{i}. {s.message}" for i, s in enumerate(report.suggestions, start=1)]
    out += [
        "",
        "## How the score is computed",
        "",
        f"- {report.formula.score_expression}",
        f"- {report.formula.weight_expression}",
    ]
    if explain:
        out += ["", "| keyword | category | requirement | posting mentions | in title | weight | counted |",
                "|---|---|---|---|---|---|---|"]  # fmt: skip
        rows = [(k, True) for k in report.matched] + [(k, False) for k in report.missing]
        for k, counted in sorted(rows, key=lambda row: -row[0].weight):
            out.append(f"| {_cell(k.name)} | {CATEGORY_LABEL[k.category]} | {k.requirement} | "
                       f"{len(k.posting_mentions)} | {'yes' if k.in_title else 'no'} | {k.weight:g} | "
                       f"{'yes' if counted else 'no'} |")  # fmt: skip
    return "\n".join(map(printable, out)) + "\n"


def extraction(extraction: Extraction, *, outside_body: Mapping[str, str] | None = None) -> str:
    outside = outside_body or {}
    out = [f"# atsmatch: {extraction.source or 'text'}", ""]
    out += ["| keyword | category | mentions | as written | where |", "|---|---|---|---|---|"]
    for k in extraction.keywords:
        if k.name not in outside:
            out.append(f"| {_cell(k.name)} | {CATEGORY_LABEL[k.category]} | {k.count} | "
                       f"{_cell(phrasings(k.mentions, 3))} | {where(k.mentions, 5)} |")  # fmt: skip
    if outside:
        out += ["", "## Only outside the posting's body (not scored)", ""]
        out += [f"- {_cell(k.name)} ({where(k.mentions, 5)}): {outside[k.name]}" for k in extraction.keywords
                if k.name in outside]  # fmt: skip
    return "\n".join(map(printable, out)) + "\n"


def ranking(ranking: Ranking) -> str:
    out = [f"# atsmatch: resumes against {ranking.posting.source or 'the posting'}", ""]
    out += [
        "| # | resume | score | matched | missing | most important missing |",
        "|---|---|---|---|---|---|",
    ]
    for rank, row in enumerate(ranking.results, start=1):
        if row.error:
            out.append(f"| - | {_cell(row.source)} | error | | | {_cell(row.error)} |")
        else:
            out.append(f"| {rank} | {_cell(row.source)} | {row.score:g} | {row.matched_count} | "
                       f"{row.missing_count} | {_cell(', '.join(row.top_missing))} |")  # fmt: skip
    return "\n".join(map(printable, out)) + "\n"
