"""Mentions that ask nothing of the candidate: partner teams, the employer about itself."""

from __future__ import annotations

import pytest

from atsmatch.understanding.addressee import not_asked


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Collaborate with user research, design, data science and product management.", "data science", "partner_function"),
        ("You will work closely with Finance and Procurement to plan budgets.", "Procurement", "partner_function"),
        ("Our machine learning approach blends Spark and TensorFlow.", "TensorFlow", "about_the_company"),
        ("We have a team in software development in Lisbon.", "software development", "about_the_company"),
        ("At Globex, we run everything on Kubernetes.", "Kubernetes", "about_the_company"),
        # Negative rows: these ask something of the candidate.
        ("Collaborate with designers using Figma every day.", "Figma", None),
        ("Experience working with Python and SQL.", "Python", None),
        ("We're looking for someone with Kafka experience.", "Kafka", None),
        ("We'd love you to know Rust.", "Rust", None),
        ("Our stack: Go, Postgres and Kafka.", "Go", None),
        ("You will build services in Go.", "Go", None),
    ],
)  # fmt: skip
def test_not_asked(text, span, expected):
    start = text.index(span)
    assert not_asked(text, start, start + len(span)) == expected
