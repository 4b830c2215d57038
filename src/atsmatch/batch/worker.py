"""What one worker does: build an ``Analyzer`` once, then score pairs, reusing documents by content.

Also used in-process when a batch runs with one job. Everything here crosses a process boundary, so
tasks, settings and results are small picklable values.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import stat
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

try:
    import resource
except ImportError:  # Windows: no memory limit
    resource = None  # type: ignore[assignment]

from ..errors import ArgumentError, AtsmatchError, AtsmatchWarning, InputError
from ..models import BatchError, Extraction, PairResult, ScoringWeights
from ..readers import ReadLimits
from .rows import TOP_MISSING, error_row, pair_row

if TYPE_CHECKING:
    from ..lexicon import Lexicon

__all__ = [
    "BatchSettings",
    "DocumentRef",
    "KeywordTask",
    "PairTask",
    "WorkerState",
    "document_ref",
    "keywords_task",
    "score_task",
    "setup",
]

_EXTRACTIONS_KEPT = 16  # fixed-side documents (the posting in rank, the resume in match) per worker


@dataclass(frozen=True)
class BatchSettings:
    """How each worker builds its ``Analyzer``; the defaults are the CLI's.

    Args:
        extra_lexicons: lexicon files merged over the built-in one.
        limits: read limits per file (size, pages, characters).
        cache_dir: the compiled-lexicon cache (the CLI's is ``lexicon.cache.default_cache_dir()``).
            None: a pool's parent compiles the lexicon once into a temporary cache for its workers.
        max_memory_mib: the most memory (data segment) one worker may use; a file needing more
            gets a ``MemoryError`` row instead of driving the machine out of memory. None: no limit.
        weights: scoring weights.
        near_miss_threshold: least similarity for a near-miss.
        top_missing: how many missing keywords a row lists.
        tagger: also find skills the lexicon lacks with the trained tagger.
        lexicon: a ready ``Lexicon`` instead of the built-in one (not with ``extra_lexicons``): sent
            to each worker, which compiles it itself (best for small lexicons).
    """

    extra_lexicons: tuple[str, ...] = ()
    limits: ReadLimits = ReadLimits()
    cache_dir: str | None = None
    max_memory_mib: int | None = 2048
    weights: ScoringWeights = ScoringWeights()
    near_miss_threshold: float = 85.0
    top_missing: int = TOP_MISSING
    tagger: bool = True
    lexicon: Lexicon | None = None

    def __post_init__(self) -> None:
        if self.lexicon is not None and self.extra_lexicons:
            raise ArgumentError("give BatchSettings either lexicon= or extra_lexicons=, not both.")


@dataclass(frozen=True)
class DocumentRef:
    """A document of a pair: a file read in the worker (``path``), or content (``text``/``data``).

    Content carries a ``key`` (a hash of it), so a worker reads and extracts it once for all its
    pairs; a file is read where it is scored, so a file that hangs stalls only its worker.
    """

    label: str
    path: str | None = None
    text: str | None = None
    data: bytes | None = None
    key: str | None = None


@dataclass(frozen=True)
class PairTask:
    resume: DocumentRef
    posting: DocumentRef


@dataclass(frozen=True)
class KeywordTask:
    """A document whose keywords the shortlist needs: with the posting's weights if ``as_posting``."""

    ref: DocumentRef
    as_posting: bool


def document_ref(source: str | bytes | os.PathLike[str], *, label: str | None = None) -> DocumentRef:
    """A ``DocumentRef`` from a path (a file), a ``str`` (text) or ``bytes`` (a file's content)."""
    if isinstance(source, str):
        key = hashlib.blake2b(source.encode(), digest_size=16).hexdigest()
        return DocumentRef(label=label or f"<text {key[:8]}>", text=source, key=key)
    if isinstance(source, bytes):
        key = hashlib.blake2b(source, digest_size=16).hexdigest()
        return DocumentRef(label=label or f"<bytes {key[:8]}>", data=source, key=key)
    return DocumentRef(label=label or os.fspath(source), path=os.fspath(source))


class WorkerState:
    """One worker's ``Analyzer`` and the fixed-side extractions it has made, by content key."""

    def __init__(self, settings: BatchSettings) -> None:
        from ..analyzer import Analyzer

        self.settings = settings
        self.analyzer = Analyzer(
            extra_lexicons=settings.extra_lexicons,
            lexicon=settings.lexicon,
            limits=settings.limits,
            cache_dir=settings.cache_dir,
            weights=settings.weights,
            near_miss_threshold=settings.near_miss_threshold,
            tagger=settings.tagger,
        )
        self.analyzer.matcher  # noqa: B018 - load the table and compile now, not in the first task
        self._extractions: dict[str, Extraction] = {}

    def extract(self, ref: DocumentRef) -> Extraction:
        if ref.key is not None and (cached := self._extractions.get(ref.key)) is not None:
            return cached
        extraction = self.analyzer.extract(self._document(ref))
        if ref.key is not None:
            if len(self._extractions) >= _EXTRACTIONS_KEPT:
                self._extractions.pop(next(iter(self._extractions)))
            self._extractions[ref.key] = extraction
        return extraction

    def _document(self, ref: DocumentRef):
        from ..readers import document_from_text, read_document

        if ref.text is not None:
            return document_from_text(ref.text, source=ref.label)
        if ref.data is not None:
            return read_document(ref.data, name=ref.label, limits=self.settings.limits)
        path = Path(ref.path or "")
        with contextlib.suppress(OSError):  # a missing file is the reader's to report
            mode = path.stat().st_mode
            # A device never ends (/dev/zero): no time or size limit would stop it before memory runs out.
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
                raise InputError("is a device, not a document file.", source=ref.label)
        return read_document(path, name=ref.label, limits=self.settings.limits)


def setup(settings: BatchSettings) -> WorkerState:
    """A worker process's state, built once before its first task."""
    if settings.max_memory_mib is not None and resource is not None:
        limit = settings.max_memory_mib * 1_048_576
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
    state = WorkerState(settings)
    # The lexicon's objects live as long as the worker: keep the collector from walking them.
    gc.freeze()
    return state


def score_task(state: WorkerState, task: PairTask) -> PairResult:
    """Score one pair; any failure becomes an error row naming the side that failed."""
    side = "posting"
    try:
        posting = state.extract(task.posting)
        side = "resume"
        resume = state.extract(task.resume)
        with warnings.catch_warnings():  # carried in the row, not printed once per worker
            warnings.simplefilter("ignore", AtsmatchWarning)
            report = state.analyzer.score(resume, posting)
    except AtsmatchError as exc:
        return error_row(task.resume.label, task.posting.label, type(exc).__name__, str(exc), side=side)
    except MemoryError:
        limit = state.settings.max_memory_mib
        message = f"needed more memory than a worker's limit of {limit} MiB (BatchSettings.max_memory_mib)."
        return error_row(task.resume.label, task.posting.label, "MemoryError", message, side=side)
    except Exception as exc:  # a bug: one row, never the whole batch
        message = f"unexpected error: {exc}. Please report it with the file if you can."
        return error_row(task.resume.label, task.posting.label, type(exc).__name__, message, side=side)
    return pair_row(report, task.resume.label, task.posting.label, top_missing=state.settings.top_missing)


def keywords_task(state: WorkerState, task: KeywordTask) -> dict[str, float] | BatchError:
    """A document's keywords for the shortlist: weight 1 each, or a posting's scoring weights."""
    from .shortlist import posting_weights

    try:
        extraction = state.extract(task.ref)
        if task.as_posting:
            return posting_weights(state.analyzer.read_posting(extraction), state.settings.weights)
        return {keyword.name: 1.0 for keyword in extraction.keywords}
    except AtsmatchError as exc:
        side = "posting" if task.as_posting else "resume"
        return BatchError(kind=type(exc).__name__, message=str(exc), side=side)
