"""schema.org ``JobPosting`` from a page's JSON-LD: title, company, description and requirements.

Most job boards embed one. The description is itself HTML, converted to text by the caller's
function. Blocks that are too large or not valid JSON are skipped: they never fail the page.
"""

from __future__ import annotations

import html as html_entities
import json
from collections.abc import Callable, Iterator
from typing import Any

import lxml.html

from ..models import JobPostingData

__all__ = ["job_posting_data"]

_MAX_BLOCK_CHARS = 1_000_000
_MAX_NODES = 10_000  # objects visited per page, against deeply nested or huge graphs


def job_posting_data(root: lxml.html.HtmlElement, to_text: Callable[[str], str]) -> JobPostingData | None:
    """The first ``JobPosting`` in the page's ``application/ld+json`` scripts, or None."""
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        source = script.text or ""
        if len(source) > _MAX_BLOCK_CHARS:
            continue
        try:
            parsed = json.loads(source)
        except (ValueError, RecursionError):
            continue
        for node in _objects(parsed):
            if "JobPosting" in _types(node):
                return _posting(node, to_text)
    return None


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in ``value``, breadth first, without recursion."""
    queue, seen = [value], 0
    while queue and seen < _MAX_NODES:
        item = queue.pop(0)
        seen += 1
        if isinstance(item, dict):
            yield item
            queue.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            queue.extend(v for v in item if isinstance(v, (dict, list)))


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _posting(node: dict[str, Any], to_text: Callable[[str], str]) -> JobPostingData:
    description = _string(node.get("description"))
    if description and "<" not in description and "&lt;" in description:
        description = html_entities.unescape(description)  # HTML escaped inside the JSON string
    organisation = node.get("hiringOrganization")
    company = _string(organisation.get("name")) if isinstance(organisation, dict) else _string(organisation)
    return JobPostingData(
        title=_plain(_string(node.get("title"))),
        company=_plain(company),
        description=(to_text(description).strip() or None) if description else None,
        skills=_strings(node.get("skills"), to_text),
        qualifications=_strings(node.get("qualifications"), to_text),
        education_requirements=_strings(node.get("educationRequirements"), to_text),
        experience_requirements=_strings(node.get("experienceRequirements"), to_text),
        employment_type=_strings(node.get("employmentType"), to_text),
    )


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _plain(value: str | None) -> str | None:
    return " ".join(html_entities.unescape(value).split()) if value else None


def _strings(value: Any, to_text: Callable[[str], str]) -> tuple[str, ...]:
    """Texts of a string, a list of strings, or schema.org objects (credentialCategory, months)."""
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items[:100]:
        if isinstance(item, dict):
            months = item.get("monthsOfExperience")
            item = (
                item.get("credentialCategory")
                or item.get("name")
                or item.get("description")
                or (f"{months} months" if isinstance(months, (int, float, str)) and months != "" else None)
            )
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        if isinstance(item, str) and item.strip():
            text = to_text(item) if "<" in item else _plain(item) or ""
            found.extend(part.strip() for part in text.split("\n") if part.strip())
    return tuple(found)
