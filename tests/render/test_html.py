"""The HTML report as written: every keyword marked where it stands, all document text escaped,
nothing fetched, every in-page link landing somewhere. (tests/render/test_html_browser.py checks the
same pages in a real browser.)"""

from __future__ import annotations

import base64
import hashlib
import re
from types import SimpleNamespace

import pytest

from atsmatch import IgnoredLines, read_document
from atsmatch.extraction.names import written_name
from atsmatch.readers import document_from_text
from atsmatch.render import render_ranking_html, render_report, render_report_html
from atsmatch.render.html import BatchEntry, render_batch_html
from atsmatch.render.html.marks import IgnoredRange, ignored_names, ignored_ranges
from atsmatch.render.html.parts import field

from ..conftest import DATA
from .dom import Element, parse

# Each payload must come out of the page as the very characters it went in as.
HOSTILE = [
    ("script tag", "<script>document.documentElement.setAttribute('data-pwned', 'script')</script>"),
    (
        "attribute break-out",
        "\"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned', 'img')\">",
    ),
    ("closing our markup", "</span></div></main><script>document.title='pwned'</script>"),
    ("already escaped", "&lt;b&gt;bold&lt;/b&gt; &amp; co"),
    ("javascript url", '<a href="javascript:alert(1)">click</a>'),
    ("style injection", "<style>body{display:none}</style>"),
]


def _visible(element: Element) -> str:
    """An element's document text, without the marks' screen-reader labels and icons."""
    return "".join(
        c if isinstance(c, str) else _visible(c)
        for c in element.children
        if isinstance(c, str) or not c.classes & {"sr", "ic", "n"}
    )


@pytest.fixture(scope="module")
def documents(mini_analyzer):
    resume = mini_analyzer.extract(read_document(DATA / "resume.txt", name="resume.txt"))
    posting = mini_analyzer.extract(read_document(DATA / "posting.txt", name="posting.txt"))
    return resume, posting


@pytest.fixture(scope="module")
def scored(mini_analyzer, documents):
    resume, posting = documents
    report = mini_analyzer.score(resume, posting)
    return report, parse(report.to_html(resume=resume, posting=posting))


def _pane(dom: Element, side: str) -> Element:
    heading = dom.by_id(f"h-{side}")
    return next(
        s for s in dom.find_all("section", cls="doc") if s.attrs["aria-labelledby"] == heading.attrs["id"]
    )


def test_every_posting_keyword_is_marked_in_both_documents(scored, documents):
    report, dom = scored
    resume, posting = documents
    posting_pane, resume_pane = _pane(dom, "posting"), _pane(dom, "resume")
    assert report.matched and report.missing  # the case exercises both
    for keyword in report.matched:
        expected = "matched" if keyword.same_phrasing else "reworded"
        for pane, mentions, text in (
            (posting_pane, keyword.posting_mentions, posting.text),
            (resume_pane, keyword.resume_mentions, resume.text),
        ):
            marks = [m for m in pane.find_all(cls="kw") if expected in m.classes and m.attrs.get("data-k")]
            shown = {_visible(m) for m in marks}
            assert {text[m.start : m.end] for m in mentions} <= shown, keyword.name
    near = {n.name for n in report.near_misses}
    for keyword in report.missing:
        status = "near" if keyword.name in near else "missing"
        shown = {_visible(m) for m in posting_pane.find_all(cls=status)}
        assert {m.text for m in keyword.posting_mentions} <= shown, keyword.name


def test_a_keyword_shares_one_key_across_documents_and_links_across(scored):
    report, dom = scored
    keyword = report.matched[0]
    marks = dom.find_all(cls="kw")
    key = next(m.attrs["data-k"] for m in marks if _visible(m) == keyword.posting_mentions[0].text)
    same = [m for m in marks if m.attrs.get("data-k") == key]
    assert {"h-posting", "h-resume"} <= {
        s.attrs["aria-labelledby"]
        for s in dom.find_all("section", cls="doc")
        if any(m in list(s.iter()) for m in same)
    }
    posting_first = dom.by_id(f"p-{key}-0")
    assert posting_first is not None and posting_first.attrs["href"] == f"#r-{key}-0"
    css = dom.find_all("style")[0].text
    assert f"#docs:has(.{key}:hover) .{key}" in css and f"#docs:has(.{key}:target) .{key}" in css


