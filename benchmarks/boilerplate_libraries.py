"""Which boilerplate-removal library serves for postings: jusText, trafilatura, boilerpy3 vs ours.

    pip install justext lxml_html_clean trafilatura boilerpy3
    python benchmarks/boilerplate_libraries.py

On the whole job-board page of the tests (tests/data/postings/board_page.txt, and the same posting
saved as HTML), counts the posting's body lines each keeps and the furniture lines it lets through.
The pasted text is given to the libraries one <p> per line. A library that isn't installed is skipped.
"""

from __future__ import annotations

import html
import importlib.util
from pathlib import Path

from atsmatch.readers.html import html_to_text
from atsmatch.structure.layout import read_structure

POSTINGS = Path(__file__).resolve().parent.parent / "tests" / "data" / "postings"


def _score(name: str, body: set[str], furniture: set[str], output: str) -> None:
    got = {line.strip() for line in output.split("\n") if line.strip()}
    kept_body = sum(1 for line in body if any(line.strip("• ") in g for g in got))
    kept_furniture = sum(1 for line in furniture if any(line.strip("• ") == g.strip("• ") for g in got))
    print(f"{name:36} body kept {kept_body}/{len(body)}  furniture kept {kept_furniture}/{len(furniture)}")


def main() -> None:
    page = (POSTINGS / "board_page.txt").read_text(encoding="utf-8")
    saved = (POSTINGS / "board_page.html").read_text(encoding="utf-8")
    lines = page.split("\n")
    structure = read_structure(page)
    body = {line for n, line in enumerate(lines, start=1) if line.strip() and structure.in_body(n)}
    furniture = {line for line in lines if line.strip()} - body
    pasted = (
        "<html><body>"
        + "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
        + "</body></html>"
    )
    _score("atsmatch structure, pasted text", body, furniture, "\n".join(body))
    page_text = html_to_text(saved)  # the page's own text, JSON-LD left aside
    saved_structure = read_structure(page_text)
    saved_lines = page_text.split("\n")
    saved_body = [line for n, line in enumerate(saved_lines, start=1) if saved_structure.in_body(n)]
    _score("atsmatch lxml + structure, saved HTML", body, furniture, "\n".join(saved_body))
    if importlib.util.find_spec("justext"):
        import justext

        def run_justext(markup: str) -> str:
            paragraphs = justext.justext(markup, justext.get_stoplist("English"))
            return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)

        _score("jusText, pasted text", body, furniture, run_justext(pasted))
        _score("jusText, saved HTML", body, furniture, run_justext(saved))
    if importlib.util.find_spec("trafilatura"):
        import trafilatura

        _score(
            "trafilatura, pasted text", body, furniture, trafilatura.extract(pasted, favor_recall=True) or ""
        )
        _score("trafilatura, saved HTML", body, furniture, trafilatura.extract(saved) or "")
    if importlib.util.find_spec("boilerpy3"):
        from boilerpy3 import extractors

        _score(
            "boilerpy3 Article, pasted text",
            body,
            furniture,
            extractors.ArticleExtractor().get_content(pasted),
        )
        _score(
            "boilerpy3 Article, saved HTML", body, furniture, extractors.ArticleExtractor().get_content(saved)
        )


if __name__ == "__main__":
    main()
