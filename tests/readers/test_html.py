"""HTML pages: chrome dropped, blocks as lines, JSON-LD JobPosting first; hostile pages bounded."""

from __future__ import annotations

import pytest

from atsmatch.errors import AtsmatchError, InputError
from atsmatch.readers import read_document
from atsmatch.readers.html import html_encoding, html_to_text, read_html

from ..conftest import DATA

PAGE = DATA / "postings" / "board_page.html"


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<nav><a>Jobs</a><a>Companies</a></nav><p>Build APIs in Go.</p>", "Build APIs in Go."),
        ("<div><a>Jobs</a><a>Companies</a><a>Salaries</a></div>", "Jobs Companies Salaries"),  # never glued
        ("<p>Python</p><p>SQL</p>", "Python\n\nSQL"),
        ("<ul><li>Python</li><li>SQL</li></ul>", "• Python\n• SQL"),
        ("<p>one<br>two</p>", "one\ntwo"),
        ("<table><tr><td>Python</td><td>5 years</td></tr></table>", "Python | 5 years"),
        ("<header>Boardly</header><main><header><h1>Data Engineer</h1></header></main>", "Data Engineer"),
        ("<aside>Similar jobs</aside><footer>© 2026</footer><p>Kept</p>", "Kept"),
        ('<div hidden>Scala</div><div aria-hidden="true">Java</div><div style="display: none">Go</div><p>Kept</p>', "Kept"),
        ('<div id="cookie-banner"><p>We use cookies</p></div><p>Kept</p>', "Kept"),
        ('<form><input><button>Search</button>Search jobs</form><p>Kept</p>', "Kept"),
        ("<script>var python = 1;</script><style>.sql {}</style><p>Kept</p>", "Kept"),
        ("<p>Line\nwrapped in the source</p>", "Line wrapped in the source"),
        ("", ""), ("<!-- only a comment -->", ""),
        ("<title>Jobs</title><script>x</script><main><p>Python</p></main>", "Python"),  # no <body>: kept
    ],
)  # fmt: skip
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_saved_job_board_page_reads_its_json_ld_first():
    page = read_html(PAGE.read_text(encoding="utf-8"))
    data = page.posting_data
    assert data is not None and data.description_is_text
    assert (data.title, data.company, page.headline) == (
        "Senior Data Engineer",
        "Northwind Data",
        "Senior Data Engineer",
    )
    assert data.education_requirements == ("bachelor degree",)
    assert data.experience_requirements == ("60 months",)
    assert data.employment_type == ("FULL_TIME",)
    assert data.skills == ("Apache Spark, Apache Kafka, Python, SQL",)
    lines = page.text.split("\n")
    assert lines[0] == "Senior Data Engineer"
    assert "Requirements" in lines and "• Strong Python and SQL" in lines
    for chrome in ("cookies", "Sign in", "Similar jobs", "Google Play", "employees", "Scala", "Salesforce"):
        assert chrome not in page.text


def test_page_text_is_kept_when_the_description_is_a_teaser():
    html = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "JobPosting",'
        ' "title": "Go Developer", "description": "Join us!"}]}</script>'
        "<h1>Go Developer</h1><h2>Requirements</h2><ul><li>3+ years of Go</li><li>Kubernetes and PostgreSQL</li></ul>"
        + "<p>You will build the services that route our parcels across Europe every day.</p>"
        * 5
    )
    page = read_html(html)
    assert page.posting_data.title == "Go Developer" and not page.posting_data.description_is_text
    assert "• Kubernetes and PostgreSQL" in page.text.split("\n")


@pytest.mark.parametrize(
    "script",
    [
        "{not json",
        '{"@type": "Organization", "name": "Acme"}',
        "[" * 100_000,
        '{"@type": ["JobPosting"], "title": 5}',
    ],
)
def test_odd_json_ld_never_fails_the_page(script):
    page = read_html(f'<script type="application/ld+json">{script}</script><p>Python</p>')
    assert page.text == "Python"


