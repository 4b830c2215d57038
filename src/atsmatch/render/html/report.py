"""One match report as an HTML fragment: score, both documents side by side, what to change."""

from __future__ import annotations

from ...models import MatchReport
from ..common import CATEGORY_LABEL, CATEGORY_PLURAL, percent
from .document import document_lines
from .facts import checks_section, posting_section
from .marks import STATUS, DocumentText, document_marks, ignored_ranges, keyword_keys, text_of
from .parts import badge, bar, e, field, line_links, section, table

__all__ = ["report_fragment"]

# Where a missing keyword of each category belongs on a resume.
WHERE_TO_ADD = {
    "hard_skill": "Skills, and an Experience bullet where you used it",
    "soft_skill": "an Experience bullet with a concrete example",
    "certification": "Certifications (or Education), with its exact name",
}


def report_fragment(
    report: MatchReport, *, resume: DocumentText = None, posting: DocumentText = None, prefix: str = ""
) -> tuple[str, str]:
    """The report as an ``<article>``, and the CSS that links each keyword's marks across documents.

    ``prefix`` keeps ids unique when several reports share a page (a batch).
    """
    keys = keyword_keys(report, prefix)
    body = [
        _summary(report, prefix),
        _documents(report, keys, resume, posting, prefix),
        _missing(report, keys, prefix),
        _near_misses(report, keys, prefix),
        _suggestions(report, prefix),
        _matched(report, keys, prefix),
        checks_section(report, prefix),
        posting_section(report, ignored_ranges(report, posting), prefix),
    ]
    return f'<article class="report" id="{prefix}report">{"".join(body)}</article>', _keyword_css(
        keys, prefix
    )


def _keyword_css(keys: dict[str, str], prefix: str) -> str:
    """Hovering, focusing or landing on (:target) one mark lights up every mark of that keyword."""
    scope = f"#{prefix}docs"
    rules = []
    for key in keys.values():
        triggers = ", ".join(f"{scope}:has(.{key}:{state}) .{key}" for state in ("hover", "focus", "target"))
        rules.append(triggers)
    if not rules:
        return ""
    return ",\n".join(rules) + " { outline: 3px solid var(--focus); outline-offset: 1px; }\n"


def _summary(report: MatchReport, prefix: str) -> str:
    resume, posting = report.resume.source or "resume", report.posting.source or "posting"
    coverage = table(
        ["category", "keywords matched", "weight matched", "coverage"],
        [
            [f"<strong>{e(CATEGORY_PLURAL[c.category])}</strong>",
             f"{field(c, 'matched_count', 'matched')} / {field(c, 'total_count', 'total')}",
             f"{c.matched_weight:g} / {c.total_weight:g}", bar(c.percent, percent(c.percent))]
            for c in report.coverage
        ],
    )  # fmt: skip
    warnings = "".join(f'<p class="warning" role="note">⚠ warning: {e(w)}</p>' for w in report.warnings)
    formula = report.formula
    return f"""<header class="summary">
<h1>atsmatch: <span class="src">{e(resume)}</span> against <span class="src">{e(posting)}</span></h1>
<div class="score-box">
<p class="score" id="{prefix}score"><span class="score-value">{report.score:g}</span>
<span class="of">/ 100</span></p>
<span class="bar" aria-hidden="true"><span style="width:{report.score:.1f}%"></span></span>
</div>
{warnings}
<section aria-labelledby="{prefix}h-formula"><h2 id="{prefix}h-formula">How the score is computed</h2>
<p class="formula" id="{prefix}formula"><code>{e(field(formula, "score_expression", "score"))}</code></p>
<p class="formula"><code>{e(field(formula, "weight_expression", "weight"))}</code></p></section>
<section aria-labelledby="{prefix}h-coverage"><h2 id="{prefix}h-coverage">Coverage</h2>
{coverage}
</section></header>"""


def _legend(prefix: str) -> str:
    """The key to the highlights; each checkbox shows or hides one status (CSS only, no script)."""
    items = "".join(
        f'<label><input type="checkbox" checked class="f-{status}" id="{prefix}f-{status}"> '
        f'<span class="kw {status}"><span class="ic" aria-hidden="true">{icon}</span> {e(label)}</span>'
        "</label>"
        for status, (icon, label) in STATUS.items()
    )
    return f'<fieldset class="legend"><legend>Highlights (untick to hide)</legend>{items}</fieldset>'


