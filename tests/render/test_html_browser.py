"""The HTML report in a real browser (headless Chromium): what the DOM holds after the page ran, that
no document text ran as script, that nothing scrolls sideways at 375 px, and screenshots at 375 and
1440 px for a person to look at (saved to $ATSMATCH_SCREENSHOTS, else a temporary folder).

Skipped when no Chromium or no Playwright is installed; .ci/run installs Debian's Chromium, and the
test extras Playwright (which drives it; no browser download).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from atsmatch.readers import document_from_text
from atsmatch.render import render_ranking_html
from atsmatch.render.html.parts import field

from ..conftest import DATA, EXAMPLES
from .browser import dump_dom, find_chromium, launch, png_size, print_to_pdf, run_script, screenshot
from .dom import parse
from .test_html import HOSTILE, _visible

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")

PWNED = "data-pwned"
# Tells the test the page's own script ran, so "no injected script ran" means something.
SCRIPT_RAN = "js"


@pytest.fixture(scope="module")
def browser():
    pytest.importorskip(
        "playwright.sync_api", reason="Playwright drives the browser (pip install -e '.[test]')"
    )
    with launch(CHROMIUM) as running:
        yield running


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = os.environ.get("ATSMATCH_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="module")
def example(full_analyzer, tmp_path_factory):
    resume = full_analyzer.extract(EXAMPLES / "resume.pdf")
    posting = full_analyzer.extract(EXAMPLES / "posting.txt")
    report = full_analyzer.score(resume, posting)
    page = tmp_path_factory.mktemp("html") / "report.html"
    page.write_text(report.to_html(resume=resume, posting=posting), encoding="utf-8")
    return report, page


def test_example_report_in_the_browser(browser, example):
    report, page = example
    dom = parse(dump_dom(browser, page))
    assert SCRIPT_RAN in dom.find_all("html")[0].classes
    assert dom.by_id("score").text.split()[0] == f"{report.score:g}"
    assert dom.by_id("formula").text == field(report.formula, "score_expression", "score")
    panes = {s.attrs["aria-labelledby"]: s for s in dom.find_all("section", cls="doc")}
    for keyword in report.matched:
        status = "matched" if keyword.same_phrasing else "reworded"
        for pane, mentions in (
            ("h-posting", keyword.posting_mentions),
            ("h-resume", keyword.resume_mentions),
        ):
            # A word form ("Mentored" for Mentoring, issue 9) is marked "form" whatever the phrasing.
            shown = {_visible(m) for cls in (status, "form") for m in panes[pane].find_all(cls=cls)}
            assert {m.text for m in mentions} <= shown, (keyword.name, pane)
    for keyword in report.missing:
        shown = {
            _visible(m) for m in panes["h-posting"].find_all(cls="kw") if m.classes & {"missing", "near"}
        }
        assert {m.text for m in keyword.posting_mentions} <= shown, keyword.name
    # The script made the tables sortable: a button in every header of the missing table.
    assert all(th.find_all("button") for th in dom.find_all("table", cls="sortable")[0].find_all("th"))


def test_no_document_text_runs_as_script(browser, mini_analyzer, tmp_path):
    payloads = "\n".join(payload for _, payload in HOSTILE)
    resume_text = (DATA / "resume.txt").read_text() + "\n" + payloads + "\n"
    posting_text = (
        (DATA / "posting.txt").read_text().replace("Senior Data Engineer", "Senior Data Engineer " + payloads)
    )
    name = HOSTILE[1][1] + ".txt"
    resume = mini_analyzer.extract(document_from_text(resume_text, source=name))
    posting = mini_analyzer.extract(document_from_text(posting_text, source=name))
    page = tmp_path / "hostile.html"
    page.write_text(
        mini_analyzer.score(resume, posting).to_html(resume=resume, posting=posting), encoding="utf-8"
    )
    dom = parse(dump_dom(browser, page))
    root = dom.find_all("html")[0]
    assert SCRIPT_RAN in root.classes and PWNED not in root.attrs
    assert dom.find_all("title")[0].text == parse(page.read_text()).find_all("title")[0].text
    assert len(dom.find_all("script")) == 1 and not dom.find_all("img")
    shown = "".join(_visible(pane) for pane in dom.find_all(cls="text"))
    for why, payload in HOSTILE:
        assert payload in shown, why


def test_the_page_policy_blocks_a_script_that_slipped_through(browser, example, tmp_path):
    """Defence in depth: were escaping ever broken, the page's policy would still not run the script."""
    _, page = example
    broken = tmp_path / "broken.html"
    injected = f"<script>document.documentElement.setAttribute('{PWNED}', '1')</script>"
    broken.write_text(page.read_text().replace('<main id="main">', f'<main id="main">{injected}'))
    root = parse(dump_dom(browser, broken)).find_all("html")[0]
    assert SCRIPT_RAN in root.classes and PWNED not in root.attrs


@pytest.mark.parametrize("width", [375, 1440])
def test_nothing_scrolls_sideways(browser, example, tmp_path, width):
    """At a phone's width and a desktop's, the page is no wider than its window: long tables and
    lines wrap or scroll inside their own box."""
    _, page = example
    script = "var r = d.documentElement; return r.scrollWidth + ' ' + r.clientWidth;"
    scroll_width, client_width = map(int, run_script(browser, page, script, width).split())
    assert client_width <= width and scroll_width <= client_width


