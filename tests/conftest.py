"""Shared fixtures: a small test-only lexicon, so curating the shipped one never breaks unit tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from atsmatch import Analyzer, load_lexicon

TESTS = Path(__file__).parent
DATA = TESTS / "data"
FIXTURES = TESTS / "fixtures"
EXAMPLES = TESTS.parent / "examples"
MINI_LEXICON = DATA / "mini_lexicon.yaml"


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """The CLI's lexicon cache goes to a temporary folder, never the user's home."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
        yield


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
