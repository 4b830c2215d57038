"""One document through the extraction stages: structure, matcher, then the found skills.

The text is tokenized once (``Tokens``) and its structure read once; both are carried through the
stages instead of each stage finding them again. For a long text the cyclic garbage collector is
paused while its result objects are built: a full collection walks every live object (the compiled
lexicon's hundreds of thousands among them), and the collections a long text's objects trigger made
its cost grow faster than its length. Nothing the stages build forms reference cycles.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from ..models import Document, Extraction
from ..structure.layout import read_structure
from ..structure.vocabulary import HeadingVocabulary
from .found_skills import add_found_skills
from .matcher import Matcher
from .tagger import SkillTagger
from .tokens import Tokens
from .word_forms import WordForms

__all__ = ["PAUSE_COLLECTOR_CHARS", "extract_document"]

# Texts at least this long are extracted with the collector paused: a typical resume or posting
# (3-10 KB) never triggers a full collection, a 30 KB one already does.
PAUSE_COLLECTOR_CHARS = 20_000


def extract_document(
    document: Document,
    matcher: Matcher,
    *,
    headings: HeadingVocabulary | None = None,
    word_forms: WordForms | None = None,
    tagger: SkillTagger | None = None,
    lists: bool = True,
) -> Extraction:
    """Every skill in ``document``: its structure, the lexicon's matches, then word forms, the
    tagger's spans and list items (``found_skills``), as one ``Extraction``."""
    with _collector_paused(len(document.text) >= PAUSE_COLLECTOR_CHARS):
        structure = read_structure(
            document.text, headings, headline=document.headline, posting_data=document.posting_data
        )
        tokens = Tokens(document.text)  # found once: the matcher, word forms and lists read them
        found = matcher.extract(document, structure=structure, tokens=tokens)
        return add_found_skills(found, word_forms=word_forms, tagger=tagger, lists=lists, tokens=tokens)


@contextmanager
def _collector_paused(pause: bool) -> Iterator[None]:
    """The cyclic collector off for the block, if ``pause`` and it is on; back on after. A thread
    that finds it already off leaves it to whoever turned it off."""
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
