"""Wording shared by the text and Markdown renderers, so both say the same thing."""

from __future__ import annotations

from collections.abc import Sequence

from ..models import Mention

CATEGORY_LABEL = {"hard_skill": "hard skill", "soft_skill": "soft skill", "certification": "certification"}
CATEGORY_PLURAL = {"hard_skill": "hard skills", "soft_skill": "soft skills", "certification": "certifications"}


def where(mentions: Sequence[Mention], limit: int = 3) -> str:
    """'line 3, 7, 12 (+2)' for a list of mentions."""
    lines = list(dict.fromkeys(m.line for m in mentions))
    shown = ", ".join(str(n) for n in lines[:limit])
    more = f" (+{len(lines) - limit})" if len(lines) > limit else ""
    return f"line{'s' if len(lines) > 1 else ''} {shown}{more}"


def phrasings(mentions: Sequence[Mention], limit: int = 2) -> str:
    """The distinct ways a keyword is written: '"ML", "machine learning"'."""
    texts = list(dict.fromkeys(m.text for m in mentions))
    shown = ", ".join(f'"{t}"' for t in texts[:limit])
    return shown + (f" (+{len(texts) - limit})" if len(texts) > limit else "")


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}%"