def test_the_document_carries_headline_and_posting_data(full_analyzer):
    document = read_document(PAGE)
    assert document.format == "html" and document.headline == "Senior Data Engineer"
    assert document.posting_data.company == "Northwind Data"
    assert document.text.startswith("Senior Data Engineer\nNorthwind Data is looking for")


@pytest.mark.parametrize(
    ("declared", "encoding"),
    [
        (b'<meta charset="punycode">', None), (b'<meta charset="idna">', None), (b'<meta charset="x-no-such">', None),
        (b"<meta charset=rot13>", None), (b'<meta charset="windows-1252">', "cp1252"),
        (b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">', "iso8859-1"), (b"<p>none</p>", None),
    ],
)  # fmt: skip
def test_declared_charsets(declared, encoding):
    assert html_encoding(declared) == encoding


@pytest.mark.parametrize(
    "data",
    [
        b"<html>" + b"<" * 5_000_000,  # must not hang; over the text limit
        b'<html><head><meta charset="punycode"></head><body><p>caf\xc3\xa9 Python</p></body></html>',
        b'<html><head><meta charset="x-unknown-charset"></head><body><p>Python</p></body></html>',
        b"<html><body>"
        + b"<div>" * 100_000
        + b"Python"
        + b"</div>" * 100_000
        + b"</body></html>",  # deep nesting
        b"<html><body>" + b"<p>Python and SQL</p>" * 200_000 + b"</body></html>",  # huge: over the text limit
    ],
    ids=["5MB of <", "punycode charset", "unknown charset", "deep nesting", "huge"],
)
def test_hostile_pages_give_text_or_one_atsmatch_error(mini_analyzer, data):
    try:
        extraction = mini_analyzer.extract(data)  # read, structure and match: the API path
    except AtsmatchError as error:
        assert str(error)
    else:
        assert extraction.format == "html"
        if b"caf" in data:
            assert "café Python" in extraction.text
            assert [k.name for k in extraction.keywords] == ["Python"]


@pytest.mark.parametrize("depth", [200, 2_000, 2_048, 100_000])
def test_a_page_past_the_parsers_depth_is_refused_not_read_in_part(depth):
    """A sloppy page of never-closed tags nests deep: read whole up to libxml2's 2,048 levels
    (its default stop, 256, lost such pages); past them it would drop the rest of the page (the
    SQL after the deep part too), so the page is one clear error."""
    page = "<html><body>" + "<div>" * depth + "<p>Python</p>" + "</div>" * depth + "<p>SQL</p></body></html>"
    if depth <= 2_000:  # with the page's own html, body and p: under 2,048
        text = read_document(page.encode(), name="deep.html").text
        assert "Python" in text and "SQL" in text
        return
    with pytest.raises(
        InputError, match=r"deep\.html: is an HTML page the parser cannot read whole \(Excessive depth"
    ):
        read_document(page.encode(), name="deep.html")
    assert html_to_text(page) == ""  # a JSON-LD description that deep gives way to the page's text


def test_json_ld_fields_the_description_leaves_out_are_added_under_headings():
    description = "<p>" + "You will build the routing services of our parcel network every day. " * 6 + "</p>"
    html = (
        '<script type="application/ld+json">{"@type": "JobPosting", "title": "Go Developer",'
        f' "description": "{description}", "skills": ["Go", "PostgreSQL"],'
        ' "qualifications": "3+ years of backend development", "educationRequirements": "routing"}</script>'
        "<header><h1>Boardly</h1></header><main><h1>Go Developer</h1></main>"
    )
    page = read_html(html)
    lines = page.text.split("\n")
    assert lines[0] == "Go Developer" and page.headline == "Go Developer"
    assert lines[-6:] == [
        "Skills",
        "• Go",
        "• PostgreSQL",
        "",
        "Qualifications",
        "• 3+ years of backend development",
    ]
    assert "Education" not in lines  # "routing" is already in the description
