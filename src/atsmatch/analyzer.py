"""``Analyzer``: owns the compiled lexicon and runs read → match → score; build one, reuse it."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from .errors import AtsmatchError
from .extraction.context import ContextRules
from .extraction.matcher import Matcher
from .extraction.near_miss import find_near_misses
from .lexicon import Lexicon
from .lexicon.cache import load_form_table
from .lexicon.table import FormTable, build_form_table
from .models import (
    Document,
    Extraction,
    MatchReport,
    RankedResume,
    Ranking,
    ScoringWeights,
)
from .readers import ReadLimits, document_from_text, read_document
from .scoring.score import score_extractions, summarise
from .structure.headings import find_sections
from .understanding.posting import PostingReading, read_posting
from .understanding.resume import check_resume

__all__ = ["Analyzer", "Source", "default_analyzer", "extract", "score"]

# A str is the document's text; a path (pathlib.Path or os.PathLike) is a file; bytes are a file's
# content. Paths from the command line are wrapped in Path by the caller.
Source = Document | str | os.PathLike[str] | bytes


class Analyzer:
    """Reads documents, extracts skills with a compiled lexicon, and scores resumes against postings.

    The lexicon is compiled on first use and kept: one ``Analyzer`` serves thousands of documents.

    Args:
        extra_lexicons: your lexicon files, merged over the built-in one (see docs/lexicon.md).
        lexicon: a ready ``Lexicon`` instead (``extra_lexicons`` is then ignored).
        weights: how posting keywords are weighed in the score.
        limits: size, page and length limits for reading files.
        near_miss_threshold: least similarity (0-100) for a near-miss.
        cache_dir: a folder for compiled lexicons, keyed by the lexicon files' bytes; the CLI uses
            ``atsmatch.lexicon.cache.default_cache_dir()``. None (the default) compiles every time.
        context_rules: what confirms an ambiguous form such as Go, R or Excel (context words and
            window, ordinary-use words, list labels and separators, one-per-line lists).
        on_demand: ignored, kept so existing callers keep working: the matcher has no patterns to
            compile on demand any more; it is ready as soon as it is built.

    Safe to share between threads: the lexicon is loaded and the matcher built once, under a lock.
    """

    def __init__(
        self,
        *,
        extra_lexicons: Sequence[str | os.PathLike[str]] = (),
        lexicon: Lexicon | None = None,
        weights: ScoringWeights = ScoringWeights(),
        limits: ReadLimits = ReadLimits(),
        near_miss_threshold: float = 85.0,
        cache_dir: str | os.PathLike[str] | None = None,
        context_rules: ContextRules = ContextRules(),
        on_demand: bool = False,
    ) -> None:
        self.weights = weights
        self.limits = limits
        self.near_miss_threshold = near_miss_threshold
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._extra_lexicons = tuple(extra_lexicons)
        self._given_lexicon = lexicon
        self._table: FormTable | None = None
        self._matcher: Matcher | None = None
        self.context_rules = context_rules
        self._on_demand = on_demand
        self._build_lock = threading.Lock()
        # The last posting read, by identity: scoring many resumes against one posting reads it once.
        self._last_posting: tuple[Extraction, PostingReading] | None = None

    def _form_table(self) -> FormTable:
        if self._table is None:
            with self._build_lock:
                if self._table is None:
                    if self._given_lexicon is not None:
                        self._table = build_form_table(self._given_lexicon)
                    else:
                        self._table = load_form_table(self._extra_lexicons, self.cache_dir)
        return self._table

    @property
    def lexicon(self) -> Lexicon:
        """The merged lexicon, loaded on first use.

        Raises:
            LexiconError: a lexicon file is invalid.
        """
        return self._form_table().lexicon

    @property
    def matcher(self) -> Matcher:
        """The compiled matcher, built on first use."""
        if self._matcher is None:
            table = self._form_table()
            with self._build_lock:
                if self._matcher is None:
                    self._matcher = Matcher(table, context_rules=self.context_rules)
        return self._matcher

    def read(self, source: Source, *, encoding: str | None = None) -> Document:
        """A ``Document`` from text (str), a file (Path), its bytes, or a ready ``Document``.

        Raises:
            InputError: the file can't be read; the message says why and what to do.
        """
        if isinstance(source, Document):
            return source
        if isinstance(source, str):
            return document_from_text(source)
        if isinstance(source, bytes):
            return read_document(source, limits=self.limits, encoding=encoding)
        return read_document(Path(source), limits=self.limits, encoding=encoding)

    def extract(self, source: Source | Extraction) -> Extraction:
        """The skills in a document: canonical names, categories, and every mention with offsets."""
        if isinstance(source, Extraction):
            return source
        document = self.read(source)
        return self.matcher.extract(document, sections=find_sections(document.text))

    def score(self, resume: Source | Extraction, posting: Source | Extraction) -> MatchReport:
        """How well ``resume`` covers ``posting``'s keywords, with evidence and suggestions.

        Either side may be an ``Extraction`` already made, so a posting is extracted once for many
        resumes.
        """
        resume_extraction = self.extract(resume)
        posting_reading = self._read_posting(self.extract(posting))
        checks = check_resume(
            resume_extraction,
            job_title=posting_reading.analysis.title,
            degrees=posting_reading.analysis.degrees,
        )
        resume_names = {k.name for k in resume_extraction.keywords}
        missing_entries = [
            entry
            for wanted in posting_reading.keywords
            if wanted.keyword.name not in resume_names
            and (entry := self._form_table().entry(wanted.keyword.name))
        ]
        near_misses = find_near_misses(resume_extraction, missing_entries, threshold=self.near_miss_threshold)
        return score_extractions(
            resume_extraction, posting_reading, checks, near_misses=near_misses, weights=self.weights
        )

    def _read_posting(self, posting: Extraction) -> PostingReading:
        if self._last_posting is None or self._last_posting[0] is not posting:
            self._last_posting = (posting, read_posting(posting))
        return self._last_posting[1]

    def rank(self, resumes: Iterable[str | os.PathLike[str]], posting: Source) -> Ranking:
        """Score many resume files against one posting, best first.

        A resume that can't be read is reported with its error at the end of the list; it never
        stops the others. The posting itself must be readable.
        """
        posting_extraction = self.extract(posting)
        results = []
        for resume in resumes:
            label = os.fspath(resume)
            try:
                report = self.score(Path(resume), posting_extraction)
            except AtsmatchError as exc:
                results.append(RankedResume(source=label, score=None, error=str(exc)))
                continue
            results.append(
                RankedResume(
                    source=label,
                    score=report.score,
                    matched=len(report.matched),
                    missing=len(report.missing),
                    top_missing=tuple(k.name for k in report.missing[:5]),
                )
            )
        results.sort(key=lambda r: (r.score is None, -(r.score or 0), r.source))
        return Ranking(
            posting=summarise(posting_extraction),
            results=tuple(results),
        )


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The shared ``Analyzer`` behind ``atsmatch.extract`` and ``atsmatch.score``, built on first use."""
    return Analyzer()


def extract(source: Source) -> Extraction:
    """``default_analyzer().extract(source)``: a str is text, a ``Path`` is a file."""
    return default_analyzer().extract(source)


def score(resume: Source | Extraction, posting: Source | Extraction) -> MatchReport:
    """``default_analyzer().score(resume, posting)``: a str is text, a ``Path`` is a file."""
    return default_analyzer().score(resume, posting)
