import pytest

from atsmatch.extraction.tokenizer import token_texts, tokenize


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("C++, C# and .NET", ["C++", ",", "C#", "and", ".NET"]),
        ("Node.js.", ["Node.js", "."]),
        ("R&D at AT&T", ["R&D", "at", "AT&T"]),
        ("Bachelor's degree", ["Bachelor's", "degree"]),
        ("CI/CD; scikit-learn", ["CI", "/", "CD", ";", "scikit", "-", "learn"]),
        ("5+ years", ["5+", "years"]),
        ("ASP.NET Core", ["ASP.NET", "Core"]),
        ("", []),
    ],
)
def test_tokens(text, tokens):
    assert token_texts(text) == tokens


@pytest.mark.parametrize("text", ["Python, SQL and\nC++ (5+ yrs) • k8s", "  leading and trailing  "])
def test_spans_slice_back_to_tokens(text):
    assert [text[s:e] for s, e in tokenize(text)] == token_texts(text)
