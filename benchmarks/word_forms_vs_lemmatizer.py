"""How often the word-form rules (extraction/word_forms.py) agree with spaCy's English lookup
lemmatizer, for every verb form they derive from the shipped lexicon's soft skills.

    python benchmarks/word_forms_vs_lemmatizer.py PATH

PATH is spacy-lookups-data's ``en_lemma_lookup.json.gz``, or the package's wheel (98 MB, which is
why atsmatch uses rules rather than depending on it): ``pip download --no-deps spacy-lookups-data``.
A derived form agrees when the table's lemma of it is the verb it was derived from; forms absent
from the table are listed (they never match a real word, so they cost nothing but are noise).
"""

from __future__ import annotations

import gzip
import json
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MEMBER = "spacy_lookups_data/data/en_lemma_lookup.json.gz"


def read_lookup(path: Path) -> dict[str, str]:
    raw = zipfile.ZipFile(path).read(MEMBER) if path.suffix == ".whl" else path.read_bytes()
    return json.loads(gzip.decompress(raw))


def derived_verbs(table) -> set[str]:
    """The verbs the word-form rules inflect, as ``WordForms`` finds them."""
    from atsmatch.extraction.word_forms import _stems, with_ing_form

    verbs: set[str] = set()
    for entry in table.entries:
        if entry[1] != "soft_skill":
            continue
        words = entry[0].lower().split()
        if len(words) == 1:
            verbs.update(_stems(words[0]))
        written = {a.lower() for a in entry[3] if a not in set(entry[5])}
        for alias in written:
            first, _, rest = alias.partition(" ")
            if rest and with_ing_form(first, rest, written):
                verbs.add(first)
    return verbs


def main(argv: list[str]) -> int:
    if not argv or not Path(argv[0]).is_file():
        print(__doc__.split("\n\n")[1].strip())
        return 0
    sys.path.insert(0, str(REPO / "src"))
    import atsmatch
    from atsmatch.extraction.word_forms import verb_forms

    lookup = read_lookup(Path(argv[0]))
    verbs = derived_verbs(atsmatch.Analyzer(tagger=False)._form_table())
    agree, differ, absent = 0, [], []
    for verb in sorted(verbs):
        for form in verb_forms(verb):
            lemma = lookup.get(form)
            if lemma == verb:
                agree += 1
            elif lemma is None:
                absent.append(form)
            else:
                differ.append(f"{form} → {lemma} (rules: {verb})")
    total = agree + len(differ) + len(absent)
    print(f"{len(verbs)} verbs, {total} derived forms: {agree} agree with the lookup lemmatizer, "
          f"{len(differ)} differ, {len(absent)} absent from its table")  # fmt: skip
    for line in differ:
        print("  differs:", line)
    if absent:
        print("  absent:", ", ".join(absent))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
