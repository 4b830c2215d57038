"""The skill tagger's labels are pinned: the vectorised ``SkillTagger`` gives the label of
``legacy_tagger.LegacyTagger`` (the pure-Python tagger before issue 12, same weights) to every token,
and the same spans.

Each document goes through ``Analyzer()`` as usual; the extraction the tagger is handed is recorded
and both taggers label it. In the suite: the project's fixtures always, SkillSpan dev when
``../shared`` is there (skipped otherwise).

Script mode (``../shared`` absent: says so and exits 0)::

    python tests/extraction/test_tagger_equivalence.py               # fixtures, SkillSpan dev and train
    python tests/extraction/test_tagger_equivalence.py --dump F.json  # every token's label, to compare
    python tests/extraction/test_tagger_equivalence.py --compare F.json   # ... after a change

``--dump``/``--compare`` pin the model file as well as the algorithm (a format change must keep
every weight); the live comparison pins the algorithm alone.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
REPO = TESTS.parent
if __name__ == "__main__":  # script mode: make ``tests`` importable
    sys.path.insert(0, str(REPO))

from atsmatch import Analyzer, Document  # noqa: E402
from atsmatch.extraction.tagger import SkillTagger  # noqa: E402
from atsmatch.models import Extraction  # noqa: E402
from tests.extraction.legacy_tagger import LegacyTagger  # noqa: E402
from tests.extraction.test_equivalence import SKILLSPAN_DEV, fixture_documents  # noqa: E402
from tests.extraction.test_equivalence import skillspan_documents as _skillspan  # noqa: E402

SKILLSPAN = SKILLSPAN_DEV.parent  # ../shared/eval/skillspan, as the matcher's equivalence finds it
_LETTERS = {"O": "O", "B-K": "K", "I-K": "k", "B-S": "S", "I-S": "s"}  # one character per label


def skillspan_documents(split: str) -> list[tuple[str, Document]]:
    """A split's postings as bench.py builds them, named ``skillspan-<split>:<source>:<idx>``."""
    return [
        (name.replace("skillspan:", f"skillspan-{split}:", 1), document)
        for name, document in _skillspan(SKILLSPAN / f"{split}.jsonl")
    ]


class RecordingTagger:
    """Tags as ``tagger`` does and keeps every extraction it was handed."""

    def __init__(self, tagger: SkillTagger) -> None:
        self.tagger = tagger
        self.seen: list[Extraction] = []

    def tag(self, extraction: Extraction):
        self.seen.append(extraction)
        return self.tagger.tag(extraction)


def tagger_inputs(
    documents: list[tuple[str, Document]], tagger: SkillTagger
) -> Iterator[tuple[str, Extraction]]:
    """Each document's extraction as ``Analyzer()`` hands it to the tagger."""
    recorder = RecordingTagger(tagger)
    analyzer = Analyzer(tagger=recorder)  # type: ignore[arg-type]
    for name, document in documents:
        recorder.seen.clear()
        analyzer.extract(document)
        yield name, recorder.seen[0]


def token_labels(tagger, extraction: Extraction) -> str:
    """The tagger's label of every token, one letter each."""
    return "".join(_LETTERS[label] for label in tagger.token_labels(extraction))


def differences(documents: list[tuple[str, Document]], tagger: SkillTagger) -> tuple[int, list[str]]:
    """(tokens compared, one line per document where the taggers differ)."""
    legacy = LegacyTagger.from_tagger(tagger)
    tokens, found = 0, []
    for name, extraction in tagger_inputs(documents, tagger):
        before, after = token_labels(legacy, extraction), token_labels(tagger, extraction)
        tokens += len(before)
        spans_before = [(s.start, s.end, s.tag) for s in legacy.tag(extraction)]
        spans_after = [(s.start, s.end, s.tag) for s in tagger.tag(extraction)]
        if before != after or spans_before != spans_after:
            changed = sum(a != b for a, b in zip(before, after, strict=False)) + abs(len(before) - len(after))
            found.append(
                f"{name}: {changed} of {len(before)} tokens differ; spans equal: {spans_before == spans_after}"
            )
    return tokens, found


