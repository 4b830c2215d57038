"""atsmatch: see a resume the way an applicant tracking system does.

>>> import atsmatch
>>> report = atsmatch.score(Path("resume.pdf"), Path("posting.txt"))   # doctest: +SKIP
>>> report.score, [k.name for k in report.missing]                     # doctest: +SKIP

A ``str`` argument is a document's text; pass a ``pathlib.Path`` for a file. For many documents,
build one ``Analyzer`` and reuse it: it compiles the lexicon once. Nothing heavy is loaded on import.
"""

from __future__ import annotations

from .analyzer import Analyzer, default_analyzer, extract, score
from .errors import (
    AtsmatchError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    InputError,
    LexiconError,
    NoTextError,
    UnsupportedFormatError,
)
from .lexicon import Lexicon, LexiconEntry, load_lexicon
from .models import (
    CategoryCoverage,
    Document,
    Extraction,
    Keyword,
    MatchedKeyword,
    MatchReport,
    Mention,
    MissingKeyword,
    NearMiss,
    RankedResume,
    Ranking,
    ScoreFormula,
    ScoringWeights,
    Suggestion,
)
from .readers import ReadLimits, document_from_text, read_document

__version__ = "0.1.0"

__all__ = [
    "Analyzer",
    "AtsmatchError",
    "CategoryCoverage",
    "Document",
    "DocumentTooLargeError",
    "EncryptedDocumentError",
    "Extraction",
    "InputError",
    "Keyword",
    "Lexicon",
    "LexiconEntry",
    "LexiconError",
    "MatchReport",
    "MatchedKeyword",
    "Mention",
    "MissingKeyword",
    "NearMiss",
    "NoTextError",
    "RankedResume",
    "Ranking",
    "ReadLimits",
    "ScoreFormula",
    "ScoringWeights",
    "Suggestion",
    "UnsupportedFormatError",
    "__version__",
    "default_analyzer",
    "document_from_text",
    "extract",
    "load_lexicon",
    "read_document",
    "score",
]
