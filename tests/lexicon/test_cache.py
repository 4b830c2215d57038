"""The compiled-lexicon cache: same results as no cache, rebuilt when a file changes or is damaged."""

from __future__ import annotations

from atsmatch import Analyzer
from atsmatch.lexicon.cache import load_form_table

from ..conftest import write

TEXT = "Skills: Python, Go, Kubernetes, NLP and Airtable"


def test_cached_table_matches_like_a_fresh_one(tmp_path):
    fresh = Analyzer().extract(TEXT)
    first = Analyzer(cache_dir=tmp_path).extract(TEXT)  # builds and writes the cache
    assert len(list(tmp_path.glob("lexicon-*.marshal"))) == 1
    second = Analyzer(cache_dir=tmp_path).extract(TEXT)  # reads it
    assert fresh == first == second


def test_a_changed_user_lexicon_gets_a_new_entry(tmp_path):
    mine = write(tmp_path, "mine.yaml", "entries:\n  - name: Airtable\n    category: hard_skill\n")
    cache = tmp_path / "cache"
    assert load_form_table([mine], cache).entry("Airtable") is not None
    mine.write_text("entries:\n  - name: Zorblax\n    category: hard_skill\n", encoding="utf-8")
    table = load_form_table([mine], cache)
    assert table.entry("Zorblax") is not None and table.entry("Airtable") is None
    assert len(list(cache.glob("lexicon-*.marshal"))) == 2


def test_a_damaged_cache_file_is_rebuilt(tmp_path):
    load_form_table([], tmp_path)
    (path,) = tmp_path.glob("lexicon-*.marshal")
    path.write_bytes(b"not marshal data")
    assert load_form_table([], tmp_path).entry("Python") is not None
    assert path.read_bytes() != b"not marshal data"


def test_an_unwritable_cache_dir_only_costs_time(tmp_path):
    blocker = write(tmp_path, "file", "not a directory")
    assert Analyzer(cache_dir=blocker / "cache").extract("Python").keyword("Python") is not None
