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
from .extraction import Confirmation, ConfirmationKind, Extraction, Keyword, Mention
from .posting import (
    AlternativeGroup,
    DegreeRequirement,
    ExperienceRequirement,
    IgnoredKeyword,
    IgnoredLines,
    PostingAnalysis,
    PostingReport,
    PostingRequirement,
    TitleEvidence,
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
from .resume import ExperienceCheck, ResumeChecks

__all__ = [
    "CATEGORIES",
    "SCHEMA_VERSION",
    "AlternativeGroup",
    "BatchError",
    "Category",
    "CategoryCoverage",
    "CategoryPercents",
    "Confirmation",
    "ConfirmationKind",
    "DegreeRequirement",
    "Document",
    "DocumentFormat",
    "DocumentStructure",
    "DocumentSummary",
    "ExperienceCheck",
    "ExperienceRequirement",
    "IgnoredRange",
    "IgnoredReason",
    "JobPostingData",
    "Extraction",
    "IgnoredKeyword",
    "IgnoredLines",
    "Keyword",
    "MatchReport",
    "MatchRule",
    "MatchedKeyword",
    "Mention",
    "MissingKeyword",
    "NearMiss",
    "PairResult",
    "PostingAnalysis",
    "PostingReport",
    "PostingRequirement",
    "RankedResume",
    "Ranking",
    "RequirementChecks",
    "RequirementLevel",
    "ResumeChecks",
    "ScoreFormula",
    "ScoredKeyword",
    "ScoringWeights",
    "Section",
    "SectionKind",
    "Suggestion",
    "SuggestionKind",
    "TitleEvidence",
    "UnknownRequirement",
    "WhereToAdd",
]