def test_a_match_in_another_word_form_says_so(scored, documents):
    """Where the matcher records that a mention is an inflection ('leading' for 'leadership'), the
    mark says 'another word form'; the other mentions keep their status."""
    report, _ = scored
    resume, posting = documents
    keyword = next(k for k in report.matched if len(k.resume_mentions) > 1)
    inflected = keyword.resume_mentions[0].model_copy(update={"rule": "inflection"})
    changed = keyword.model_copy(update={"resume_mentions": (inflected, *keyword.resume_mentions[1:])})
    matched = tuple(changed if k.name == changed.name else k for k in report.matched)
    report = report.model_copy(update={"matched": matched})
    dom = parse(render_report_html(report, resume=resume, posting=posting))
    resume_pane = _pane(dom, "resume")
    forms = resume_pane.find_all(cls="form")
    assert [_visible(m) for m in forms] == [inflected.text]
    assert "another word form" in forms[0].attrs["title"]
    assert forms[0].find_all(cls="sr")[0].text == "matched, another word form: "
    assert len(resume_pane.find_all(cls=forms[0].attrs["data-k"])) == len(keyword.resume_mentions)


def test_near_miss_is_marked_in_the_resume_as_written(scored):
    report, dom = scored
    assert report.near_misses, "the mini case has 'Kubernets'"
    resume_pane = _pane(dom, "resume")
    for near in report.near_misses:
        assert near.resume_mention.text in {_visible(m) for m in resume_pane.find_all(cls="near")}


def test_status_is_never_colour_alone(scored):
    _, dom = scored
    statuses = {"matched", "reworded", "missing", "near", "ignored"}
    marks = [m for pane in dom.find_all(cls="text") for m in pane.find_all(cls="kw") if m.classes & statuses]
    assert marks
    for mark in marks:
        labels = [c for c in mark.children if isinstance(c, Element) and "sr" in c.classes]
        icons = [c for c in mark.children if isinstance(c, Element) and "ic" in c.classes]
        assert labels and labels[0].text.strip(), mark.attrs
        assert icons and icons[0].text.strip() and icons[0].attrs.get("aria-hidden") == "true"
        assert mark.attrs.get("title")


def test_score_formula_and_coverage_are_there(scored):
    report, dom = scored
    assert dom.by_id("score").text.split()[0] == f"{report.score:g}"
    assert dom.by_id("formula").text == field(report.formula, "score_expression", "score")
    coverage = dom.by_id("h-coverage")
    assert coverage is not None
    bars = dom.find_all("span", cls="bar")
    assert len(bars) == 1 + len(report.coverage)  # the score's and one per category


def test_every_line_is_numbered_and_text_kept(scored, documents):
    _, dom = scored
    resume, posting = documents
    for side, document in (("p", posting), ("r", resume)):
        lines = document.text.split("\n")
        for number in (1, len(lines)):
            element = dom.by_id(f"{side}-L{number}")
            assert _visible(element).strip() == lines[number - 1].strip()


def test_every_in_page_link_lands_and_every_id_is_unique(scored):
    _, dom = scored
    ids = [el.attrs["id"] for el in dom.iter() if "id" in el.attrs]
    assert len(ids) == len(set(ids))
    targets = {el.attrs["href"][1:] for el in dom.find_all("a") if el.attrs.get("href", "").startswith("#")}
    assert targets and targets <= set(ids)


