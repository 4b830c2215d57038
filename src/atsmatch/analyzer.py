"""``Analyzer``: owns the compiled lexicon and runs read → match → score; build one, reuse it."""

from __future__ import annotations

import os
import threading
import warnings
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import ArgumentError, AtsmatchError, AtsmatchWarning
from .extraction.context import ContextRules
from .extraction.found_skills import add_found_skills
from .extraction.matcher import Matcher
from .extraction.near_miss import find_near_misses
from .extraction.tagger import SkillTagger
from .extraction.tokenizer import Tokens
from .extraction.word_forms import WordForms
from .lexicon import Lexicon
from .lexicon.cache import load_form_table
from .lexicon.table import FormTable, build_form_table
from .models import (
    Document,
    Extraction,
    MatchReport,
    PostingReport,
    RankedResume,
    Ranking,
    ScoringWeights,
)
from .readers import ReadLimits, document_from_text, read_document
from .scoring.score import NO_POSTING_KEYWORDS, score_extractions, summarise
from .structure.layout import read_structure
from .structure.vocabulary import HeadingVocabulary
from .understanding.degrees import degree_levels
from .understanding.posting import PostingReading, read_posting
from .understanding.resume import check_resume

__all__ = ["Analyzer", "Source", "default_analyzer", "extract", "score"]

# One meaning per type, everywhere: a str is the document's text; a path (pathlib.Path or
# os.PathLike) is a file; bytes are a file's content; a Document is a document already read.
# Paths from the command line are wrapped in Path by the caller.
Source = Document | str | os.PathLike[str] | bytes
_POSTINGS_KEPT = 64  # read postings kept by an Analyzer (a few hundred KB each at most)


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
        on_demand: ignored, kept so existing callers keep working: the matcher has no patterns to
            compile on demand any more; it is ready as soon as it is built.
        headings: the section-heading vocabulary (``atsmatch.structure.vocabulary``); None for the
            built-in one (English, German, French, Spanish, Swedish).
        tagger: find skills the lexicon lacks with the trained tagger (loaded on first use), or
            a ready ``SkillTagger``; False: the lexicon, its word forms and list mining only.
        lists: name the unknown items of enumerations among known skills (list mining).

    Safe to share between threads: the lexicon is loaded and the matcher built once, under a lock.

    Raises:
        ArgumentError: both ``lexicon`` and ``extra_lexicons`` are given.
    """

    # Rules users tune are validated objects passed here as keyword arguments, each owned by its
    # stage: ``headings=`` (structure.vocabulary.HeadingVocabulary, issue 8) and ``context_rules=``
    # (extraction.context.ContextRules, issue 12, with that branch).

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
        self.headings = headings
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
        self._tagger = tagger
        self._lists = lists
        self._word_forms: WordForms | None = None
        self._lexicon_links: tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]] | None = None
        self._degree_levels: dict[str, str] | None = None
        # Postings read, by content (lexicon hash, source, text, title): pairs scored in any order
        # read each posting once. Bounded, oldest dropped first.
        self._postings: dict[tuple[str, str | None, str, str | None], PostingReading] = {}
        self._postings_lock = threading.Lock()

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

    def _found_skill_stages(self) -> tuple[WordForms, SkillTagger | None]:
        """The stages after the matcher (see ``extraction.found_skills``), built on first use."""
        if self._word_forms is None or self._tagger is True:
            table = self._form_table()
            with self._build_lock:
                if self._tagger is True:
                    self._tagger = SkillTagger.load()
                if self._word_forms is None:
                    self._word_forms = WordForms(table)
        return self._word_forms, self._tagger or None

    @property
    def degree_levels(self) -> dict[str, str]:
        """Canonical name → degree level, for the lexicon's degree entries (``degree_level:``)."""
        if self._degree_levels is None:
            self._degree_levels = degree_levels(self.lexicon.entries)
        return self._degree_levels

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
        if isinstance(source, os.PathLike):
            return read_document(Path(source), limits=self.limits, encoding=encoding)
        raise ArgumentError(
            f"a document is a str (its text), a pathlib.Path (a file), bytes (a file's content) or a "
            f"Document, not {type(source).__name__}."
        )

    def extract(self, source: Source | Extraction) -> Extraction:
        """The skills in a document: canonical names, categories, and every mention with offsets."""
        if isinstance(source, Extraction):
            return source
        document = self.read(source)
        structure = read_structure(
            document.text, self.headings, headline=document.headline, posting_data=document.posting_data
        )
        tokens = Tokens(document.text)  # found once, read by the matcher, word forms and lists
        found = self.matcher.extract(document, structure=structure, tokens=tokens)
        word_forms, tagger = self._found_skill_stages()
        return add_found_skills(found, word_forms=word_forms, tagger=tagger, lists=self._lists, tokens=tokens)

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
        missing_entries = [
            entry
            for wanted in posting_reading.keywords
            if wanted.keyword.name not in resume_names
            and (entry := self._form_table().entry(wanted.keyword.name))
        ]
        near_misses = find_near_misses(resume_extraction, missing_entries, threshold=self.near_miss_threshold)
        report = score_extractions(
            resume_extraction, posting_reading, checks, near_misses=near_misses, weights=self.weights,
            broader=self._links()[0],
            related=self._links()[1],
        )  # fmt: skip
        if not posting_reading.keywords:
            warnings.warn(NO_POSTING_KEYWORDS, AtsmatchWarning, stacklevel=2)
        return report

    def _links(self) -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
        """The lexicon's links by skill name: the broader skills each is a kind of, and its related
        skills (both ways)."""
        if self._lexicon_links is None:
            entries = self._form_table().entries
            related: dict[str, set[str]] = {}
            for entry in entries:
                for other in entry[7]:
                    related.setdefault(entry[0], set()).add(other)
                    related.setdefault(other, set()).add(entry[0])
            self._lexicon_links = (
                {e[0]: e[8] for e in entries if e[8]},
                {name: tuple(sorted(others)) for name, others in related.items()},
            )
        return self._lexicon_links

    def posting_report(self, posting: Source | Extraction, *, title: str | None = None) -> PostingReport:
        """How the posting was read: title and its evidence, requirements with alternatives, years,
        degrees, the lines left out and why, warnings. ``title`` overrides the title read.

        Raises:
            InputError: the file can't be read.
        """
        reading = self.read_posting(posting, title=title)
        extraction = reading.extraction
        return PostingReport(
            source=extraction.source,
            format=extraction.format,
            lines=extraction.text.count("\n") + 1,
            analysis=reading.analysis,
        )

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
        key = (extraction.lexicon_hash, extraction.source, extraction.text, title)
        reading = self._postings.get(key)
        if reading is None:
            reading = read_posting(
                extraction, degree_levels=self.degree_levels, title=title, document=document
            )
            with self._postings_lock:
                if len(self._postings) >= _POSTINGS_KEPT:
                    self._postings.pop(next(iter(self._postings)))
                self._postings[key] = reading
        return reading

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


