"""Score skill extraction against span-annotated job postings (SkillSpan's BIO format).

The gold data is one JSON object per sentence: ``tokens``, one BIO tag per token for each tag type
(``tags_skill``, ``tags_knowledge``), and ``source`` + ``idx`` naming the posting the sentence
belongs to. A posting's text is rebuilt by joining each sentence's tokens with single spaces and the
sentences with ``"\\n"``; every token keeps its character offsets in that text.

Predicted mentions (character offsets) become token spans: a prediction covers every token it
overlaps. Two ways to count a hit:

* **strict**: a predicted span and a gold span cover the same tokens (same start and end);
* **loose**: they share at least one token. Loose precision counts predictions overlapping any gold
  span; loose recall counts gold spans overlapped by any prediction.

Scores are micro-averaged: counts are summed over postings before dividing. A ratio whose
denominator is 0 is ``None`` (undefined), not 0: with no predictions precision is ``None``, with no
gold spans recall is ``None``, and F1 is ``None`` when either is. F1 is 0 when precision and recall
are both 0.

This module holds pure functions over plain data and imports only the standard library: it never
builds an ``Analyzer``. ``evaluate`` takes any ``extract(text)`` callable returning an object with
``.keywords`` (each with ``.name``, ``.category`` and ``.mentions`` carrying ``.text``, ``.start``,
``.end``) and, optionally, ``.text``: when that text differs from the one passed in (atsmatch
normalises quotes, dashes and invisible characters), mention offsets are mapped back through a
character alignment of the two texts.
"""

from __future__ import annotations

from .alignment import TextAlignment, align_texts, predictions_for, token_span
from .bio import postings_from_rows, read_bio_jsonl, spans_from_bio
from .data import (
    DEFAULT_CATEGORY_MAP,
    EXTRA_COMPARISONS,
    TAG_FIELDS,
    Comparison,
    ComparisonResult,
    Counts,
    Evaluation,
    Posting,
    PostingResult,
    Prediction,
    Scores,
    Sentence,
    Span,
)
from .metrics import comparisons_for, count_matches, evaluate, score_comparison, score_posting
from .report import (
    format_errors_markdown,
    format_table,
    most_frequent_missed,
    most_frequent_unmatched,
    summary_dict,
)

__all__ = [
    "DEFAULT_CATEGORY_MAP",
    "EXTRA_COMPARISONS",
    "TAG_FIELDS",
    "Comparison",
    "ComparisonResult",
    "Counts",
    "Evaluation",
    "Posting",
    "PostingResult",
    "Prediction",
    "Scores",
    "Sentence",
    "Span",
    "TextAlignment",
    "align_texts",
    "comparisons_for",
    "count_matches",
    "evaluate",
    "format_errors_markdown",
    "format_table",
    "most_frequent_missed",
    "most_frequent_unmatched",
    "postings_from_rows",
    "predictions_for",
    "read_bio_jsonl",
    "score_comparison",
    "score_posting",
    "spans_from_bio",
    "summary_dict",
    "token_span",
]
