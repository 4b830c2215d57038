"""``Analyzer``: owns the compiled lexicon and runs read → match → score; build one, reuse it."""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from .compiled import CompiledLexicon
from .errors import ArgumentError, AtsmatchError, AtsmatchWarning
from .extraction.context import ContextRules
from .extraction.matcher import Matcher
from .extraction.near_miss import find_near_misses
from .extraction.pipeline import extract_document
from .extraction.tagger import SkillTagger
from .extraction.word_forms import WordForms
from .lexicon import Lexicon
from .lexicon.table import FormTable
from .models import (
    Document,
    Extraction,
    MatchReport,
    PostingReport,
    RankedResume,
    Ranking,
    ScoringWeights,
)
from .readers import ReadLimits
from .scoring.score import NO_POSTING_KEYWORDS, score_extractions, summarise
from .sources import Source, read_source
from .sources import source_label as _label
from .structure.vocabulary import HeadingVocabulary
from .understanding.posting import PostingReading, read_posting
from .understanding.posting_cache import PostingCache
from .understanding.resume import check_resume

__all__ = ["Analyzer", "Source", "default_analyzer", "extract", "score"]

_POSTINGS_KEPT = 64  # read postings kept by an Analyzer (a few hundred KB each at most)
ON_DEMAND_IGNORED = ("Analyzer(on_demand=...) is ignored and will be removed: the matcher is ready once "
                     "built, there is nothing to compile on demand. Leave the argument out.")  # fmt: skip


