"""Batches: many resumes against a posting (``rank``), a resume against many postings (``match``),
on every core, each file under a time and size limit, rows yielded as they finish.

>>> from pathlib import Path
>>> from atsmatch import batch
>>> resumes = batch.expand_inputs(["resumes/"])
>>> rows = batch.sort_rows(batch.rank(Path("posting.txt"), resumes))  # doctest: +SKIP

``sort_rows`` holds every row; ``RowSpool`` keeps them in a temporary file and 40 bytes a row in
memory, for batches of any size.

Shortlisting (``KeywordIndex``) picks the pairs worth a full report when both sides are many.
"""

from __future__ import annotations

from .api import Document, match, pair_rows, rank
from .inputs import DOCUMENT_SUFFIXES, expand_inputs
from .rows import sort_rows
from .run import DEFAULT_TIME_LIMIT, default_jobs
from .shortlist import KeywordIndex, posting_weights
from .spool import RowSpool
from .worker import BatchSettings, DocumentRef, PairTask, document_ref

__all__ = [
    "DEFAULT_TIME_LIMIT",
    "DOCUMENT_SUFFIXES",
    "BatchSettings",
    "Document",
    "DocumentRef",
    "KeywordIndex",
    "PairTask",
    "RowSpool",
    "default_jobs",
    "document_ref",
    "expand_inputs",
    "match",
    "pair_rows",
    "posting_weights",
    "rank",
    "sort_rows",
]