def _label(resume: Source, number: int) -> str:
    """What a ranking calls a resume: its path, its document's source, or its place in the list."""
    if isinstance(resume, os.PathLike):
        return os.fspath(resume)
    if isinstance(resume, Document) and resume.source:
        return resume.source
    kind = {str: "text", bytes: "bytes"}.get(type(resume), "document")
    return f"<{kind} {number}>"


# The one analyzer the module-level functions share, built once even when threads race to it.
_default: list[Analyzer] = []
_default_lock = threading.Lock()


def default_analyzer() -> Analyzer:
    """The shared ``Analyzer`` behind ``atsmatch.extract`` and ``atsmatch.score``, built on first use.

    It compiles patterns as documents need them, as the CLI does: a script's first call then costs
    about ``import spacy`` rather than a second more, and after 32 documents every pattern is
    compiled. Thread-safe: threads that ask at once get the same one, built once, and its on-demand
    compiling is locked (tests/test_threads.py). Build your own ``Analyzer()`` to compile up front.
    """
    if not _default:
        with _default_lock:
            if not _default:
                _default.append(Analyzer(on_demand=True))
    return _default[0]


def extract(source: Source) -> Extraction:
    """``default_analyzer().extract(source)``: a str is text, a ``Path`` is a file."""
    return default_analyzer().extract(source)


def score(
    resume: Source | Extraction, posting: Source | Extraction, *, title: str | None = None
) -> MatchReport:
    """``default_analyzer().score(resume, posting, title=title)``: a str is text, a ``Path`` is a file."""
    return default_analyzer().score(resume, posting, title=title)
