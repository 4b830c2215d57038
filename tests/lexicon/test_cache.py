"""The compiled-lexicon cache: same table as compiling, and anything odd in it ignored and rebuilt.

The mini lexicon stands in for a user's file (``include_default=False``): what is under test is the
cache, not the shipped lexicon, and the mini one compiles in milliseconds.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from atsmatch.lexicon import load_lexicon
from atsmatch.lexicon.cache import MAX_CACHED_TABLES, default_cache_dir, load_form_table
from atsmatch.lexicon.stored import dump_table
from atsmatch.lexicon.table import build_form_table

from ..conftest import MINI_LEXICON, write


def _load(cache_dir, *extra):
    return load_form_table([MINI_LEXICON, *extra], cache_dir, include_default=False)


def _compiled(*extra):
    return build_form_table(load_lexicon([MINI_LEXICON, *extra], include_default=False))


def _same(table, other) -> bool:
    return table.to_json() == other.to_json()


def test_a_cached_table_equals_a_compiled_one(tmp_path):
    first = _load(tmp_path)  # compiles and writes
    (path,) = tmp_path.glob("lexicon-*.json")
    second = _load(tmp_path)  # reads
    assert _same(first, _compiled()) and _same(second, _compiled())
    assert second is not first and path.exists()


def test_a_changed_user_lexicon_gets_a_new_entry(tmp_path):
    mine = write(tmp_path, "mine.yaml", "entries:\n  - name: Airtable\n    category: hard_skill\n")
    cache = tmp_path / "cache"
    assert _load(cache, mine).entry("Airtable") is not None
    mine.write_text("entries:\n  - name: Zorblax\n    category: hard_skill\n", encoding="utf-8")
    table = _load(cache, mine)
    assert table.entry("Zorblax") is not None and table.entry("Airtable") is None
    assert len(list(cache.glob("lexicon-*.json"))) == 2


def _planted_for_another_lexicon(path, key):
    other = build_form_table(
        load_lexicon(
            [write(path.parent, "x.yaml", "entries:\n  - name: Evil\n    category: hard_skill\n")],
            include_default=False,
        )
    )  # noqa: E501
    return dump_table(other, "another-key")


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda path, data: b"not a table at all", id="foreign"),
        pytest.param(lambda path, data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda path, data: data.replace(b'"Python"', b'"Pythom"', 1), id="altered-payload"),
        pytest.param(lambda path, data: _planted_for_another_lexicon(path, None), id="planted-other-key"),
        pytest.param(lambda path, data: data.split(b"\n")[0] + b"\n{}", id="wrong-shape-and-hash"),
        pytest.param(lambda path, data: b"", id="empty"),
    ],
)
def test_a_damaged_cache_file_is_ignored_and_rebuilt(tmp_path, damage):
    _load(tmp_path)
    (path,) = tmp_path.glob("lexicon-*.json")
    original = path.read_bytes()
    path.write_bytes(damage(path, original))
    table = _load(tmp_path)
    assert _same(table, _compiled()) and table.entry("Evil") is None
    assert path.read_bytes() == original  # rewritten whole


def test_a_wrong_shaped_payload_with_a_matching_hash_is_refused(tmp_path):
    import hashlib
    import json

    _load(tmp_path)
    (path,) = tmp_path.glob("lexicon-*.json")
    header = json.loads(path.read_bytes().split(b"\n", 1)[0])
    payload = json.dumps({"entries": [], "forms": [[5, "x", "name", False, False, False]]}).encode()
    header["sha256"] = hashlib.sha256(payload).hexdigest()
    path.write_bytes(json.dumps(header).encode() + b"\n" + payload)
    assert _same(_load(tmp_path), _compiled())


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_at_the_cache_path_is_not_read(tmp_path):
    _load(tmp_path)
    (path,) = tmp_path.glob("lexicon-*.json")
    path.unlink()
    os.mkfifo(path)  # reading it would block forever
    assert _same(_load(tmp_path), _compiled())
    assert stat.S_ISREG(path.stat().st_mode)  # replaced by the rebuilt table


def test_new_folders_are_private(tmp_path):
    cache = tmp_path / "a" / "b" / "atsmatch"
    _load(cache)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", cache):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    (path,) = cache.glob("lexicon-*.json")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_old_tables_and_legacy_files_are_cleaned(tmp_path):
    legacy = write(tmp_path, "lexicon-0123.marshal", b"old format")
    for number in range(MAX_CACHED_TABLES + 3):
        _load(
            tmp_path,
            write(
                tmp_path,
                f"mine{number}.yaml",
                f"entries:\n  - name: Skill{number}\n    category: hard_skill\n",
            ),
        )  # noqa: E501
    assert len(list(tmp_path.glob("lexicon-*.json"))) == MAX_CACHED_TABLES
    assert not legacy.exists()


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_means_compiling_in_memory(tmp_path):
    tmp_path.chmod(0o500)
    try:
        assert _same(_load(tmp_path / "cache"), _compiled())
    finally:
        tmp_path.chmod(0o700)


def test_a_file_where_the_folder_should_be_means_compiling_in_memory(tmp_path):
    blocker = write(tmp_path, "file", "not a directory")
    assert _same(_load(blocker / "cache"), _compiled())


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux's /proc")
def test_a_location_no_one_can_write_means_compiling_in_memory():
    # /proc refuses new folders even to root, unlike a chmod-ed one.
    assert _same(_load(Path("/proc/self/atsmatch-cache")), _compiled())


@pytest.mark.parametrize(
    ("xdg", "expected"),
    [
        ("/srv/cache", "/srv/cache/atsmatch"),
        ("relative/cache", "~/.cache/atsmatch"),  # the XDG spec: relative paths are invalid
        ("", "~/.cache/atsmatch"),
    ],
)
def test_default_cache_dir_follows_xdg(monkeypatch, xdg, expected):
    monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    assert str(default_cache_dir()) == os.path.expanduser(expected)
