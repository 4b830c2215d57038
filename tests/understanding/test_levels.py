"""One rule for a span's level: its clause, then its line's label, then its section."""

from __future__ import annotations

import pytest

from atsmatch.understanding.levels import clause_around, level_at

# (text, the span, the section kind it stands in, expected level, why)
CASES = [
    ("Experience with PyTorch or TensorFlow is a strong plus", "PyTorch", "required", "preferred", "'a strong plus'"),
    ("- (Not Required): IPv4, IPv6", "IPv6", "required", "preferred", "the line's label"),
    ("Nice to have: Go", "Go", "required", "preferred", "an inline label in a required section"),
    ("3+ years of Kubernetes is a must", "Kubernetes", "preferred", "required", "'must' beats the section"),
    ("3+ years of Kubernetes is a must", "3+ years", "preferred", "required", "years get the same level"),
    ("Docker is required, and Helm would be a plus", "Helm", "unspecified", "preferred", "its own clause"),
    ("Docker is required, and Helm would be a plus", "Docker", "unspecified", "required", "its own clause"),
    ("Kafka is not required but nice", "Kafka", "required", "preferred", "'not required' is preferred"),
    ("PMP is a\nbonus.", "PMP", "unspecified", "preferred", "a sentence wrapped by the page"),
    ("Minimum 3 years in SRE, ideally at a bank", "SRE", "unspecified", "required", "', ideally' is the next clause"),
    ("Experience with feature stores (Feast or Tecton) is a bonus", "feature stores", "required", "preferred",
     "the words after the brackets"),
    ("Experience with feature stores (Feast or Tecton) is a bonus", "Tecton", "required", "preferred",
     "the words after the brackets, inside them"),
    ("Python (3.10 or newer) is a must", "Python", "preferred", "required", "a must after the brackets"),
    # Negative rows: no marker, so the section decides.
    ("AWS (S3, EMR) experience, preferred in fintech", "AWS", "required", "required",
     "the words after the brackets name no level verb"),
    ("You will run Kubernetes clusters", "Kubernetes", "responsibilities", "unspecified", "a duty"),
    ("- Terraform", "Terraform", "preferred", "preferred", "a bullet in Nice to have"),
    ("- SQL", "SQL", "skills", "required", "a bullet under Skills"),
    ("We use Node.js. Python is a plus", "Node.js", "overview", "unspecified", "'Node.js' does not end a sentence"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "span", "kind", "expected", "why"), CASES, ids=[c[4] for c in CASES])
def test_level_at(text, span, kind, expected, why):
    start = text.index(span)
    assert level_at(text, start, start + len(span), kind) == expected, why


def test_clause_stops_at_and_but_and_dash():
    text = "Python is required - Rust, but only a little"
    assert clause_around(text, 0, 6) == "Python is required"
    assert clause_around(text, text.index("Rust"), text.index("Rust") + 4) == "Rust"