def _documents(
    report: MatchReport, keys: dict[str, str], resume: DocumentText, posting: DocumentText, prefix: str
) -> str:
    heading = f'<h2 id="{prefix}h-docs">The posting and your resume, side by side</h2>'
    posting_text, resume_text = text_of(posting), text_of(resume)
    if posting_text is None or resume_text is None:
        note = (
            '<p class="note">The documents\' text is not part of a report: pass them to see them here '
            "(<code>report.to_html(resume=..., posting=...)</code>; the command line always does).</p>"
        )
        return f'<section class="documents" aria-labelledby="{prefix}h-docs">{heading}{note}</section>'
    marks = document_marks(report, keys, resume, posting, prefix)
    ranges = ignored_ranges(report, posting)
    posting_headings = {s.start_line for s in report.posting_analysis.sections if s.heading}
    resume_headings = {s.start_line for s in report.resume_checks.sections if s.heading}
    hint = (
        '<p class="hint">Click a highlighted keyword to jump to it in the other document; hover or focus '
        "one to light up all its mentions in both.</p>"
    )
    posting_lines = document_lines(posting_text, marks.posting, f"{prefix}p", ranges, posting_headings)
    resume_lines = document_lines(resume_text, marks.resume, f"{prefix}r", (), resume_headings)
    panes = _pane(f"{prefix}h-posting", f"Posting: {report.posting.source or 'posting'}", posting_lines)
    panes += _pane(f"{prefix}h-resume", f"Resume: {report.resume.source or 'resume'}", resume_lines)
    return (
        f'<section class="documents" aria-labelledby="{prefix}h-docs">{heading}{_legend(prefix)}{hint}'
        f'<div class="pair" id="{prefix}docs">{panes}</div></section>'
    )


def _pane(anchor: str, title: str, lines: str) -> str:
    """One document; its text scrolls in its own box (focusable, so the keyboard can scroll it)."""
    return (
        f'<section class="doc" aria-labelledby="{anchor}"><h3 id="{anchor}">{e(title)}</h3>'
        f'<div class="text" tabindex="0">{lines}</div></section>'
    )


def _keyword_link(name: str, key: str, side: str) -> str:
    return f'<a href="#{side}-{key}-0" class="kw-name">{e(name)}</a>'


def _missing(report: MatchReport, keys: dict[str, str], prefix: str) -> str:
    title = f"Missing keywords, most important first ({len(report.missing)})"
    if not report.missing:
        return section(
            f"{prefix}h-missing", title, f"<p>{badge('matched', 'none: your resume has them all')}</p>"
        )
    rows = []
    for k in report.missing:
        where_to = WHERE_TO_ADD[k.category] + (
            "; and your headline (it is in the job title)" if k.in_title else ""
        )
        rows.append([
            f'<span id="{prefix}miss-{keys[k.name]}">{k.rank}</span>',
            f"{badge('missing', '')} {_keyword_link(k.name, keys[k.name], 'p')}",
            e(CATEGORY_LABEL[k.category]), e(k.requirement), f"{k.weight:g}",
            line_links(k.posting_mentions, f"{prefix}p"), e(where_to),
        ])  # fmt: skip
    headers = ["#", "keyword", "category", "requirement", "weight", "in the posting", "where to add it"]
    return section(f"{prefix}h-missing", title, table(headers, rows, sortable=True, lead=2))


def _near_misses(report: MatchReport, keys: dict[str, str], prefix: str) -> str:
    if not report.near_misses:
        return ""
    title = f"Near-misses: nearly spelt, not counted ({len(report.near_misses)})"
    rows = [
        [
            f"{badge('near', '')} {_keyword_link(n.name, keys[n.name], 'r')}",
            f"“{e(n.resume_mention.text)}”, {line_links([n.resume_mention], f'{prefix}r')}",
            f"“{e(n.posting_phrasing)}”",
            f"{n.similarity:g}%",
        ]
        for n in report.near_misses
    ]
    headers = ["keyword", "your resume writes", "the posting writes", "similarity"]
    return section(f"{prefix}h-near", title, table(headers, rows))


SUGGESTION_LABEL = {
    "fix_near_miss": "fix the spelling",
    "add_missing": "add",
    "use_posting_phrasing": "use the posting's words",
    "show_in_experience": "show it in Experience",
    "add_job_title": "job title",
    "add_contact": "contact details",
    "add_heading": "headings",
}


def _suggestions(report: MatchReport, prefix: str) -> str:
    if not report.suggestions:
        return ""
    items = "".join(
        f'<li><span class="tag">{e(SUGGESTION_LABEL.get(s.kind, s.kind.replace("_", " ")))}</span> '
        f"{e(s.message)}</li>"
        for s in report.suggestions
    )
    return section(f"{prefix}h-advice", "What to change", f'<ol class="advice">{items}</ol>')


def _matched(report: MatchReport, keys: dict[str, str], prefix: str) -> str:
    title = f"Matched keywords ({len(report.matched)})"
    rows = []
    for k in sorted(report.matched, key=lambda k: -k.weight):
        status = "matched" if k.same_phrasing else "reworded"
        rows.append([
            f"{badge(status, '')} {_keyword_link(k.name, keys[k.name], 'p')}"
            + ("" if k.same_phrasing else ' <small class="note-inline">worded differently</small>'),
            e(CATEGORY_LABEL[k.category]), e(k.requirement), f"{k.weight:g}",
            line_links(k.posting_mentions, f"{prefix}p"), line_links(k.resume_mentions, f"{prefix}r"),
        ])  # fmt: skip
    headers = ["keyword", "category", "requirement", "weight", "in the posting", "in your resume"]
    return section(f"{prefix}h-matched", title, table(headers, rows, sortable=True))
