"""The compiled table shipped in the wheel: up to date with data/skill_lexicon.yaml and the code
that compiles it (a stale one fails here, so CI catches it), equal to compiling afresh, and used.

Rebuild it with ``python -m atsmatch.lexicon.build``.
"""

from __future__ import annotations

import gzip
from importlib import resources

from atsmatch.lexicon import build
from atsmatch.lexicon import shipped as shipped_module
from atsmatch.lexicon.cache import load_form_table
from atsmatch.lexicon.shipped import SHIPPED_TABLE, load_shipped_table, shipped_key
from atsmatch.lexicon.stored import dump_table
from atsmatch.lexicon.table import build_form_table

STALE = "the shipped table is stale: run python -m atsmatch.lexicon.build and commit it"


def _shipped_bytes() -> bytes:
    return resources.files("atsmatch.lexicon").joinpath("compiled", SHIPPED_TABLE).read_bytes()


def test_the_shipped_table_is_up_to_date():
    assert load_shipped_table() is not None, STALE


def test_the_shipped_table_is_what_compiling_the_yaml_gives(shipped_lexicon):
    # Byte for byte: the build is deterministic, and the file is plain gzipped JSON (portable).
    compiled = dump_table(build_form_table(shipped_lexicon), shipped_key())
    assert gzip.decompress(_shipped_bytes()) == compiled, STALE
    header = compiled.split(b"\n", 1)[0]
    assert header.startswith(b'{"format": "atsmatch-form-table"') and shipped_key().encode() in header
    assert load_shipped_table().lexicon_hash == shipped_lexicon.content_hash


def test_the_built_in_lexicon_compiles_no_yaml(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the built-in lexicon was compiled from YAML")

    monkeypatch.setattr("atsmatch.lexicon.cache.load_lexicon", refuse)
    assert load_form_table([], None).entry("Python") is not None


def test_a_stale_shipped_table_is_not_used(monkeypatch, mini_lexicon):
    monkeypatch.setattr(shipped_module, "shipped_key", lambda: "some-other-lexicon")
    assert load_shipped_table() is None
    monkeypatch.setattr("atsmatch.lexicon.cache.load_lexicon", lambda extra, include_default: mini_lexicon)
    assert load_form_table([], None).lexicon_hash == mini_lexicon.content_hash  # compiled instead


def test_check_command(capsys):
    assert build.main(["--check"]) == 0
    assert "is up to date" in capsys.readouterr().out
    assert build.main(["--nonsense"]) == 2
