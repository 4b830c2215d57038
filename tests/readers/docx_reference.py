"""The reference DOCX reader, on python-docx: what the fast zipfile + lxml reader must agree with.

This is the reader atsmatch used before; tests compare the two on real files, and
benchmarks/readers.py times both.
"""

from __future__ import annotations

import io
from typing import Any

__all__ = ["docx_to_text"]


def docx_to_text(data: bytes) -> str:
    """The text of a DOCX file, with its line structure; python-docx raises on damaged files."""
    import docx  # slow import: only when a DOCX is read

    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    seen_headers: set[str] = set()
    for section in document.sections:
        # Contact details often live in the page header; each distinct header once, first.
        header_lines = _block_lines(section.header)
        key = "\n".join(header_lines)
        if header_lines and key not in seen_headers:
            seen_headers.add(key)
            lines.extend(header_lines)
    lines.extend(_block_lines(document))
    return "\n".join(lines)


def _block_lines(container: Any) -> list[str]:
    """Lines of a body, header or cell: each paragraph a line, each table row a line or more."""
    from docx.table import Table

    lines: list[str] = []
    for block in container.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return lines


def _table_lines(table: Any) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells = []
        seen = set()
        for cell in row.cells:
            # A merged cell is returned once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append([line for line in _block_lines(cell) if line.strip()])
        if all(len(cell) <= 1 for cell in cells):
            lines.append(" | ".join(cell[0] for cell in cells if cell))
        else:
            for cell in cells:
                lines.extend(cell)
    return lines
