"""``ContextRules``: the words and distances that decide whether an ambiguous form (Go, R, Excel,
Spark) is used as a skill where it stands. One validated object, given to ``Matcher`` and
``Analyzer(context_rules=...)``; the defaults are what atsmatch ships.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from ..models.base import Frozen

__all__ = ["ContextRules"]

# Near an ambiguous tool, these show it is used as a skill ("Go programming", "proficient in R").
# Deliberately narrow: "skills", "software" or "development" stand near "excel at" too.
_CONTEXT_WORDS = frozenset(
    {
        "programming", "language", "languages", "proficient", "proficiency", "developer",
        "developers", "coding", "scripting", "framework", "frameworks", "library", "libraries",
        "certified", "experience", "knowledge",
    }
)  # fmt: skip
# Right after an ambiguous form, these show ordinary use: "excel at", "go to", "access to", "spark the".
_ORDINARY_USE_NEXT = frozenset(
    {
        "at", "to", "the", "a", "an", "our", "your", "their", "my", "his", "her", "its", "you",
        "up", "out", "back", "ahead", "beyond", "of", "off", "forward", "above",
    }
)  # fmt: skip
# Labels that open a skills list ("Skills: ...", "Languages | ...", "Tech stack - ...") and, alone on
# a line, head a list written one item per line ("Required Skills").
_LIST_LABELS = frozenset(
    {
        "skills", "skill", "languages", "language", "technologies", "technology", "tools", "tool",
        "stack", "frameworks", "software", "platforms", "proficiencies", "competencies",
        "expertise", "environment", "requirements", "qualifications", "libraries", "databases",
        "certifications", "programming", "tech", "technical", "keywords",
    }
)  # fmt: skip
_LABEL_ENDS = frozenset({":", "|", "-"})
_LIST_SEPARATORS = frozenset({",", "/", ";", "|", "&", "and", "or", "+"})
_BULLETS = frozenset({"-", "*", "•", "·", "▪", "◦", "‣", "–", "—", ">", "○", "●", "■", "□", "✓", "✔"})


def _lowered(words: frozenset[str]) -> frozenset[str]:
    if any(not w.strip() for w in words):
        raise ValueError("a word must not be empty or blank")
    return frozenset(w.strip().lower() for w in words)


class ContextRules(Frozen):
    """What confirms an ambiguous form, and what shows it is an ordinary word.

    Every word is compared lowercased, token by token (as ``extraction.tokenizer`` splits text).
    """

    context_words: frozenset[str] = Field(
        default=_CONTEXT_WORDS,
        description="Words that confirm an ambiguous tool within `context_window` tokens on its line",
    )
    context_window: int = Field(default=6, ge=0, le=50, description="Tokens either side, same line")
    ordinary_use_next: frozenset[str] = Field(
        default=_ORDINARY_USE_NEXT,
        description="A word right after an ambiguous form that shows ordinary use ('excel at', 'go to')",
    )
    list_labels: frozenset[str] = Field(
        default=_LIST_LABELS,
        description="Label words of a skills list ('Skills: a, b') or a one-per-line list's heading",
    )
    label_ends: frozenset[str] = Field(
        default=_LABEL_ENDS, description="Marks that end a list label within its line's first 5 tokens"
    )
    list_separators: frozenset[str] = Field(
        default=_LIST_SEPARATORS, description="Tokens between two items of a list on one line"
    )
    vertical_lists: bool = Field(
        default=True,
        description="Items of a list written one per line confirm each other, and its heading confirms them",
    )
    list_item_max_tokens: int = Field(
        default=6, ge=1, le=20, description="The most tokens a line of a one-per-line list may have"
    )
    bullets: frozenset[str] = Field(
        default=_BULLETS, description="Marks that may open a list item's line (not counted as tokens)"
    )

    @field_validator("context_words", "ordinary_use_next", "list_labels", "list_separators")
    @classmethod
    def _words_lowered(cls, words: frozenset[str]) -> frozenset[str]:
        return _lowered(words)

    @field_validator("label_ends", "bullets")
    @classmethod
    def _marks_not_blank(cls, marks: frozenset[str]) -> frozenset[str]:
        if any(not m.strip() for m in marks):
            raise ValueError("a mark must not be empty or blank")
        return frozenset(m.strip() for m in marks)
