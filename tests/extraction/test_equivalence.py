"""The matcher's output is pinned: same keywords, categories, mention offsets, rules, forms and
confirmations as before the rewrite of issue 12, on the project's fixtures and on SkillSpan.

Two checks:

* a committed golden file (``tests/data/golden/extraction_equivalence.jsonl``): the fixtures read by
  the readers, extracted with the mini lexicon (stable while the shipped lexicon is curated);
* a live comparison with ``legacy_matcher.LegacyMatcher`` (the spaCy matcher as it was), with the
  shipped lexicon and sections: on the fixtures always, on the SkillSpan dev split when
  ``../shared`` is there (skipped otherwise).

Script mode::

    python tests/extraction/test_equivalence.py --skillspan      # live comparison, prints differences
    python tests/extraction/test_equivalence.py --fuzz           # and on 3,000 random texts
    python tests/extraction/test_equivalence.py --update-golden  # rewrite the golden file (say why in
                                                                 # the commit: only for a named bug fix)
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from atsmatch import Analyzer, Document, load_lexicon
from atsmatch.errors import AtsmatchError
from atsmatch.extraction.context import ContextRules
from atsmatch.extraction.matcher import Matcher
from atsmatch.lexicon.table import build_form_table
from atsmatch.readers import read_document
from atsmatch.structure.headings import find_sections

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
GOLDEN = TESTS / "data" / "golden" / "extraction_equivalence.jsonl"
MINI_LEXICON = TESTS / "data" / "mini_lexicon.yaml"
# ../shared beside the checkout (or beside the folder of worktrees).
SKILLSPAN_DEV = (
    next(
        (p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
        REPO.parent / "shared",
    )
    / "eval"
    / "skillspan"
    / "dev.jsonl"
)
FIXTURE_GLOBS = (
    "tests/data/*.txt",
    "tests/data/postings/*.txt",
    "examples/*.txt",
    "examples/*.pdf",
    "examples/*.docx",
    "tests/fixtures/*.pdf",
    "tests/fixtures/*.docx",
    "tests/fixtures/*.html",
    "tests/fixtures/latin1.txt",
)
# Rules of today's matcher only: the one-per-line list rule (issue 8, class 5) is new behaviour.
TODAYS_RULES = ContextRules(vertical_lists=False)


def keywords_of(extraction) -> list[tuple]:
    """An extraction as plain tuples, the shape ``LegacyMatcher.extract`` returns."""
    return [
        (
            k.name,
            k.category,
            k.group,
            tuple(
                (m.text, m.start, m.end, m.line, m.rule, m.form,
                 None if m.confirmed_by is None else str(m.confirmed_by), m.section)
                for m in k.mentions
            ),
        )
        for k in extraction.keywords
    ]  # fmt: skip


def fixture_documents() -> Iterator[tuple[str, Document]]:
    """Every fixture the readers accept, by its path inside the repository."""
    for pattern in FIXTURE_GLOBS:
        for path in sorted(REPO.glob(pattern)):
            try:
                yield path.relative_to(REPO).as_posix(), read_document(path)
            except AtsmatchError:
                continue  # the fixtures of refusals (encrypted, image-only...) have no keywords


def skillspan_documents(path: Path = SKILLSPAN_DEV) -> list[tuple[str, Document]]:
    """SkillSpan postings: a posting's sentence tokens joined with spaces, its sentences with newlines."""
    postings: dict[tuple[str, int], list[str]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            postings.setdefault((record["source"], record["idx"]), []).append(" ".join(record["tokens"]))
    return [
        (f"skillspan:{source}:{idx}", Document(text="\n".join(sentences), format="text"))
        for (source, idx), sentences in postings.items()
    ]


def golden_records(matcher: Matcher) -> list[dict]:
    records = []
    for name, document in fixture_documents():
        extraction = matcher.extract(document)
        records.append(
            {
                "document": name,
                "text_sha256": hashlib.sha256(document.text.encode()).hexdigest(),
                "keywords": json.loads(json.dumps(keywords_of(extraction))),
            }
        )
    return records


def mini_matcher(rules: ContextRules = TODAYS_RULES) -> Matcher:
    return Matcher(build_form_table(load_lexicon([MINI_LEXICON], include_default=False)), context_rules=rules)


def live_differences(documents: list[tuple[str, Document]], table, rules: ContextRules = TODAYS_RULES):
    """(document name, legacy keywords, new keywords) for every document where they differ."""
    from tests.extraction.legacy_matcher import LegacyMatcher

    legacy, new = LegacyMatcher(table), Matcher(table, context_rules=rules)
    differences = []
    for name, document in documents:
        sections = find_sections(document.text)
        before = legacy.extract(document, sections=sections)
        after = keywords_of(new.extract(document, sections=sections))
        if before != after:
            differences.append((name, before, after))
    return differences


# --- the tests ---------------------------------------------------------------------------------


def test_fixtures_match_the_golden_file():
    expected = {r["document"]: r for r in map(json.loads, GOLDEN.read_text(encoding="utf-8").splitlines())}
    actual = {r["document"]: r for r in golden_records(mini_matcher())}
    assert sorted(actual) == sorted(expected), "fixtures added or removed: rerun with --update-golden"
    for name, record in actual.items():
        assert record["text_sha256"] == expected[name]["text_sha256"], (
            f"{name}: the reader's text changed, so offsets moved; check the live comparison, then "
            "rerun with --update-golden"
        )
        assert record["keywords"] == expected[name]["keywords"], name


@pytest.fixture(scope="module")
def shipped_table(full_analyzer: Analyzer):
    return full_analyzer.matcher.table


def test_fixtures_match_the_legacy_matcher_live(shipped_table):
    assert live_differences(list(fixture_documents()), shipped_table) == []


@pytest.mark.skipif(not SKILLSPAN_DEV.exists(), reason="needs ../shared/eval/skillspan/dev.jsonl")
def test_skillspan_dev_matches_the_legacy_matcher_live(shipped_table):
    documents = skillspan_documents()
    assert len(documents) > 50
    differences = live_differences(documents, shipped_table)
    assert [name for name, _, _ in differences] == []


# Words that exercise every rule: ambiguous forms, lowercase list-only forms, labels, separators,
# forms split by a line break, same-token forms, case-sensitive acronyms, non-ASCII lowercasing.
_FUZZ_WORDS = (
    "Go", "go", "Spark", "python", "aws", "Skills:", "Languages:", "Airflow", "Apache", "Apache Spark",
    "Machine\nLearning", "Machine Learning", "R", "Excel", "at", "the", "\n", "-", "•", ",", "and", "/",
    "C++", "C", "Swift", "experience", "programming", "Docker", "k8s", "Kubernetes", "SQL", "REST APIs",
    "CI/CD pipelines", "XAML", "xaml", "İ", "Σ",
)  # fmt: skip


def fuzz_documents(count: int, seed: int = 5) -> list[tuple[str, Document]]:
    import random

    rng = random.Random(seed)
    documents = []
    for number in range(count):
        words = [rng.choice(_FUZZ_WORDS) for _ in range(rng.randint(1, 50))]
        text = rng.choice([" ", "\n", ", "]).join(words)
        documents.append((f"fuzz:{number}", Document(text=text, format="text")))
    return documents


def test_random_texts_match_the_legacy_matcher_live(shipped_table):
    assert [name for name, _, _ in live_differences(fuzz_documents(300), shipped_table)] == []


def main(argv: list[str]) -> int:
    if "--update-golden" in argv:
        records = golden_records(mini_matcher())
        GOLDEN.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        print(f"wrote {len(records)} documents to {GOLDEN.relative_to(REPO)}")
        return 0
    documents = list(fixture_documents())
    if "--skillspan" in argv:
        if not SKILLSPAN_DEV.exists():
            print(f"skipped: {SKILLSPAN_DEV} is absent")
            return 0
        documents += skillspan_documents()
    if "--fuzz" in argv:
        documents += fuzz_documents(3000)
    table = Analyzer().matcher.table
    differences = live_differences(documents, table)
    for name, before, after in differences:
        print(f"--- {name}\n  legacy: {before}\n  new:    {after}")
    print(f"{len(documents) - len(differences)} of {len(documents)} documents identical")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO))
    sys.exit(main(sys.argv[1:]))
