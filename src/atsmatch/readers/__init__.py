"""Read documents: path, bytes or stdin → sniffed format → a reader → normalised ``Document``."""

from __future__ import annotations

from .document import document_from_text, read_document
from .limits import ReadLimits
from .sniff import sniff_format

__all__ = ["ReadLimits", "document_from_text", "read_document", "sniff_format"]
