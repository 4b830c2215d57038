"""Train the skill tagger on SkillSpan's training split and write the model atsmatch ships.

    pip install -e ".[train]"
    nice -n 10 python training/train_tagger.py [--train PATH] [--dev PATH] [--out PATH]
                                               [--c1 X] [--c2 X] [--iterations N]

Each posting is rebuilt as the evaluation rebuilds it (tokens joined by spaces, sentences by line
breaks), read by atsmatch's own tokenizer and lexicon matcher (tagger off), and every line becomes a
training sequence: the features of ``atsmatch.extraction.tagger_features`` (the lexicon's mentions
among them) and one joint label per token (``B-K``/``I-K`` Knowledge, ``B-S``/``I-S`` Skill, ``O``;
Knowledge where both stand). python-crfsuite trains a linear-chain CRF (L-BFGS, L1 + L2); its
non-zero weights are written as gzipped JSON to ``src/atsmatch/extraction/data/skill_tagger.json.gz``,
which ``SkillTagger`` applies in pure Python. The dev split is tagged both by crfsuite and by
``SkillTagger`` (they must agree) and scored, strictly and loosely, per tag.

The data lives beside the repository (``../shared/eval/skillspan``), never inside it; SkillSpan is
MIT-licensed (Zhang et al., NAACL 2022).
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "eval" / "skillspan"
MODEL = REPO / "src" / "atsmatch" / "extraction" / "data" / "skill_tagger.json.gz"
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO))  # evaluation/ lives beside src/


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--train", type=Path, default=DATA / "train.jsonl")
    parser.add_argument("--dev", type=Path, default=DATA / "dev.jsonl")
    parser.add_argument("--out", type=Path, default=MODEL)
    parser.add_argument("--c1", type=float, default=0.05, help="L1 penalty (sparsity: model size)")
    parser.add_argument("--c2", type=float, default=0.05, help="L2 penalty")
    parser.add_argument("--iterations", type=int, default=100)
    return parser.parse_args(argv)


def token_labels(posting, extraction, spans) -> list[str]:
    """One joint label per atsmatch token of ``extraction.text``, from the posting's gold spans."""
    from evaluation import align_texts

    alignment = None if extraction.text == posting.text else align_texts(posting.text, extraction.text)
    owner = [None] * (len(posting.text) + 1)
    # Skill first, Knowledge over it: where both stand, Knowledge is kept.
    for tag, letter in (("skill", "S"), ("knowledge", "K")):
        for number, span in enumerate(posting.gold[tag]):
            start, end = posting.char_range(span)
            for char in range(start, end):
                owner[char] = (letter, number)
    labels, previous = [], None
    for start, end in spans:
        if alignment is not None:
            start, end = alignment.original_range(start, end)
        found = next((owner[c] for c in range(start, end) if owner[c] is not None), None)
        if found is None:
            labels.append("O")
        else:
            labels.append(("I-" if found == previous else "B-") + found[0])
        previous = found
    return labels


def sequences(postings, analyzer, *, with_labels: bool = True):
    """``(words, features, labels)`` for every non-empty line of every posting."""
    from atsmatch.extraction.tagger_features import lexicon_tags, line_features
    from atsmatch.extraction.tokenizer import line_starts, tokenize

    for posting in postings:
        extraction = analyzer.extract(posting.text)
        spans = tokenize(extraction.text)
        tags = lexicon_tags(extraction, spans)
        labels = token_labels(posting, extraction, spans) if with_labels else ["O"] * len(spans)
        starts = line_starts(extraction.text)
        lines: dict[int, list[int]] = {}
        for index, (start, _) in enumerate(spans):
            lines.setdefault(bisect.bisect_right(starts, start), []).append(index)
        for indices in lines.values():
            words = [extraction.text[spans[i][0] : spans[i][1]] for i in indices]
            yield words, line_features(words, [tags[i] for i in indices]), [labels[i] for i in indices]


def export(model_path: str, out: Path, meta: dict) -> dict:
    """The crfsuite model's non-zero weights as ``SkillTagger`` reads them."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(model_path)
    info = tagger.info()
    labels = sorted(info.labels, key=info.labels.get)
    index = {label: i for i, label in enumerate(labels)}
    transitions = [[0.0] * len(labels) for _ in labels]
    for (before, after), weight in info.transitions.items():
        transitions[index[before]][index[after]] = round(weight, 4)
    # attribute → [label, weight, label, weight, ...]: flat lists parse twice as fast as pairs.
    state: dict[str, list[float]] = {}
    for (attribute, label), weight in info.state_features.items():
        if abs(weight) >= 1e-4:
            state.setdefault(attribute, []).extend((index[label], round(weight, 4)))
    from atsmatch.extraction.tagger_features import FEATURES_VERSION

    data = {**meta, "features_version": FEATURES_VERSION, "labels": labels,
            "transitions": transitions, "state": state}  # fmt: skip
    out.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same weights give the same bytes, so the model's hash is its content's.
    out.write_bytes(gzip.compress(json.dumps(data, separators=(",", ":")).encode(), mtime=0))
    return data


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.train.is_file():
        print(f"SkillSpan training data not found at {args.train}; nothing to do")
        return 0
    import pycrfsuite
    from evaluation import read_bio_jsonl

    import atsmatch
    from atsmatch.extraction.tagger import SkillTagger

    started = time.perf_counter()
    lexicon_only = atsmatch.Analyzer(tagger=False)
    trainer = pycrfsuite.Trainer(verbose=False)
    count = 0
    for _, features, labels in sequences(read_bio_jsonl(args.train), lexicon_only):
        trainer.append(features, labels)
        count += 1
    trainer.set_params({"c1": args.c1, "c2": args.c2, "max_iterations": args.iterations,
                        "feature.possible_transitions": True})  # fmt: skip
    print(f"{count} training lines read in {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        crf_path = str(Path(folder) / "tagger.crfsuite")
        trainer.train(crf_path)
        print(f"trained in {time.perf_counter() - started:.1f} s")
        meta = {"trained_on": "SkillSpan train (Zhang et al., NAACL 2022, MIT)", "lexicon_hash":
                lexicon_only.lexicon.content_hash, "c1": args.c1, "c2": args.c2,
                "iterations": args.iterations}  # fmt: skip
        data = export(crf_path, args.out, meta)
        if args.dev.is_file():
            check_agreement(crf_path, args.out, read_bio_jsonl(args.dev), lexicon_only)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(data['state'])} attributes)")
    if args.dev.is_file():
        from evaluation import evaluate, format_table

        union = atsmatch.Analyzer(tagger=SkillTagger.load(args.out))
        print("SkillSpan dev, lexicon + tagger:")
        print(format_table(evaluate(read_bio_jsonl(args.dev), union.extract)))
    return 0


def check_agreement(crf_path: str, model: Path, dev, analyzer) -> None:
    """crfsuite and ``SkillTagger`` must give the same labels: the export is exact."""
    import pycrfsuite

    from atsmatch.extraction.tagger import SkillTagger

    reference = pycrfsuite.Tagger()
    reference.open(crf_path)
    ours = SkillTagger.load(model)
    lines = differ = 0
    for words, features, _ in sequences(dev, analyzer, with_labels=False):
        lines += 1
        lexicon = [f[6][3:] for f in features]  # "lx=" feature, always the 7th
        if reference.tag(features) != ours.tag_line(words, lexicon):
            differ += 1
    print(f"crfsuite and SkillTagger disagree on {differ} of {lines} dev lines")


if __name__ == "__main__":
    sys.exit(main())