def test_self_contained_nothing_fetched(scored):
    report, _ = scored
    page = render_report(report, "html")
    dom = parse(page)
    assert not dom.find_all("link") and not dom.find_all("img") and not dom.find_all("iframe")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)
    assert "@import" not in page and "url(" not in page
    policy = dom.find_all("meta", http_equiv="Content-Security-Policy")[0].attrs["content"]
    assert "default-src 'none'" in policy
    (script,) = dom.find_all("script")
    digest = base64.b64encode(hashlib.sha256(script.text.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in policy  # our own script is allowed by hash; nothing else is
    assert dom.find_all("html")[0].attrs["lang"] == "en"
    assert dom.find_all("meta", name="viewport")


@pytest.mark.parametrize("where", ["resume", "posting", "file name"])
@pytest.mark.parametrize(("why", "payload"), HOSTILE, ids=[h[0] for h in HOSTILE])
def test_document_text_is_escaped(mini_analyzer, where, why, payload):
    resume_text = (DATA / "resume.txt").read_text()
    posting_text = (DATA / "posting.txt").read_text()
    name = None
    if where == "resume":
        resume_text += f"\nPython {payload}\n"
    elif where == "posting":
        posting_text = posting_text.replace("Senior Data Engineer", f"Senior Data Engineer {payload}")
    else:
        name = f"{payload}.txt"
    resume = mini_analyzer.extract(document_from_text(resume_text, source=name))
    posting = mini_analyzer.extract(document_from_text(posting_text, source=name))
    page = mini_analyzer.score(resume, posting).to_html(resume=resume, posting=posting)
    dom = parse(page)
    assert len(dom.find_all("script")) == 1, why
    assert not dom.find_all("img") and len(dom.find_all("style")) == 1, why
    assert not any(a.attrs.get("href", "").startswith("javascript:") for a in dom.find_all("a")), why
    shown = "".join(_visible(pane) for pane in dom.find_all(cls="text")) + dom.find_all("h1")[0].text
    assert payload in shown, why  # shown, as the very characters written


def test_without_documents_the_page_says_how_to_get_them(scored):
    report, _ = scored
    dom = parse(render_report_html(report))
    assert not dom.find_all(cls="doc")
    assert "report.to_html(resume=..., posting=...)" in dom.text
    assert dom.by_id("formula").text == field(report.formula, "score_expression", "score")


@pytest.mark.parametrize(
    ("recorded", "expected"),
    [
        # the posting reader's own ranges, with their short label
        ([IgnoredLines(start_line=1, end_line=3, reason="navigation")], [IgnoredRange(1, 3, "site navigation")]),
        ([IgnoredLines(start_line=1, end_line=3, reason="before_title"),
          IgnoredLines(start_line=20, end_line=20, reason="legal")],
         [IgnoredRange(1, 3, "above the job title"), IgnoredRange(20, 20, "legal text")]),
        # nothing recorded: the sections that are never scored
        ([], [IgnoredRange(9, 12, "benefits (Perks)")]),
    ],
)  # fmt: skip
def test_ignored_ranges_recorded_else_sections(recorded, expected):
    sections = (
        SimpleNamespace(kind="required", heading="Requirements", start_line=2, end_line=8),
        SimpleNamespace(kind="benefits", heading="Perks", start_line=9, end_line=12),
    )
    analysis = SimpleNamespace(sections=sections, ignored_lines=tuple(recorded))
    assert list(ignored_ranges(SimpleNamespace(posting_analysis=analysis))) == expected


def test_ignored_ranges_from_the_posting_structure(mini_analyzer):
    from atsmatch.render.common import IGNORED_REASON_LABEL

    posting = mini_analyzer.extract(DATA / "postings" / "board_page.txt")
    assert posting.structure is not None and posting.structure.ignored
    report = SimpleNamespace(posting_analysis=SimpleNamespace(sections=(), ignored_lines=()))
    assert ignored_ranges(report, posting) == tuple(
        IgnoredRange(r.start_line, r.end_line, IGNORED_REASON_LABEL[r.reason])
        for r in posting.structure.ignored
    )
    assert ignored_ranges(report, posting.text) == ()  # plain text carries no structure


def test_ignored_lines_are_dimmed_with_their_reason(full_analyzer):
    from ..conftest import EXAMPLES

    resume = full_analyzer.extract(EXAMPLES / "resume.pdf")
    posting = full_analyzer.extract(EXAMPLES / "posting.txt")
    report = full_analyzer.score(resume, posting)
    dom = parse(report.to_html(resume=resume, posting=posting))
    ranges = ignored_ranges(report, posting)  # the ranges the page shows: the structure's, when carried
    assert ranges
    for r in ranges:
        assert "ign" in dom.by_id(f"p-L{r.start_line}").classes
        assert r.reason in dom.by_id("posting-read").text
    assert "ign" not in dom.by_id(f"p-L{report.posting_analysis.title_line}").classes
    # Keywords the lexicon lacks are named as written, normalised ("cookie settings" → "cookie setting").
    shown = {written_name(_visible(m)).casefold() for m in dom.find_all(cls="ignored")}
    for name in ignored_names(report):
        assert written_name(name).casefold() in shown


def test_ranking_page_rows_open_into_reports(mini_analyzer, documents, tmp_path):
    resume, posting = documents
    good = tmp_path / "resume.txt"
    good.write_text(resume.text, encoding="utf-8")
    bad = tmp_path / "<img src=x onerror=alert(1)>.pdf"  # never written: its row is an error
    ranking = mini_analyzer.rank([good, bad], posting)
    report = mini_analyzer.score(good, posting)
    page = render_ranking_html(ranking, {str(good): report}, {str(good): resume}, posting)
    dom = parse(page)
    rows = dom.find_all("table", cls="ranking")[0].find_all("tr")[1:]
    assert len(rows) == 2
    assert rows[0].find_all("a")[0].attrs["href"] == "#b1-report"
    assert dom.by_id("b1-report") in dom.find_all("details")[0].iter()
    assert len(dom.find_all("details")) == 1  # the failed row has no report
    assert not dom.find_all("img") and str(bad) in rows[1].text
    ids = [el.attrs["id"] for el in dom.iter() if "id" in el.attrs]
    assert len(ids) == len(set(ids))


def test_batch_page_of_several_postings_has_a_posting_column(mini_analyzer, documents):
    resume, posting = documents
    report = mini_analyzer.score(resume, posting)
    entries = [
        BatchEntry.from_report(report, resume=resume, posting=posting),
        BatchEntry(resume="resume.txt", posting="other.txt", score=None, error="unreadable"),
    ]
    dom = parse(render_batch_html(entries, title="two postings"))
    headers = [th.text for th in dom.find_all("th")[:3]]
    assert headers == ["#", "resume", "posting"]
    ids = [el.attrs["id"] for el in dom.iter() if "id" in el.attrs]
    assert len(ids) == len(set(ids))
    targets = {el.attrs["href"][1:] for el in dom.find_all("a") if el.attrs.get("href", "").startswith("#")}
    assert targets <= set(ids)


def _heading_levels(dom: Element) -> list[int]:
    return [int(el.tag[1]) for el in dom.iter() if re.fullmatch(r"h[1-6]", el.tag)]


def test_headings_never_skip_a_level(scored, documents, mini_analyzer):
    report, dom = scored
    resume, posting = documents
    batch = parse(render_batch_html([BatchEntry.from_report(report, resume=resume, posting=posting)] * 2))
    for page in (dom, batch):
        levels = _heading_levels(page)
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(
    ("text", "background"),
    [("--ink", "#ffffff"), ("--muted", "#ffffff"), ("--muted", "--panel"), ("--focus", "#ffffff"),
     ("--ink", "--ok-bg"), ("--ok", "--ok-bg"), ("--ink", "--bad-bg"), ("--bad", "--bad-bg"),
     ("--ink", "--near-bg"), ("--near", "--near-bg"), ("--ink", "--alt-bg"), ("--alt", "--alt-bg")],
)  # fmt: skip
def test_text_colours_have_aa_contrast(text, background):
    """WCAG AA (4.5:1) for every text colour on the backgrounds it is used on."""
    from importlib.resources import files

    css = files("atsmatch.render.html").joinpath("report.css").read_text(encoding="utf-8")
    colours = dict(re.findall(r"(--[a-z-]+):\s*(#[0-9a-f]{6})", css))
    pick = lambda name: colours[name] if name.startswith("--") else name  # noqa: E731
    assert _contrast(pick(text), pick(background)) >= 4.5


def test_batch_entry_from_a_batch_row():
    row = SimpleNamespace(resume="a.pdf", posting="p.txt", score=None, matched=0, missing=0, top_missing=(),
                          error=SimpleNamespace(kind="InputError", message="a.pdf: encrypted"))  # fmt: skip
    entry = BatchEntry.from_row(row)
    assert (entry.resume, entry.posting, entry.error) == ("a.pdf", "p.txt", "a.pdf: encrypted")
    renamed = SimpleNamespace(
        source="b.pdf", score=50.0, matched_count=3, missing_count=2, top_missing=["Go"]
    )
    entry = BatchEntry.from_row(renamed)
    assert (entry.resume, entry.matched, entry.missing, entry.error) == ("b.pdf", 3, 2, None)
