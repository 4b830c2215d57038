"""Phrases only the trained tagger found are scored only when they read as keywords."""

from __future__ import annotations

import pytest

from atsmatch.extraction.names import keyword_like


@pytest.mark.parametrize(
    ("phrase", "expected", "why"),
    [
        ("generative modeling", True, "a field, lowercase"),
        ("probabilistic modeling", True, "a field"),
        ("production deployment", True, "a noun phrase"),
        ("JPA2", True, "one word written as a name"),
        ("Wicket", True, "a capitalised tool"),
        ("engineering management", True, "an -ing word that names a field"),
        ("developing web application", False, "a duty in the gerund"),
        ("ensure the technical feasibility of", False, "a duty verb, a function word last"),
        ("build reusable code", False, "an imperative duty"),
        ("mentor two junior engineer", False, "a duty: mentoring is the lexicon's skill"),
        ("review code", False, "a duty"),
        ("writing well-designed, efficient, and testable code", False, "a sentence"),
        ("popular web framework", False, "a vague adjective first"),
        ("modern", False, "one generic lowercase word"),
        ("production environment", False, "the job's setting, not a skill"),
        ("managing", False, "one generic lowercase word"),
        ("and testing", False, "a function word first"),
        ("fjordline logistics - oslo", False, "a company and a city joined by a dash"),
        ("", False, "nothing"),
    ],
)
def test_keyword_like(phrase, expected, why):
    assert keyword_like(phrase) is expected, why


POSTING = """Front End Engineer
Requirements
- Experience with generative modeling for images.
- Ensure the technical feasibility of UI designs and build reusable code.
"""


def test_duty_phrases_are_ignored_not_required(full_analyzer):
    reading = full_analyzer.read_posting(POSTING)
    scored = {k.keyword.name for k in reading.keywords}
    ignored = {k.name: k.reason for k in reading.analysis.ignored_keywords}
    tagged = {k.name for k in reading.extraction.keywords if k.source == "tagger"}
    # Whatever the tagger marks, a duty is never a requirement and always says why it was left out.
    for name in tagged:
        if keyword_like(name):
            continue
        assert name not in scored
        assert ignored[name] == "not_keyword_like"
    assert not any(name.lower().startswith(("ensure", "build reusable")) for name in scored)
