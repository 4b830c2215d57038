"""HTML → text with line structure, read with lxml: block elements become lines, list items bullets.

Page chrome is dropped before reading (not the whole ``head``: libxml2 puts a body-less page's
content there): ``nav``, page-level ``header``/``footer``, ``aside``, forms,
scripts and styles, hidden elements (``hidden``, ``aria-hidden="true"``, inline ``display:none``)
and cookie/consent banners. A schema.org ``JobPosting`` in JSON-LD is read first: when its
description holds the posting, that description becomes the text.

Bounds (hostile pages): libxml2 parses in linear time. Its huge-tree mode is on, since sloppy pages
of never-closed tags nest far deeper than its default 256 levels; the input is already bounded by
``ReadLimits``. At the 2,048 levels it still stops at, the rest of the page would be lost silently:
such a page is refused with one error instead. The tree is walked without recursion; JSON-LD
blocks over 1 MB are skipped.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from ..errors import InputError
from ..models import JobPostingData
from .jsonld import job_posting_data

__all__ = ["HtmlPage", "html_encoding", "html_to_text", "read_html"]

_DROPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "title", "meta", "link", "iframe", "object",
     "nav", "aside", "select", "button", "input", "textarea", "dialog", "canvas", "video", "audio", "map"}
)  # fmt: skip
_PAGE_CHROME = frozenset({"header", "footer"})  # dropped unless inside the article or main content
_CONTENT = frozenset({"article", "main"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
        "header", "hr", "html", "li", "main", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "ul", "option", "label", "legend", "caption",
    }
)  # fmt: skip
_SEPARATED = frozenset({"a", "img", "td", "th"})  # never glued to a neighbour
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_BANNER = re.compile(r"cookie|consent|gdpr|onetrust|breadcrumb", re.I)  # banners, trails
_MAX_FORM_TEXT = 300  # a form with more text than this wraps the page (ASP.NET), not a search box
# Encodings a page may declare that are not text encodings for documents (punycode is for host
# names, idna too); a declaration Python doesn't know is ignored the same way.
_NOT_DOCUMENT_ENCODINGS = frozenset({"punycode", "idna", "raw_unicode_escape", "unicode_escape"})
_MIN_DESCRIPTION_WORDS = 40


@dataclass(frozen=True)
class HtmlPage:
    """What a page says: its text, its ``<h1>``, and its schema.org JobPosting if it has one."""

    text: str
    headline: str | None
    posting_data: JobPostingData | None


def html_encoding(data: bytes) -> str | None:
    """The page's declared charset if Python can decode documents with it, else None (read UTF-8).

    Rule: a ``<meta charset>`` (or ``http-equiv`` content) in the first 4 KB is honoured only when
    it names a known text encoding; an unknown or non-document one (``punycode``, ``idna``,
    ``rot13``) is ignored and the page is read as UTF-8.
    """
    match = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]{1,40})", data[:4096], re.I)
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        info = codecs.lookup(name)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_DOCUMENT_ENCODINGS:
        return None
    return info.name


def read_html(html: str, *, source: str | None = None) -> HtmlPage:
    """The page's visible text, one block per line, with its headline and JobPosting data.

    Raises:
        InputError: the page goes past libxml2's limits, which would lose part of its text.
    """
    try:
        root = _parse(html)
    except _BeyondParserLimits as exc:
        raise InputError(
            f"is an HTML page the parser cannot read whole ({exc}), past what any real page needs. "
            "Open it in a browser, copy its text into a .txt file and read that.",
            source=source,
        ) from None
    if root is None:
        return HtmlPage(text="", headline=None, posting_data=None)
    data = job_posting_data(root, html_to_text)  # before the scripts go with the chrome
    _drop_chrome(root)
    headline = _first_text(root, "h1")  # after: a logo's <h1> in the page header is not the title
    text = _text_of(root)
    if data is not None and data.description and _description_is_posting(data.description, text):
        text = _posting_text(data)
        data = data.model_copy(update={"description_is_text": True})
    return HtmlPage(text=text, headline=headline, posting_data=data)


def _posting_text(data: JobPostingData) -> str:
    """The description as the document: the title first, then fields it doesn't already say.

    Some boards put the requirements only in ``skills``, ``qualifications`` or
    ``educationRequirements``; those are added under their own headings when the description
    leaves any of their items out.
    """
    description = data.description or ""
    first_line = description.lstrip().split("\n", 1)[0]
    lead = [data.title] if data.title and data.title.casefold() != first_line.strip().casefold() else []
    folded = description.casefold()
    extra: list[str] = []
    for heading, items in (
        ("Skills", data.skills),
        ("Qualifications", data.qualifications),
        ("Education", data.education_requirements),
    ):
        parts = [part.strip() for item in items for part in item.split(",") if part.strip()]
        if parts and not all(part.casefold() in folded for part in parts):
            extra += ["", heading, *(f"• {item}" for item in items)]
    return "\n".join([*lead, description, *extra])


def html_to_text(html: str) -> str:
    """The visible text of an HTML fragment or page, one block per line; chrome left out ("" for a
    fragment past the parser's limits: a JSON-LD description then gives way to the page's text)."""
    try:
        root = _parse(html)
    except _BeyondParserLimits:
        return ""
    if root is None:
        return ""
    _drop_chrome(root)
    return _text_of(root)


class _BeyondParserLimits(Exception):
    """libxml2 stopped at a resource limit; the message is its own."""


def _parse(html: str) -> lxml.html.HtmlElement | None:
    if not html.strip():
        return None
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, huge_tree=True)
    try:
        root = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        root = None  # nothing parseable: no text, reported by the reader as an empty document
    # In recovery mode libxml2 does not raise at its limits: it stops, and the rest of the page is lost.
    limit = next((e for e in parser.error_log if e.type_name == "ERR_RESOURCE_LIMIT"), None)
    if limit is not None:
        raise _BeyondParserLimits(limit.message.split(",")[0].strip())
    return root


def _first_text(root: lxml.html.HtmlElement, tag: str) -> str | None:
    for element in root.iter(tag):
        text = " ".join(element.text_content().split())
        if text:
            return text
    return None


def _drop_chrome(root: lxml.html.HtmlElement) -> None:
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if _is_chrome(element):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()


def _is_chrome(element: lxml.html.HtmlElement) -> bool:
    tag = element.tag
    if tag in _DROPPED:
        return True
    attributes = element.attrib
    if "hidden" in attributes or attributes.get("aria-hidden", "").lower() == "true":
        return True
    if _HIDDEN_STYLE.search(attributes.get("style", "")):
        return True
    if attributes.get("role") in ("navigation", "banner", "contentinfo", "search", "dialog"):
        return True
    if _BANNER.search(f"{attributes.get('id', '')} {attributes.get('class', '')}"):
        return True
    if tag in _PAGE_CHROME:
        return not any(a.tag in _CONTENT for a in element.iterancestors())
    if tag == "form":
        return len(element.text_content()) <= _MAX_FORM_TEXT
    return False


_PARAGRAPHS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "table", "section", "article",
     "blockquote", "pre"}
)  # fmt: skip


class _Lines:
    """Text pieces → lines: a line break never makes an empty line, a paragraph break one at most."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self._pieces: list[str] = []

    def add(self, text: str | None) -> None:
        if text:
            # Source line breaks inside a paragraph are layout, not structure.
            self._pieces.append(text.replace("\n", " "))

    def line_break(self, paragraph: bool = False) -> None:
        line = " ".join("".join(self._pieces).split()).removeprefix("|").strip()
        self._pieces = []
        if line:
            self.lines.append(line)
        if paragraph and self.lines and self.lines[-1]:
            self.lines.append("")


def _text_of(root: lxml.html.HtmlElement) -> str:
    out = _Lines()
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS or tag == "br":
                out.line_break(tag in _PARAGRAPHS)
            if tag == "li":
                out.add("• ")
            elif tag in ("td", "th"):
                out.add(" | ")  # a row's first cell leaves a leading "|", removed with the line
            if tag:
                out.add(element.text)
        else:
            if tag in _BLOCKS:
                out.line_break(tag in _PARAGRAPHS)
            elif tag in _SEPARATED:
                out.add(" ")  # links side by side never glue: "Jobs Companies", not "JobsCompanies"
            out.add(element.tail)
    out.line_break()
    return "\n".join(out.lines).strip("\n")


def _description_is_posting(description: str, page_text: str) -> bool:
    """A description holds the posting unless it is a teaser shorter than the page's own text."""
    words = len(description.split())
    return words >= _MIN_DESCRIPTION_WORDS or words >= 0.5 * len(page_text.split())
