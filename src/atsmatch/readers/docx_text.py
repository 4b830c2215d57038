"""WordprocessingML → lines: paragraphs, tables (merged cells once), content controls, text boxes.

The text of a run follows python-docx's ``Run.text`` (tabs, line breaks, non-breaking hyphens);
unlike python-docx it also reads tracked insertions, smart tags, fields and content controls,
which Word shows and an ATS reads.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..errors import InputError
from .limits import ReadBudget

__all__ = ["BlockReader", "damaged_docx", "namespaces", "parse_part", "safe_parser"]

_TRANSITIONAL = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
# Elements that only wrap content: their children are read as if in their place.
_WRAPPERS = ("ins", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "moveTo", "dir", "bdo")


def safe_parser():  # -> lxml.etree.XMLParser
    """A parser that resolves no entities, loads no DTD, touches no network and keeps the depth cap."""
    from lxml import etree

    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
        huge_tree=False, remove_comments=True, remove_pis=True,
    )  # fmt: skip


def parse_part(chunks: Iterator[bytes], part: str, budget: ReadBudget):  # -> lxml.etree._Element
    """The root element of a part fed in chunks, refusing DTDs (Word never writes one)."""
    from lxml import etree

    parser = safe_parser()
    try:
        for index, chunk in enumerate(chunks):
            if index == 0 and b"<!DOCTYPE" in chunk:
                raise _dtd(budget, part)
            parser.feed(chunk)
        root = parser.close()
    except etree.XMLSyntaxError as exc:
        message = str(exc).lower()
        if "entit" in message:  # libxml2's amplification guard, or an undeclared entity
            raise _dtd(budget, part) from None
        why = (
            "nests elements deeper than any word processor does" if "depth" in message
            else f"is not well-formed XML (line {exc.lineno})" if exc.lineno
            else "is not well-formed XML"
        )  # fmt: skip
        raise damaged_docx(budget, f"its part {part} {why}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.doctype:
        raise _dtd(budget, part)
    return root


def _dtd(budget: ReadBudget, part: str) -> InputError:
    return damaged_docx(
        budget,
        f"its part {part} declares a DTD or entities, which Word never writes and which are used "
        "to attack XML readers, so atsmatch does not read it",
    )


def namespaces(root) -> str:
    """The WordprocessingML namespace a part uses (transitional, or strict OOXML)."""
    return _STRICT if root.tag.startswith("{" + _STRICT) else _TRANSITIONAL


def damaged_docx(budget: ReadBudget, what: str) -> InputError:
    return InputError(
        f"is not a readable DOCX: {what}. The file may be damaged or truncated: re-save it from "
        "your word processor as .docx.",
        source=budget.label,
    )


class BlockReader:
    """Lines of a body, header or cell, counting characters against the budget as it goes."""

    def __init__(self, w: str, budget: ReadBudget) -> None:
        self.w = w
        self.budget = budget
        self.chars = 0
        self.lines = 0
        tag = {name: f"{{{w}}}{name}" for name in ("p", "tbl", "tr", "tc", "r", "hyperlink", "txbxContent")}
        self._p, self._tbl, self._tr, self._tc = tag["p"], tag["tbl"], tag["tr"], tag["tc"]
        self._r, self._hyperlink, self._txbx = tag["r"], tag["hyperlink"], tag["txbxContent"]
        self._wrappers = frozenset(f"{{{w}}}{name}" for name in _WRAPPERS)
        self._run_text = {
            f"{{{w}}}tab": "\t", f"{{{w}}}ptab": "\t", f"{{{w}}}cr": "\n", f"{{{w}}}noBreakHyphen": "-",
        }  # fmt: skip
        self._t, self._br = f"{{{w}}}t", f"{{{w}}}br"
        self._br_type = f"{{{w}}}type"

    def block_lines(self, container) -> list[str]:
        """Each paragraph a line (text boxes after it), each table row a line or more."""
        lines: list[str] = []
        for block in self._children(container, (self._p, self._tbl)):
            if block.tag == self._p:
                lines.append(self._counted(self.paragraph_text(block)))
                for box in self._text_boxes(block):
                    lines.extend(self.block_lines(box))
            else:
                lines.extend(self._table_lines(block))
        return lines

    def paragraph_text(self, paragraph) -> str:
        return "".join(self._inline_text(paragraph))

    def _inline_text(self, element) -> Iterator[str]:
        for child in element:
            if child.tag == self._r:
                yield from self._run_parts(child)
            elif child.tag == self._hyperlink or child.tag in self._wrappers:
                yield from self._inline_text(child)

    def _run_parts(self, run) -> Iterator[str]:
        for child in run:
            tag = child.tag
            if tag == self._t:
                yield child.text or ""
            elif tag == self._br:
                # python-docx: a line break is a newline; page and column breaks are nothing.
                yield "\n" if child.get(self._br_type, "textWrapping") == "textWrapping" else ""
            elif tag in self._run_text:
                yield self._run_text[tag]

    def _text_boxes(self, paragraph) -> Iterator:
        """Text boxes anchored in the paragraph, each once (the VML fallback copy is skipped)."""
        for box in paragraph.iter(self._txbx):
            if not any(ancestor.tag == f"{{{_MC}}}Fallback" for ancestor in box.iterancestors()):
                yield box

    def _table_lines(self, table) -> list[str]:
        lines: list[str] = []
        above: dict[int, tuple[object, list[str]]] = {}  # grid column → the cell a merge continues
        for row in self._children(table, (self._tr,)):
            cells: list[list[str]] = []
            seen: set[int] = set()
            for cell, lines_of_cell in self._row_cells(row, above):
                # A cell spanning grid columns or continuing a vertical merge counts once a row.
                if id(cell) not in seen:
                    seen.add(id(cell))
                    cells.append([line for line in lines_of_cell if line.strip()])
            if all(len(cell) <= 1 for cell in cells):
                lines.append(" | ".join(cell[0] for cell in cells if cell))
            else:
                for cell in cells:
                    lines.extend(cell)
        return lines

    def _row_cells(self, row, above: dict[int, tuple[object, list[str]]]):
        w = self.w
        offset = _int(row.find(f"{{{w}}}trPr/{{{w}}}gridBefore"), w)
        for cell in self._children(row, (self._tc,)):
            properties = cell.find(f"{{{w}}}tcPr")
            span = max(1, _int(properties.find(f"{{{w}}}gridSpan"), w, 1)) if properties is not None else 1
            merge = properties.find(f"{{{w}}}vMerge") if properties is not None else None
            if merge is not None and merge.get(f"{{{w}}}val", "continue") == "continue" and offset in above:
                root, lines = above[offset]  # python-docx repeats the merge's first cell
            else:
                root, lines = cell, self.block_lines(cell)
                above[offset] = (root, lines)
            yield root, lines
            offset += span

    def _children(self, element, tags: tuple[str, ...]) -> Iterator:
        """Children with one of ``tags``, looking through wrapper elements (content controls...)."""
        for child in element:
            if child.tag in tags:
                yield child
            elif child.tag in self._wrappers:
                yield from self._children(child, tags)

    def _counted(self, line: str) -> str:
        self.chars += len(line) + 1
        self.lines += 1
        self.budget.check_chars(self.chars)
        if self.lines % 1024 == 0:
            self.budget.check_time()
        return line


def _int(element, w: str, default: int = 0) -> int:
    if element is None:
        return default
    value = element.get(f"{{{w}}}val", "")
    return min(int(value), 1_000) if value.isdigit() else default