def test_landing_on_a_keyword_lights_it_up_in_both_documents(browser, example, tmp_path):
    """A click on a keyword (a link to its mention in the other document) outlines every mention of
    that keyword, in both documents, and no other keyword: CSS only (:target), no script."""
    report, page = example
    dom = parse(page.read_text())
    keyword = next(k for k in report.matched if k.posting_mentions and k.resume_mentions)
    key = next(
        m.attrs["data-k"]
        for m in dom.find_all(cls="matched")
        if _visible(m) == keyword.posting_mentions[0].text
    )
    script = (
        f"d.defaultView.location.hash = 'r-{key}-0';"
        " var style = function (m) { return d.defaultView.getComputedStyle(m).outlineStyle; };"
        f" var lit = Array.prototype.map.call(d.querySelectorAll('#docs .{key}'), style);"
        f" var others = Array.prototype.map.call(d.querySelectorAll('#docs .kw:not(.{key})'), style);"
        " return JSON.stringify([lit, others]);"
    )
    lit, others = json.loads(run_script(browser, page, script))
    assert len(lit) == len(keyword.posting_mentions) + len(keyword.resume_mentions)
    assert set(lit) == {"solid"} and set(others) == {"none"}


def test_unticking_a_status_takes_its_highlights_off(browser, example, tmp_path):
    _, page = example
    script = (
        " var background = function (m) { return d.defaultView.getComputedStyle(m).backgroundColor; };"
        " var before = background(d.querySelector('.text .kw.missing'));"
        " var box = d.querySelector('.legend input.f-missing'); box.checked = false;"
        " var after = background(d.querySelector('.text .kw.missing'));"
        " var matched = background(d.querySelector('.text .kw.matched'));"
        " return JSON.stringify([before, after, matched]);"
    )
    before, after, matched = json.loads(run_script(browser, page, script))
    assert before != "rgba(0, 0, 0, 0)" and after == "rgba(0, 0, 0, 0)" and matched != "rgba(0, 0, 0, 0)"


def test_the_ranking_sorts_by_a_column(browser, full_analyzer, tmp_path):
    """The script turns each header into a button; a click sorts the rows by that column, numbers
    as numbers, and a second click reverses them."""
    posting = full_analyzer.extract(EXAMPLES / "posting.txt")
    weak = tmp_path / "weak.txt"
    weak.write_text("Sam Doe\nsam@example.com\n\nSkills\nPython, Docker, SQL\n", encoding="utf-8")
    ranking = full_analyzer.rank([EXAMPLES / "resume.pdf", weak, tmp_path / "missing.pdf"], posting)
    page = tmp_path / "ranking.html"
    page.write_text(render_ranking_html(ranking), encoding="utf-8")
    script = (
        " var scores = function () { return Array.prototype.map.call("
        "   d.querySelectorAll('table.ranking tbody tr'), function (r) { return r.cells[2].textContent; }); };"
        " var button = d.querySelectorAll('table.ranking th button')[2];"
        " var before = scores(); button.click(); var up = scores(); button.click();"
        " return JSON.stringify([before, up, scores()]);"
    )
    before, up, down = json.loads(run_script(browser, page, script))
    assert before[-1] == "error" and float(before[0]) > float(before[1])  # best first, as written
    assert up == ["error", before[1], before[0]]
    assert down == [before[0], before[1], "error"]


def test_prints_whole(browser, example, shots):
    """Printed, both documents come out whole (their scrolling boxes open up) with every section."""
    from pypdf import PdfReader

    report, page = example
    pdf = print_to_pdf(browser, page, shots / "report.pdf")
    printed = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert f"{report.score:g} / 100" in printed
    for heading in ("How the score is computed", "Missing keywords", "ATS checks of your resume",
                    "How the posting was read"):  # fmt: skip
        assert heading in printed
    # The last lines of both documents: beyond the on-screen box's height, so only there if print
    # lets the box grow.
    for line in ("Cookie settings", "Specialty"):
        assert line in printed, line


@pytest.mark.parametrize("width", [375, 1440])
def test_screenshots(browser, example, full_analyzer, shots, width):
    report, page = example
    out = screenshot(browser, page, shots / f"report-{width}.png", width, 2400)
    assert png_size(out) == (width, 2400)
    posting = full_analyzer.extract(EXAMPLES / "posting.txt")
    resumes = [EXAMPLES / "resume.pdf", EXAMPLES / "resume.docx", page.with_name("missing.pdf")]
    ranking = full_analyzer.rank(resumes, posting)
    documents = {str(path): full_analyzer.extract(path) for path in resumes[:2]}
    reports = {source: full_analyzer.score(document, posting) for source, document in documents.items()}
    batch = page.with_name("ranking.html")
    batch.write_text(render_ranking_html(ranking, reports, documents, posting), encoding="utf-8")
    out = screenshot(browser, batch, shots / f"ranking-{width}.png", width, 900)
    assert png_size(out) == (width, 900)
