"""Measure a spaCy ``ner`` on a tok2vec without pretrained vectors against the shipped CRF tagger.

    nice -n 10 python training/compare_spacy_ner.py [--train PATH] [--dev PATH] [--epochs N]

Same data and labels as ``train_tagger.py`` (atsmatch tokens, one joint label per token, lines as
sequences; Knowledge where both tags stand), but spaCy's ner sees only the words: no lexicon
features. Prints SkillSpan dev strict and loose figures for the ner alone, its training time, model
size on disk and tagging speed, to compare with ``benchmarks/eval_skillspan.py``'s "tagger only".
Nothing is written into the package: the CRF ships (see docs/evaluation.md for why).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "training"))

from train_tagger import DATA, sequences  # noqa: E402


def to_doc(nlp, words, labels):
    from spacy.tokens import Doc

    ents = [
        "O" if label == "O" else label[:2] + {"K": "KNOWLEDGE", "S": "SKILL"}[label[2:]] for label in labels
    ]
    return Doc(nlp.vocab, words=words, ents=ents)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=DATA / "train.jsonl")
    parser.add_argument("--dev", type=Path, default=DATA / "dev.jsonl")
    parser.add_argument("--epochs", type=int, default=8)
    args = parser.parse_args(argv)
    if not args.train.is_file():
        print(f"SkillSpan data not found at {args.train}; nothing to do")
        return 0
    import spacy
    from evaluation import evaluate, format_table, read_bio_jsonl
    from spacy.training import Example

    import atsmatch
    from atsmatch.models import Keyword, Mention

    lexicon_only = atsmatch.Analyzer(tagger=False, lists=False)
    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    for label in ("KNOWLEDGE", "SKILL"):
        ner.add_label(label)
    examples = []
    for words, _, labels in sequences(read_bio_jsonl(args.train), lexicon_only):
        doc = to_doc(nlp, words, labels)
        examples.append(Example(to_doc(nlp, words, ["O"] * len(words)), doc))
    started = time.perf_counter()
    optimizer = nlp.initialize(lambda: examples)
    for epoch in range(args.epochs):
        random.Random(epoch).shuffle(examples)
        losses: dict = {}
        for start in range(0, len(examples), 32):
            nlp.update(examples[start : start + 32], sgd=optimizer, losses=losses, drop=0.2)
        print(f"epoch {epoch + 1}: loss {losses['ner']:.0f} ({time.perf_counter() - started:.0f} s)")
    seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        nlp.to_disk(folder)
        size = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())

    from atsmatch.extraction.tokenizer import line_starts, tokenize

    tagging = [0.0]

    def extract(text):
        extraction = lexicon_only.extract(text)
        spans = tokenize(extraction.text)
        starts = line_starts(extraction.text)
        keywords = []
        began = time.perf_counter()
        index = 0
        for line in range(len(starts)):
            end_char = starts[line + 1] if line + 1 < len(starts) else len(extraction.text) + 1
            line_spans = []
            while index < len(spans) and spans[index][0] < end_char:
                line_spans.append(spans[index])
                index += 1
            if not line_spans:
                continue
            from spacy.tokens import Doc

            doc = nlp(Doc(nlp.vocab, words=[extraction.text[s:e] for s, e in line_spans]))
            for ent in doc.ents:
                start, end = line_spans[ent.start][0], line_spans[ent.end - 1][1]
                keywords.append(
                    Keyword(
                        name=f"{start}", category="hard_skill" if ent.label_ == "KNOWLEDGE" else "soft_skill",
                        source="tagger",
                        mentions=(Mention(text=extraction.text[start:end], start=start, end=end, line=1,
                                          rule="tagger", form=ent.label_.lower()),),
                    )
                )  # fmt: skip
        tagging[0] += time.perf_counter() - began
        return extraction.model_copy(update={"keywords": tuple(keywords)})

    dev = read_bio_jsonl(args.dev)
    print("spaCy ner alone, SkillSpan dev:")
    print(format_table(evaluate(dev, extract)))
    print(f"trained in {seconds:.0f} s; model {size / 1e6:.1f} MB on disk; "
          f"{1000 * tagging[0] / len(dev):.1f} ms per posting")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