class Analyzer:
    """Reads documents, extracts skills with a compiled lexicon, and scores resumes against postings.

    The lexicon is compiled on first use and kept: one ``Analyzer`` serves thousands of documents.

    Args:
        extra_lexicons: your lexicon files, merged over the built-in one (see docs/lexicon.md).
        lexicon: a ready ``Lexicon`` instead of the built-in one and ``extra_lexicons`` (giving
            both is an ``ArgumentError``).
        weights: how posting keywords are weighed in the score.
        limits: size, page and length limits for reading files.
        near_miss_threshold: least similarity (0-100) for a near-miss.
        cache_dir: a folder for compiled lexicons, keyed by the lexicon files' bytes; the CLI uses
            ``atsmatch.lexicon.cache.default_cache_dir()``. None (the default) compiles every time.
        context_rules: what confirms an ambiguous form such as Go, R or Excel (context words and
            window, ordinary-use words, list labels and separators, one-per-line lists).
        on_demand: deprecated and ignored (a ``DeprecationWarning``): the matcher has no patterns
            to compile on demand any more; it is ready as soon as it is built.
        headings: the section-heading vocabulary (``atsmatch.structure.vocabulary``); None for the
            built-in one (English, German, French, Spanish, Swedish).
        tagger: find skills the lexicon lacks with the trained tagger (loaded on first use), or
            a ready ``SkillTagger``; False: the lexicon, its word forms and list mining only.
        lists: name the unknown items of enumerations among known skills (list mining).

    Safe to share between threads: the lexicon is loaded and the matcher built once, under a lock.

    Raises:
        ArgumentError: both ``lexicon`` and ``extra_lexicons`` are given.
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
        on_demand: bool | None = None,
        headings: HeadingVocabulary | None = None,
        tagger: bool | SkillTagger = True,
        lists: bool = True,
    ) -> None:
        if lexicon is not None and extra_lexicons:
            raise ArgumentError(
                "give either lexicon= (a ready Lexicon) or extra_lexicons= (files merged over the "
                "built-in lexicon), not both: merge the files into the Lexicon with "
                "load_lexicon(extra_lexicons) instead."
            )
        if isinstance(extra_lexicons, (str, bytes, os.PathLike)):
            raise ArgumentError("extra_lexicons= takes a list of files, e.g. [Path('mine.yaml')].")
        if on_demand is not None:
            warnings.warn(ON_DEMAND_IGNORED, DeprecationWarning, stacklevel=2)
        self.headings = headings
        self.weights = weights
        self.limits = limits
        self.near_miss_threshold = near_miss_threshold
        self.cache_dir = Path(cache_dir) if cache_dir is not None else None
        self.context_rules = context_rules
        self._compiled = CompiledLexicon(
            extra_lexicons=extra_lexicons,
            lexicon=lexicon,
            cache_dir=self.cache_dir,
            context_rules=context_rules,
        )
        self._tagger_lock = threading.Lock()
        self._tagger = tagger
        self._lists = lists
        self._postings = PostingCache(_POSTINGS_KEPT)  # pairs in any order read a posting once

    def _form_table(self) -> FormTable:
        return self._compiled.table

    @property
    def lexicon(self) -> Lexicon:
        """The merged lexicon, loaded on first use.

        Raises:
            LexiconError: a lexicon file is invalid.
        """
        return self._compiled.table.lexicon

    @property
    def matcher(self) -> Matcher:
        """The compiled matcher, built on first use."""
        return self._compiled.matcher

    def _found_skill_stages(self) -> tuple[WordForms, SkillTagger | None]:
        """The stages after the matcher (see ``extraction.found_skills``), built on first use."""
        word_forms = self._compiled.word_forms
        if self._tagger is True:
            with self._tagger_lock:
                if self._tagger is True:
                    self._tagger = SkillTagger.load()
        return word_forms, self._tagger or None

    @property
    def degree_levels(self) -> dict[str, str]:
        """Canonical name → degree level, for the lexicon's degree entries (``degree_level:``)."""
        return self._compiled.degree_levels

    def read(self, source: Source, *, encoding: str | None = None) -> Document:
        """A ``Document`` from text (str), a file (Path), its bytes, or a ready ``Document``.

        Raises:
            InputError: the file can't be read; the message says why and what to do.
        """
        return read_source(source, self.limits, encoding, headings=self.headings)

    def extract(self, source: Source | Extraction) -> Extraction:
        """The skills in a document: canonical names, categories, and every mention with offsets."""
        if isinstance(source, Extraction):
            return source
        document = self.read(source)
        word_forms, tagger = self._found_skill_stages()
        return extract_document(document, self.matcher, headings=self.headings, word_forms=word_forms,
                                tagger=tagger, lists=self._lists)  # fmt: skip

    def score(
        self,
        resume: Source | Extraction,
        posting: Source | Extraction | PostingReading,
        *,
        title: str | None = None,
    ) -> MatchReport:
        """How well ``resume`` covers ``posting``'s keywords, with evidence and suggestions.

        Either side may be an ``Extraction`` already made, and the posting a ``PostingReading``
        (``read_posting``), so a posting is read once for many resumes. A posting with no keyword at
        all scores every resume 0: that is warned about (``AtsmatchWarning``) and listed in the
        report's ``warnings``. ``title`` overrides the job title read from the posting.
        """
        resume_extraction = self.extract(resume)
        posting_reading = self.read_posting(posting, title=title)
        checks = check_resume(
            resume_extraction,
            job_title=posting_reading.analysis.title,
            degrees=posting_reading.analysis.degrees,
            experience=posting_reading.analysis.experience,
            degree_levels=self.degree_levels,
        )
        resume_names = {k.name for k in resume_extraction.keywords}
        missing = self._compiled.entries(
            k.keyword.name for k in posting_reading.keywords if k.keyword.name not in resume_names
        )
        near_misses = find_near_misses(resume_extraction, missing, threshold=self.near_miss_threshold)
        broader, related = self._compiled.links
        report = score_extractions(
            resume_extraction, posting_reading, checks, near_misses=near_misses, weights=self.weights,
            broader=broader, related=related,
        )  # fmt: skip
        if not posting_reading.keywords:
            warnings.warn(NO_POSTING_KEYWORDS, AtsmatchWarning, stacklevel=2)
        return report

    def posting_report(self, posting: Source | Extraction, *, title: str | None = None) -> PostingReport:
        """How the posting was read: title and its evidence, requirements with alternatives, years,
        degrees, the lines left out and why, warnings. ``title`` overrides the title read.

        Raises:
            InputError: the file can't be read.
        """
        reading = self.read_posting(posting, title=title)
        extraction = reading.extraction
        return PostingReport(source=extraction.source, format=extraction.format,
                             lines=extraction.text.count("\n") + 1, analysis=reading.analysis)  # fmt: skip

    def read_posting(
        self, posting: Source | Extraction | PostingReading, *, title: str | None = None
    ) -> PostingReading:
        """The posting as scoring reads it: keywords as requirements, title, years, degrees.

        Kept by content, not object identity: the same posting text (from any file or object) is
        read once, whatever order pairs come in. ``title`` overrides the title read.
        """
        if isinstance(posting, PostingReading):
            return posting
        document = None if isinstance(posting, Extraction) else self.read(posting)
        extraction = self.extract(posting if document is None else document)
        return self._postings.get(
            (extraction.lexicon_hash, extraction.source, extraction.text, title),
            lambda: read_posting(
                extraction, degree_levels=self.degree_levels, title=title, document=document
            ),
        )

    def rank(self, resumes: Iterable[Source], posting: Source | Extraction) -> Ranking:
        """Score many resumes against one posting, best first.

        Arguments mean what they mean everywhere: a ``Path`` is a file, a ``str`` is a document's
        text. A resume that can't be read is reported with its error at the end of the list; it
        never stops the others. The posting itself must be readable; if it has no keyword at all,
        every score is 0, and that is warned about (``AtsmatchWarning``) and listed in ``warnings``.
        """
        posting_extraction = self.extract(posting)
        posting_is_empty = not self.read_posting(posting_extraction).keywords
        if posting_is_empty:
            warnings.warn(NO_POSTING_KEYWORDS, AtsmatchWarning, stacklevel=2)
        results = []
        for number, resume in enumerate(resumes, start=1):
            label = _label(resume, number)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore", AtsmatchWarning)  # warned once above
                    report = self.score(resume, posting_extraction)
            except AtsmatchError as exc:
                results.append(RankedResume(source=label, score=None, error=str(exc)))
                continue
            results.append(
                RankedResume(
                    source=label,
                    score=report.score,
                    matched_count=len(report.matched),
                    missing_count=len(report.missing),
                    top_missing=tuple(k.name for k in report.missing[:5]),
                )
            )
        results.sort(key=lambda r: (r.score is None, -(r.score or 0), r.source))
        return Ranking(
            posting=summarise(posting_extraction),
            results=tuple(results),
            warnings=(NO_POSTING_KEYWORDS,) if posting_is_empty else (),
        )


# The one analyzer the module-level functions share, built once even when threads race to it.
_default: list[Analyzer] = []
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The shared ``Analyzer`` behind ``atsmatch.extract`` and ``atsmatch.score``, built on first use.

    Thread-safe: threads that ask at once get the same one, built once (tests/test_threads.py); its
    lexicon is the shipped compiled table, so a script's first call costs about ``import spacy``.
    """
    if not _default:
        with _default_lock:
            if not _default:
                _default.append(Analyzer())
    return _default[0]


def extract(source: Source) -> Extraction:
    """``default_analyzer().extract(source)``: a str is text, a ``Path`` is a file."""
    return default_analyzer().extract(source)


def score(
    resume: Source | Extraction, posting: Source | Extraction, *, title: str | None = None
) -> MatchReport:
    """``default_analyzer().score(resume, posting, title=title)``: a str is text, a ``Path`` is a file."""
    return default_analyzer().score(resume, posting, title=title)
