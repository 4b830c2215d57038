"""Extraction against the mini lexicon: a case table of positives and negatives, then invariants."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

import pytest

from atsmatch import Analyzer, Document
from atsmatch.models import Confirmation, Mention

# (text, expected canonical names, names that must not match, why)
CASES = [
    ("Python, SQL and Docker", {"Python", "SQL", "Docker"}, set(), "plain names"),
    ("PYTHON and python3", {"Python"}, set(), "case-insensitive names, aliases"),
    ("Natural Language Processing (NLP)", {"Natural Language Processing"}, set(), "name with acronym"),
    ("NLP", {"Natural Language Processing"}, set(), "acronym alone"),
    ("nlp", set(), {"Natural Language Processing"}, "acronyms are case-sensitive"),
    ("Py Torch, pytorch and PyTorch", {"PyTorch"}, set(), "CamelCase split variant"),
    ("Node.js or NodeJS or node js", {"Node.js"}, set(), "dotted names and aliases"),
    ("REST APIs", {"REST API"}, set(), "plural of a phrase"),
    ("machine-learning", {"Machine Learning"}, set(), "hyphenated variant"),
    ("scikit learn and sklearn", {"scikit-learn"}, set(), "hyphen dropped, alias"),
    ("C++ and C#", {"C++", "C#"}, {"C"}, "the longest match wins over ambiguous C"),
    (".NET developers", {".NET"}, set(), "leading dot"),
    ("Languages: Python, Go, R", {"Python", "Go", "R"}, set(), "ambiguous forms in a list"),
    ("Go programming", {"Go"}, set(), "context word"),
    ("Skills: Go", {"Go"}, set(), "skills-list label"),
    ("Built services in Go with goroutines", {"Go"}, set(), "entry's own context word"),
    ("Golang", {"Go"}, set(), "unambiguous alias"),
    ("Let's go!", set(), {"Go"}, "lowercase go"),
    ("python, go and golang-free rust", {"Python", "Go"}, set(), "lowercase go between listed tools"),
    ("go home, then Python", {"Python"}, {"Go"}, "no list separator"),
    ("skills: aws, docker", {"Amazon Web Services", "Docker"}, set(), "lowercase acronym in a list"),
    ("aws", set(), {"Amazon Web Services"}, "lowercase acronym alone"),
    ("Go to the office", set(), {"Go"}, "capitalised go, ordinary use"),
    ("Go-to-market strategy with Python", {"Python"}, {"Go"}, "hyphenated compound"),
    ("R&D budget", set(), {"R"}, "R inside R&D"),
    ("John R. Smith", set(), {"R"}, "an initial"),
    ("Plan C was chosen", set(), {"C"}, "a letter"),
    ("Embedded C and Python", {"C", "Python"}, set(), "C confirmed"),
    ("spark joy", set(), {"Apache Spark"}, "lowercase spark"),
    ("Spark a conversation", set(), {"Apache Spark"}, "capitalised Spark, ordinary use"),
    ("Spark and Hadoop clusters", {"Apache Spark"}, set(), "Spark with its context"),
    ("Apache Spark", {"Apache Spark"}, set(), "unambiguous full name"),
    ("Excel at communication", {"Communication"}, {"Microsoft Excel"}, "excel as a verb"),
    ("Advanced Excel (VLOOKUP, pivot tables)", {"Microsoft Excel"}, set(), "Excel with context"),
    ("MS Excel", {"Microsoft Excel"}, set(), "unambiguous alias"),
    ("Swift response times", set(), {"Swift"}, "swift as an adjective"),
    ("Swift and SwiftUI on iOS", {"Swift"}, set(), "Swift confirmed"),
    ("detail-oriented team player", {"Attention to Detail"}, set(), "soft skill alias"),
    ("Bachelor's degree in CS", {"Bachelor's Degree"}, set(), "degree"),
    ("M.Sc. Statistics", {"Master's Degree"}, set(), "dotted degree"),
    ("PMP certified", {"Project Management Professional"}, set(), "certification acronym"),
]


@pytest.mark.parametrize(("text", "expected", "must_not", "why"), CASES, ids=[c[3] for c in CASES])
def test_extraction_cases(mini_analyzer: Analyzer, text, expected, must_not, why):
    names = {k.name for k in mini_analyzer.extract(text).keywords}
    assert expected <= names, why
    assert not (must_not & names), why


@pytest.mark.parametrize("text", [c[0] for c in CASES])
def test_every_mention_slices_back_to_its_text(mini_analyzer: Analyzer, text):
    extraction = mini_analyzer.extract(text)
    for keyword in extraction.keywords:
        for mention in keyword.mentions:
            assert extraction.text[mention.start : mention.end] == mention.text
            assert extraction.text.count("\n", 0, mention.start) + 1 == mention.line


@pytest.mark.parametrize(
    ("text", "name", "confirmed_by", "says"),
    [
        (
            "Languages: Python, Go",
            "Go",
            Confirmation(kind="neighbour", keyword="Python"),
            "listed with 'Python'",
        ),
        (
            "Go programming",
            "Go",
            Confirmation(kind="context_word", word="programming"),
            "context word 'programming'",
        ),
        ("Skills: Go", "Go", Confirmation(kind="list_label", word="Skills:"), "skills list 'Skills:'"),
        (
            "Spark on Databricks",
            "Apache Spark",
            Confirmation(kind="context_word", word="Databricks"),
            "context word 'Databricks'",
        ),
    ],
)
def test_ambiguous_matches_explain_their_confirmation(mini_analyzer, text, name, confirmed_by, says):
    keyword = mini_analyzer.extract(text).keyword(name)
    assert keyword is not None
    assert keyword.mentions[0].confirmed_by == confirmed_by
    assert str(keyword.mentions[0].confirmed_by) == says


def test_confirmation_is_readable_json(mini_analyzer):
    mention = mini_analyzer.extract("Languages: Python, Go").keyword("Go").mentions[0]
    assert json.loads(mention.model_dump_json())["confirmed_by"] == {
        "kind": "neighbour",
        "word": None,
        "keyword": "Python",
    }
    assert Mention.model_validate_json(mention.model_dump_json()) == mention


def test_confirmation_does_not_cross_lines(mini_analyzer):
    assert mini_analyzer.extract("Python\nGo to the store").keyword("Go") is None


def test_mentions_grouped_in_order_of_first_mention(mini_analyzer):
    extraction = mini_analyzer.extract("Docker here.\nPython there, then docker again and DOCKER.")
    assert [k.name for k in extraction.keywords] == ["Docker", "Python"]
    docker = extraction.keywords[0]
    assert docker.count == 3
    assert [m.line for m in docker.mentions] == [1, 2, 2]
    assert [m.rule for m in docker.mentions] == ["name", "name", "name"]


def test_mention_records_rule_and_form(mini_analyzer):
    keyword = mini_analyzer.extract("k8s and Py Torch").keyword("Kubernetes")
    assert (keyword.mentions[0].rule, keyword.mentions[0].form) == ("alias", "k8s")
    torch = mini_analyzer.extract("Py Torch").keyword("PyTorch")
    assert (torch.mentions[0].rule, torch.mentions[0].form) == ("variant", "Py Torch")


def test_matcher_is_built_once_and_reused(mini_lexicon, monkeypatch):
    from atsmatch import compiled as compiled_module

    built = []

    class CountingMatcher(compiled_module.Matcher):
        def __init__(self, *args, **kwargs):
            built.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(compiled_module, "Matcher", CountingMatcher)
    analyzer = Analyzer(lexicon=mini_lexicon)
    assert built == []  # nothing compiled until a document needs it
    for text in ("Python", "Docker and Go programming", "NLP"):
        analyzer.extract(text)
    analyzer.score("Python", "Python and Docker")
    assert len(built) == 1 and analyzer.matcher is built[0]


def test_threads_sharing_a_matcher_get_the_same_results(mini_analyzer):
    documents = [Document(text=c[0] * 20, format="text") for c in CASES]
    alone = [mini_analyzer.matcher.extract(d) for d in documents]
    with ThreadPoolExecutor(max_workers=4) as pool:
        for _ in range(3):
            assert list(pool.map(mini_analyzer.matcher.extract, documents)) == alone


def test_a_form_never_matches_across_a_line_break(mini_analyzer):
    extraction = mini_analyzer.extract(
        "We use Apache\nSpark jobs and Machine\nLearning models.\nApache Spark"
    )
    spark = extraction.keyword("Apache Spark")
    assert [m.text for m in spark.mentions] == ["Apache Spark"]
    assert extraction.keyword("Machine Learning") is None
    for keyword in extraction.keywords:
        assert all("\n" not in m.text for m in keyword.mentions)


def test_a_chain_of_listed_tools_confirms_to_its_end(mini_analyzer):
    # Each lowercase tool is confirmed by the one before it; the chain must not stop after a few.
    text = "python, " + ", ".join(["go", "aws"] * 6)
    names = {k.name: k.count for k in mini_analyzer.extract(text).keywords}
    assert names == {"Python": 1, "Go": 6, "Amazon Web Services": 6}
