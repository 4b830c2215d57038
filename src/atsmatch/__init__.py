"""atsmatch: see a resume the way an applicant tracking system does.

>>> import atsmatch
>>> report = atsmatch.score(Path("resume.pdf"), Path("posting.txt"))   # doctest: +SKIP
>>> report.score, [k.name for k in report.missing]                     # doctest: +SKIP

One meaning per type, everywhere: a ``str`` is a document's text, a ``pathlib.Path`` a file,
``bytes`` a file's content, a ``Document`` a document already read. For many documents, build one
``Analyzer`` and reuse it: it compiles the lexicon once, and threads may share it. Nothing heavy
is loaded on import.

What is exported: the ``Analyzer`` and its one-off functions; every model a report, an extraction
or a ranking holds; the render functions; and the stages a tool builder composes by hand
(read → read the structure → extract → read the posting / check the resume → score → render).
"""

from .analyzer import Analyzer, Source, default_analyzer, extract, score
from .errors import (
    ArgumentError,
    AtsmatchError,
    AtsmatchWarning,
    DocumentTooLargeError,
    EncryptedDocumentError,
    InputError,
    LexiconError,
    NoTextError,
    UnsupportedFormatError,
)
from .extraction.context import ContextRules
from .extraction.near_miss import find_near_misses
from .lexicon import Lexicon, LexiconEntry, load_lexicon
from .models import (
    SCHEMA_VERSION,
    AlternativeGroup,
    BatchError,
    Category,
    CategoryCoverage,
    CategoryPercents,
    Confirmation,
    DegreeRequirement,
    Document,
    DocumentFormat,
    DocumentStructure,
    DocumentSummary,
    ExperienceCheck,
    ExperienceRequirement,
    Extraction,
    IgnoredKeyword,
    IgnoredLines,
    IgnoredRange,
    IgnoredReason,
    JobPostingData,
    Keyword,
    MatchedKeyword,
    MatchReport,
    MatchRule,
    Mention,
    MissingKeyword,
    NearMiss,
    PairResult,
    PostingAnalysis,
    PostingReport,
    PostingRequirement,
    RankedResume,
    Ranking,
    RequirementChecks,
    RequirementLevel,
    ResumeChecks,
    ScoredKeyword,
    ScoreFormula,
    ScoringWeights,
    Section,
    SectionKind,
    Suggestion,
    SuggestionKind,
    TitleEvidence,
    UnknownRequirement,
    WhereToAdd,
)
from .readers import ReadLimits, document_from_text, read_document
from .render import (
    OutputFormat,
    render_extraction,
    render_ranking,
    render_ranking_html,
    render_report,
    render_report_html,
)
from .render.posting import render_posting
from .scoring.score import keyword_weight, score_extractions
from .structure.headings import find_sections
from .structure.layout import read_structure
from .structure.vocabulary import HeadingKind, HeadingVocabulary
from .understanding.posting import PostingReading, read_posting
from .understanding.resume import check_resume

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "AlternativeGroup",
    "Analyzer",
    "ArgumentError",
    "AtsmatchError",
    "AtsmatchWarning",
    "BatchError",
    "Category",
    "CategoryCoverage",
    "CategoryPercents",
    "Confirmation",
    "ContextRules",
    "DegreeRequirement",
    "Document",
    "DocumentFormat",
    "DocumentStructure",
    "DocumentSummary",
    "DocumentTooLargeError",
    "EncryptedDocumentError",
    "ExperienceCheck",
    "ExperienceRequirement",
    "Extraction",
    "HeadingKind",
    "HeadingVocabulary",
    "IgnoredRange",
    "IgnoredReason",
    "IgnoredKeyword",
    "IgnoredLines",
    "InputError",
    "JobPostingData",
    "Keyword",
    "Lexicon",
    "LexiconEntry",
    "LexiconError",
    "MatchReport",
    "MatchRule",
    "MatchedKeyword",
    "Mention",
    "MissingKeyword",
    "NearMiss",
    "NoTextError",
    "OutputFormat",
    "PairResult",
    "PostingAnalysis",
    "PostingReport",
    "PostingRequirement",
    "PostingReading",
    "RankedResume",
    "Ranking",
    "ReadLimits",
    "RequirementChecks",
    "RequirementLevel",
    "ResumeChecks",
    "ScoreFormula",
    "ScoredKeyword",
    "ScoringWeights",
    "Section",
    "SectionKind",
    "Source",
    "Suggestion",
    "SuggestionKind",
    "TitleEvidence",
    "UnknownRequirement",
    "UnsupportedFormatError",
    "WhereToAdd",
    "check_resume",
    "default_analyzer",
    "document_from_text",
    "extract",
    "find_near_misses",
    "find_sections",
    "keyword_weight",
    "load_lexicon",
    "read_document",
    "read_posting",
    "read_structure",
    "render_extraction",
    "render_posting",
    "render_ranking",
    "render_ranking_html",
    "render_report",
    "render_report_html",
    "score",
    "score_extractions",
    "__version__",
]
