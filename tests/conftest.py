"""Shared fixtures: a small test-only lexicon, so curating the shipped one never breaks unit tests;
the shipped one parsed once; and one CLI Analyzer per distinct setting for the whole session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from atsmatch import Analyzer, load_lexicon
from atsmatch.cli import batch, document, posting
from atsmatch.cli.app import build_analyzer as real_build_analyzer

TESTS = Path(__file__).parent
DATA = TESTS / "data"
FIXTURES = TESTS / "fixtures"
EXAMPLES = TESTS.parent / "examples"
MINI_LEXICON = DATA / "mini_lexicon.yaml"


def pytest_collection_modifyitems(items):
    """Spark's tests first: a parallel run (pytest-xdist, a file per worker) then starts its JVM
    and Python workers while the other worker goes through the rest, instead of at the end."""
    items.sort(key=lambda item: not item.nodeid.startswith("tests/spark/"))


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """The CLI's lexicon cache goes to a temporary folder, never the user's home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def _shared_build_analyzer():
    """The CLI's ``build_analyzer``, run once per distinct setting (options, extra lexicons by
    content, cache environment) and reused: building the shipped lexicon's matcher is half of an
    in-process CLI run (0.2 s of 0.4), and in-process CLI tests are about what the commands print
    and exit with. tests/cli/test_cli_process.py and tests/lexicon/test_cache.py run the whole
    start-up for real."""
    built: dict[tuple, object] = {}

    def build_analyzer(lexicons: list[Path] | None, max_mib: float, *, tagger: bool = True):
        key = (
            tuple((str(p), Path(p).read_bytes() if Path(p).is_file() else None) for p in lexicons or ()),
            max_mib,
            tagger,
            os.environ.get("ATSMATCH_NO_CACHE"),
            os.environ.get("XDG_CACHE_HOME"),
        )
        if key not in built:
            # Not cached when it raises: a bad lexicon or option fails in every test that gives it.
            built[key] = real_build_analyzer(lexicons, max_mib, tagger=tagger)
        return built[key]

    return build_analyzer


@pytest.fixture(autouse=True)
def _one_analyzer_per_setting(monkeypatch, _shared_build_analyzer):
    for module in (document, posting, batch):
        monkeypatch.setattr(module, "build_analyzer", _shared_build_analyzer)


@pytest.fixture(scope="session")
def mini_lexicon():
    return load_lexicon([MINI_LEXICON], include_default=False)


@pytest.fixture(scope="session")
def mini_analyzer(mini_lexicon) -> Analyzer:
    # Lexicon only: retraining the tagger or mining lists must not change what unit tests see
    # (tests/extraction/test_found_skills.py tests those stages on the shipped lexicon).
    return Analyzer(lexicon=mini_lexicon, tagger=False, lists=False)


@pytest.fixture(scope="session")
def shipped_lexicon():
    """The shipped lexicon as parsed from data/skill_lexicon.yaml, once per session (about a second)."""
    return load_lexicon(from_yaml=True)


@pytest.fixture(scope="session")
def full_analyzer() -> Analyzer:
    """The shipped lexicon, every pattern compiled: for the few integration tests."""
    return Analyzer()


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    """A file in tmp_path with this content (str as UTF-8)."""
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path
