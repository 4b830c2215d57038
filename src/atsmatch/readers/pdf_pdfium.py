"""PDF → text with PDFium (the optional extra ``atsmatch[pdfium]``), inside the same limits.

PDFium extracts text 1.4–3× faster than pypdf here (benchmarks/readers.py), but it is C code
that takes no decompression cap and can't be interrupted inside a page. So pypdf still opens the
file first, for the same encryption and damage messages and the page limit, and decompresses every
page's content once under ``max_stream_bytes`` and ``max_unpacked_bytes`` (cheap: no parsing).
PDFium then extracts the text; characters and the clock are checked after each page
(``max_stream_tokens`` is pypdf's parser's cap and does not apply). A file PDFium can't open is
read by the pypdf reader instead.
"""

from __future__ import annotations

import threading

from .limits import ReadBudget
from .pdf import content_size, open_pdf, page_count, read_pdf, stream_caps

__all__ = ["pdfium_available", "read_pdf_pdfium"]

# PDFium is not thread-safe; readers in several threads take turns (pypdfium2's own advice).
_PDFIUM = threading.Lock()
# PDFium marks a hyphen at a line break with U+FFFE and some generated hyphens with U+0002.
_PDFIUM_MARKS = str.maketrans({"\ufffe": "-", "\x02": "-"})


def pdfium_available() -> bool:
    try:
        import pypdfium2  # noqa: F401
    except ImportError:
        return False
    return True


def read_pdf_pdfium(data: bytes, budget: ReadBudget, encoding: str | None = None) -> tuple[str, int]:
    """Like ``read_pdf``, with PDFium extracting the text; same errors and limits.

    Raises:
        ImportError: pypdfium2 is not installed (``pip install 'atsmatch[pdfium]'``).
    """
    import pypdfium2

    with stream_caps(budget.limits):
        reader = open_pdf(data, budget)
        count = page_count(reader, budget)
        for number, page in enumerate(reader.pages, start=1):
            budget.check_time()
            budget.count_unpacked(content_size(page, number, budget))
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(data)
        except pypdfium2.PdfiumError:  # pypdf reads some damaged files PDFium refuses
            return read_pdf(data, budget, encoding)
        try:
            texts = _page_texts(document, budget)
        finally:
            document.close()
    return "\n\n".join(texts), count


def _page_texts(document, budget: ReadBudget) -> list[str]:
    texts: list[str] = []
    chars = 0
    for index in range(len(document)):
        budget.check_time()
        page = document[index]
        try:
            text_page = page.get_textpage()
            try:
                text = text_page.get_text_range().translate(_PDFIUM_MARKS)
            finally:
                text_page.close()
        finally:
            page.close()
        chars += len(text) + 2
        budget.check_chars(chars)
        texts.append(text)
    return texts
