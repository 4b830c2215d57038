"""The data passed between atsmatch's stages: frozen pydantic models whose JSON is the public contract.

``Document`` (read) → ``Extraction`` of ``Keyword``/``Mention`` (match) → ``PostingAnalysis`` and
``ResumeChecks`` (understand) → ``MatchReport`` (score) → ``Ranking`` (batch). Every ``start``/``end``
indexes the ``text`` of the document it came from. One module per stage; this one re-exports them.
"""

from __future__ import annotations

from .base import CATEGORIES, SCHEMA_VERSION, Category, DocumentFormat, MatchRule, RequirementLevel
from .batch import RankedResume, Ranking
from .document import Document, Section, SectionKind
from .extraction import Confirmation, ConfirmationKind, Extraction, Keyword, Mention
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
    ScoreFormula,
    ScoringWeights,
    Suggestion,
    SuggestionKind,
)
from .resume import ResumeChecks

__all__ = [
    "CATEGORIES",
    "SCHEMA_VERSION",
    "Category",
    "CategoryCoverage",
    "Confirmation",
    "ConfirmationKind",
    "DegreeRequirement",
    "Document",
    "DocumentFormat",
    "DocumentSummary",
    "ExperienceRequirement",
    "Extraction",
    "Keyword",
    "MatchReport",
    "MatchRule",
    "MatchedKeyword",
    "Mention",
    "MissingKeyword",
    "NearMiss",
    "PostingAnalysis",
    "RankedResume",
    "Ranking",
    "RequirementLevel",
    "ResumeChecks",
    "ScoreFormula",
    "ScoringWeights",
    "Section",
    "SectionKind",
    "Suggestion",
    "SuggestionKind",
    "UnknownRequirement",
]
