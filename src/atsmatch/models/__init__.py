"""The data passed between atsmatch's stages: frozen pydantic models whose JSON is the public contract.

``Document`` (read) → ``Extraction`` of ``Keyword``/``Mention`` (match) → ``PostingAnalysis`` and
``ResumeChecks`` (understand) → ``MatchReport`` (score) → ``Ranking`` (batch). Every ``start``/``end``
indexes the ``text`` of the document it came from. One module per stage; this one re-exports them.
"""

from __future__ import annotations

from .base import CATEGORIES, SCHEMA_VERSION, Category, DocumentFormat, MatchRule, RequirementLevel
from .batch import BatchError, CategoryPercents, PairResult, RankedResume, Ranking, RequirementChecks
from .document import (
    Document,
    DocumentStructure,
    IgnoredRange,
    IgnoredReason,
    JobPostingData,
    Section,
    SectionKind,
)
from .extraction import Extraction, Keyword, Mention
from .posting import (
    DegreeRequirement,
    ExperienceRequirement,
    PostingAnalysis,
    UnknownRequirement,
)
from .report import (
    CategoryCoverage,
    DocumentSummary,
    MatchedKeyword,
    MatchReport,
    MissingKeyword,
    NearMiss,
    ScoredKeyword,
    ScoreFormula,
    ScoringWeights,
    Suggestion,
    SuggestionKind,
    WhereToAdd,
)
from .resume import ResumeChecks

__all__ = [
    "CATEGORIES",
    "SCHEMA_VERSION",
    "BatchError",
    "Category",
    "CategoryCoverage",
    "CategoryPercents",
    "DegreeRequirement",
    "Document",
    "DocumentFormat",
    "DocumentStructure",
    "DocumentSummary",
    "ExperienceRequirement",
    "IgnoredRange",
    "IgnoredReason",
    "JobPostingData",
    "Extraction",
    "Keyword",
    "MatchReport",
    "MatchRule",
    "MatchedKeyword",
    "Mention",
    "MissingKeyword",
    "NearMiss",
    "PairResult",
    "PostingAnalysis",
    "ScoredKeyword",
    "RankedResume",
    "Ranking",
    "RequirementChecks",
    "RequirementLevel",
    "ResumeChecks",
    "ScoreFormula",
    "ScoringWeights",
    "Section",
    "SectionKind",
    "Suggestion",
    "SuggestionKind",
    "UnknownRequirement",
    "WhereToAdd",
]
