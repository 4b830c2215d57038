"""Lexicon loading, validation errors (with file, line and entry), merging, and derived variants."""

from __future__ import annotations

import pytest

from atsmatch import LexiconError, load_lexicon

from ..conftest import MINI_LEXICON, write

ENTRY = "version: 1\nentries:\n"


@pytest.mark.parametrize(
    ("content", "message", "line", "entry"),
    [
        ("entries: [\n  - name: x\n", "is not valid YAML", 2, None),
        ("- just a list\n", "top level must be a mapping", 1, None),
        (ENTRY + "  - name: Python\n    category: hard_skill\n    alias: [py]\n", "unknown key 'alias'", 3, "Python"),
        (ENTRY + "  - name: Python\n    category: hardskill\n", "must be one of hard_skill, soft_skill, certification", 3, "Python"),
        (ENTRY + "  - category: hard_skill\n", "missing required key 'name'", 3, None),
        (ENTRY + "  - name: Go\n    category: hard_skill\n    ambiguous: [go]\n", "ambiguous form 'go' is not the name", 3, "Go"),
        (ENTRY + "  - name: Go\n    category: hard_skill\n    group: Programming Languages\n", "kebab-case", 3, "Go"),
        (
            ENTRY + "  - name: Python\n    category: hard_skill\n  - name: python\n    category: hard_skill\n",
            "appears twice", 3, "python",
        ),
        (
            ENTRY + "  - name: Kubernetes\n    category: hard_skill\n    aliases: [k8s]\n"
            "  - name: K8s Operator\n    category: hard_skill\n    aliases: [K8S]\n",
            "'k8s' is claimed by both 'Kubernetes' and 'K8s Operator'", 6, "K8s Operator",
        ),
        (ENTRY + "  - name: Python\n    category: hard_skill\n    related: [Django]\n", "'related' names 'Django'", 3, "Python"),
        ("version: 1\nextend:\n  - name: Nothing\n    aliases: [x]\n", "'extend' names an entry that no loaded lexicon defines", None, "Nothing"),
        ("version: 1\ndisable: [Nothing]\n", "'disable' names 'Nothing'", None, None),
        ("version: 1\nentries: {}\n", "'entries' must be a list", 1, None),
    ],
)  # fmt: skip
def test_invalid_lexicon_names_file_line_and_entry(tmp_path, content, message, line, entry):
    path = write(tmp_path, "bad.yaml", content)
    with pytest.raises(LexiconError) as caught:
        load_lexicon([path], include_default=False)
    error = caught.value
    assert message in str(error)
    assert str(path) in str(error)
    assert error.line == line
    assert error.entry == entry


def test_missing_and_undecodable_files(tmp_path):
    with pytest.raises(LexiconError, match="no such file"):
        load_lexicon([tmp_path / "absent.yaml"], include_default=False)
    with pytest.raises(LexiconError, match="not UTF-8"):
        load_lexicon(
            [write(tmp_path, "latin.yaml", "name: caf\xe9".encode("latin-1"))], include_default=False
        )


def test_user_file_adds_replaces_extends_and_disables(tmp_path):
    user = write(
        tmp_path,
        "mine.yaml",
        """version: 1
entries:
  - name: Airtable
    category: hard_skill
  - name: Docker
    category: hard_skill
    aliases: [docker engine]
extend:
  - name: Kubernetes
    aliases: [kube]
disable: [Leadership]
""",
    )
    lexicon = load_lexicon([MINI_LEXICON, user], include_default=False)
    assert lexicon.entry("Airtable") is not None
    assert lexicon.entry("docker").aliases == ("docker engine",)
    assert "kube" in lexicon.entry("Kubernetes").aliases
    assert "k8s" in lexicon.entry("Kubernetes").aliases
    assert lexicon.entry("Leadership") is None


def test_content_hash_changes_with_content(tmp_path, mini_lexicon):
    extra = write(tmp_path, "x.yaml", "entries:\n  - name: Airtable\n    category: hard_skill\n")
    assert load_lexicon([MINI_LEXICON], include_default=False).content_hash == mini_lexicon.content_hash
    assert (
        load_lexicon([MINI_LEXICON, extra], include_default=False).content_hash != mini_lexicon.content_hash
    )


def test_single_string_accepted_for_a_list(tmp_path):
    path = write(
        tmp_path, "one.yaml", "entries:\n  - name: Kubernetes\n    category: hard_skill\n    aliases: k8s\n"
    )
    assert load_lexicon([path], include_default=False).entry("Kubernetes").aliases == ("k8s",)