# --- the tests ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tagger() -> SkillTagger:
    return SkillTagger.load()


def test_fixtures_get_the_legacy_labels(tagger):
    documents = list(fixture_documents())
    assert len(documents) > 20
    tokens, found = differences(documents, tagger)
    assert tokens > 5_000
    assert found == []


@pytest.mark.skipif(not (SKILLSPAN / "dev.jsonl").exists(), reason="needs ../shared/eval/skillspan/dev.jsonl")
def test_skillspan_dev_gets_the_legacy_labels(tagger):
    documents = skillspan_documents("dev")
    assert len(documents) > 50
    assert differences(documents, tagger)[1] == []


@pytest.mark.parametrize(
    "words, lexicon",
    [
        ([], []),
        (["Python"], ["B-hard_skill"]),
        (["Experience", "with", "stochastic", "calculus", "."], ["O"] * 5),
        (["strong", "communication", "skills", "and", "SQL", "unknownword123"],
         ["O", "B-soft_skill", "O", "O", "B-hard_skill", "O"]),
    ],
)  # fmt: skip
def test_one_line_gets_the_legacy_labels(tagger, words, lexicon):
    assert tagger.tag_line(words, lexicon) == LegacyTagger.from_tagger(tagger).tag_line(words, lexicon)


# --- script mode --------------------------------------------------------------------------------


def all_documents() -> list[tuple[str, Document]]:
    documents = list(fixture_documents())
    for split in ("dev", "train"):
        if (SKILLSPAN / f"{split}.jsonl").exists():
            documents += skillspan_documents(split)
        else:
            print(f"SkillSpan {split} not found at {SKILLSPAN}; skipping it")
    return documents


def dump(tagger: SkillTagger, documents: list[tuple[str, Document]]) -> dict[str, dict]:
    """Every document's token labels and spans, as the tagger gives them."""
    return {
        name: {
            "labels": token_labels(tagger, extraction),
            "spans": [[s.start, s.end, s.tag] for s in tagger.tag(extraction)],
        }
        for name, extraction in tagger_inputs(documents, tagger)
    }


def float_lines(tagger: SkillTagger) -> set[tuple]:
    """The distinct lines ``tagger`` sends to its float search (exact ties), as it tags."""
    lines: set[tuple] = set()
    search = tagger._float_path

    def recorded(words, tags):
        lines.add((tuple(words), tuple(tags)))
        return search(words, tags)

    tagger._float_path = recorded  # type: ignore[method-assign]
    return lines


def main(argv: list[str]) -> int:
    tagger = SkillTagger.load()
    documents = all_documents()
    if "--dump" in argv:
        path = Path(argv[argv.index("--dump") + 1])
        path.write_text(json.dumps(dump(tagger, documents)), encoding="utf-8")
        print(f"wrote the labels of {len(documents)} documents to {path}")
        return 0
    if "--compare" in argv:
        before = json.loads(Path(argv[argv.index("--compare") + 1]).read_text(encoding="utf-8"))
        after = dump(tagger, documents)
        tokens = sum(len(d["labels"]) for d in before.values())
        changed = [
            (name, sum(a != b for a, b in zip(before[name]["labels"], record["labels"], strict=False)))
            for name, record in after.items()
            if name in before and before[name] != record
        ]
        missing = sorted(set(before) ^ set(after))
        print(f"{len(after)} documents, {tokens} tokens: {len(changed)} documents differ, "
              f"{sum(n for _, n in changed)} tokens; {len(missing)} documents in only one run")  # fmt: skip
        for name, count in changed[:20]:
            print(f"  {name}: {count} tokens")
        return 1 if changed or missing else 0
    tied = float_lines(tagger)
    tokens, found = differences(documents, tagger)
    print(f"{len(documents)} documents, {tokens} tokens: {len(found)} documents differ from the legacy "
          f"tagger; {len(tied)} distinct lines went to the float search (exact ties)")  # fmt: skip
    for line in found[:20]:
        print("  " + line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
