"""The HTML report in a real browser (headless Chromium): what the DOM holds after the page ran, that
no document text ran as script, that nothing scrolls sideways at 375 px, and screenshots at 375 and
1440 px for a person to look at (saved to $ATSMATCH_SCREENSHOTS, else a temporary folder).

Skipped when no Chromium is installed; .ci/run installs Debian's.
"""

from __future__ import annotations

import os
from html import escape as html_escape
from pathlib import Path

import pytest

from atsmatch.models import RankedResume, Ranking
from atsmatch.readers import document_from_text
from atsmatch.render import render_ranking_html

from ..conftest import DATA, EXAMPLES
from .browser import dump_dom, find_chromium, png_size, print_to_pdf, screenshot
from .dom import parse
from .test_html import HOSTILE, _visible

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed (apt-get install chromium)")

PWNED = "data-pwned"
# Tells the test the page's own script ran, so "no injected script ran" means something.
SCRIPT_RAN = "js"


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


def test_example_report_in_the_browser(example):
    report, page = example
    dom = parse(dump_dom(CHROMIUM, page))
    assert SCRIPT_RAN in dom.find_all("html")[0].classes
    assert dom.by_id("score").text.split()[0] == f"{report.score:g}"
    assert dom.by_id("formula").text == report.formula.score
    panes = {s.attrs["aria-labelledby"]: s for s in dom.find_all("section", cls="doc")}
    for keyword in report.matched:
        status = "matched" if keyword.same_phrasing else "reworded"
        for pane, mentions in (
            ("h-posting", keyword.posting_mentions),
            ("h-resume", keyword.resume_mentions),
        ):
            shown = {_visible(m) for m in panes[pane].find_all(cls=status)}
            assert {m.text for m in mentions} <= shown, (keyword.name, pane)
    for keyword in report.missing:
        shown = {
            _visible(m) for m in panes["h-posting"].find_all(cls="kw") if m.classes & {"missing", "near"}
        }
        assert {m.text for m in keyword.posting_mentions} <= shown, keyword.name
    # The script made the tables sortable: a button in every header of the missing table.
    assert all(th.find_all("button") for th in dom.find_all("table", cls="sortable")[0].find_all("th"))


def test_no_document_text_runs_as_script(mini_analyzer, tmp_path):
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
    dom = parse(dump_dom(CHROMIUM, page))
    root = dom.find_all("html")[0]
    assert SCRIPT_RAN in root.classes and PWNED not in root.attrs
    assert dom.find_all("title")[0].text == parse(page.read_text()).find_all("title")[0].text
    assert len(dom.find_all("script")) == 1 and not dom.find_all("img")
    shown = "".join(_visible(pane) for pane in dom.find_all(cls="text"))
    for why, payload in HOSTILE:
        assert payload in shown, why


def test_the_page_policy_blocks_a_script_that_slipped_through(example, tmp_path):
    """Defence in depth: were escaping ever broken, the page's policy would still not run the script."""
    _, page = example
    broken = tmp_path / "broken.html"
    injected = f"<script>document.documentElement.setAttribute('{PWNED}', '1')</script>"
    broken.write_text(page.read_text().replace('<main id="main">', f'<main id="main">{injected}'))
    root = parse(dump_dom(CHROMIUM, broken)).find_all("html")[0]
    assert SCRIPT_RAN in root.classes and PWNED not in root.attrs


@pytest.mark.parametrize("width", [375, 1440])
def test_nothing_scrolls_sideways(example, tmp_path, width):
    """At a phone's width and a desktop's, the page is no wider than its window: long tables and
    lines wrap or scroll inside their own box."""
    _, page = example
    # Headless windows are never narrower than 500 px, so the report is laid out in a frame of the
    # width under test, and measured by the page around it (a srcdoc frame shares its origin).
    frame = html_escape(page.read_text(), quote=True)
    measure = (
        "<script>document.getElementById('f').addEventListener('load', function () {"
        " var d = this.contentDocument.documentElement;"
        " document.documentElement.setAttribute('data-widths', d.scrollWidth + ' ' + d.clientWidth); });</script>"
    )
    outer = tmp_path / "frame.html"
    outer.write_text(f'<!doctype html><html><body style="margin:0"><iframe id="f" width="{width}" height="900" '
                     f'style="border:0" srcdoc="{frame}"></iframe>{measure}</body></html>')  # fmt: skip
    root = parse(dump_dom(CHROMIUM, outer, "--window-size=1600,1000", "--virtual-time-budget=5000"))
    scroll_width, client_width = map(int, root.find_all("html")[0].attrs["data-widths"].split())
    assert client_width <= width and scroll_width <= client_width


def test_prints_whole(example, shots):
    """Printed, both documents come out whole (their scrolling boxes open up) with every section."""
    from pypdf import PdfReader

    report, page = example
    pdf = print_to_pdf(CHROMIUM, page, shots / "report.pdf")
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
def test_screenshots(example, mini_analyzer, shots, width):
    report, page = example
    out = screenshot(CHROMIUM, page, shots / f"report-{width}.png", width, 2400)
    assert png_size(out) == (width, 2400)
    ranking = Ranking(
        posting=report.posting,
        results=(
            RankedResume(source="examples/resume.pdf", score=report.score, matched=len(report.matched),
                         missing=len(report.missing), top_missing=tuple(k.name for k in report.missing[:5])),
            RankedResume(source="missing.pdf", score=None, error="missing.pdf: no such file. Check the path."),
        ),
    )  # fmt: skip
    batch = page.with_name("ranking.html")
    batch.write_text(render_ranking_html(ranking, {"examples/resume.pdf": report}), encoding="utf-8")
    out = screenshot(CHROMIUM, batch, shots / f"ranking-{width}.png", width, 900)
    assert png_size(out) == (width, 900)
