"""DOCX → text in reading order: page headers, paragraphs and tables (rows as lines, nested too).

Read with zipfile + lxml rather than python-docx: 10–29× faster in benchmarks/readers.py, flat in
memory, where python-docx's objects hold lxml memory in reference cycles (4.9 GB over 1,000 files
with the CLI's collector thresholds); tests keep python-docx as the reference for the text. Only the parts
that hold text are read (the main part, found through ``_rels/.rels``, and its default headers):
media and everything else is never inflated. Each part is inflated in chunks against the
per-part and per-document limits and parsed with entities, DTDs and network access off.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator

from ..errors import EncryptedDocumentError
from .docx_text import BlockReader, damaged_docx, namespaces, parse_part
from .limits import ReadBudget, mib

__all__ = ["read_docx"]

_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CHUNK = 1 << 18


def read_docx(data: bytes, budget: ReadBudget, encoding: str | None = None) -> tuple[str, None]:
    """The DOCX's text, one paragraph or table row a line; header lines first, each header once.

    Raises:
        InputError: a damaged package or part (the message names the part).
        EncryptedDocumentError: a password-protected package.
        DocumentTooLargeError: a part or the whole package unpacks past its limit, or the text
            is over ``max_chars``.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception:  # zipfile raises BadZipFile, ValueError, EOFError... on damaged archives
        raise damaged_docx(budget, "its ZIP container is damaged") from None
    with archive:
        package = _Package(archive, budget)
        main = package.main_part()
        root = package.xml(main)
        w = namespaces(root)
        body = root.find(f"{{{w}}}body")
        if body is None:
            raise damaged_docx(budget, f"its main part ({main}) has no document body")
        reader = BlockReader(w, budget)
        lines = _header_lines(package, main, body, reader)
        lines.extend(reader.block_lines(body))
    return "\n".join(lines), None


def _header_lines(package: _Package, main: str, body, reader: BlockReader) -> list[str]:
    """Each section's default page header (contact details often live there), each distinct one once."""
    targets = package.relationships(main)
    lines: list[str] = []
    seen_parts: set[str] = set()
    seen_texts: set[str] = set()
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    for sect_pr in body.iter(f"{{{reader.w}}}sectPr"):
        for reference in sect_pr.iterchildren(f"{{{reader.w}}}headerReference"):
            if reference.get(f"{{{reader.w}}}type", "default") != "default":
                continue
            part = targets.get(reference.get(r_id, ""))
            if part is None or part in seen_parts:
                continue
            seen_parts.add(part)
            header = reader.block_lines(package.xml(part))
            key = "\n".join(header)
            if header and key not in seen_texts:
                seen_texts.add(key)
                lines.extend(header)
    return lines


class _Package:
    """The parts of one open DOCX package, inflated only on demand and within the limits."""

    def __init__(self, archive: zipfile.ZipFile, budget: ReadBudget) -> None:
        self.archive = archive
        self.budget = budget
        self.names = set(archive.namelist())

    def main_part(self) -> str:
        """The part ``_rels/.rels`` names as the office document (usually word/document.xml)."""
        if "_rels/.rels" in self.names:
            for relationship in self.xml("_rels/.rels").iter(_PACKAGE_RELS):
                if relationship.get("Type", "").endswith("/officeDocument"):
                    part = _resolve("", relationship.get("Target", ""))
                    if part in self.names:
                        return part
        if "word/document.xml" in self.names:
            return "word/document.xml"
        raise damaged_docx(
            self.budget, "no part of it holds the document's text (its package relationships are damaged)"
        )

    def relationships(self, part: str) -> dict[str, str]:
        """A part's relationship ids → the part names they point at (inside the package only)."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        if rels not in self.names:
            return {}
        targets = {}
        for relationship in self.xml(rels).iter(_PACKAGE_RELS):
            if relationship.get("TargetMode") != "External":
                targets[relationship.get("Id", "")] = _resolve(folder, relationship.get("Target", ""))
        return {key: value for key, value in targets.items() if value in self.names}

    def xml(self, part: str):  # -> lxml.etree._Element
        """A part parsed safely, inflated in chunks that count against the limits as they come."""
        info = self.archive.getinfo(part)
        if info.file_size > self.budget.limits.max_part_bytes:
            raise self._part_too_large(part, info.file_size)
        return parse_part(self._chunks(info), part, self.budget)

    def _chunks(self, info: zipfile.ZipInfo) -> Iterator[bytes]:
        size = 0
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > self.budget.limits.max_part_bytes:  # the declared size lied
                        raise self._part_too_large(info.filename, size)
                    self.budget.count_unpacked(len(chunk))
                    yield chunk
        except RuntimeError as exc:  # zipfile: "File ... is encrypted, password required"
            if "encrypted" not in str(exc):
                raise damaged_docx(self.budget, f"its part {info.filename} can't be unpacked") from None
            raise EncryptedDocumentError(
                "is password-protected. Save an unprotected copy and try again.", source=self.budget.label
            ) from None
        except (
            zipfile.BadZipFile,
            zlib.error,
            EOFError,
            OSError,
            ValueError,
            NotImplementedError,
            LookupError,
        ):
            raise damaged_docx(self.budget, f"its part {info.filename} can't be unpacked") from None

    def _part_too_large(self, part: str, size: int):
        return self.budget.over(
            f"has a part ({part}) that unpacks to more than {mib(size)}",
            "max_part_bytes", mib(self.budget.limits.max_part_bytes),
            "It may be a decompression bomb.",
        )  # fmt: skip


def _resolve(folder: str, target: str) -> str:
    """A relationship target as a part name: relative to the source part's folder, or absolute."""
    if target.startswith("/"):
        return posixpath.normpath(target).lstrip("/")
    return posixpath.normpath(posixpath.join(folder, target)).lstrip("/")
