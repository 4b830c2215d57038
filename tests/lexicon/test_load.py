"""Lexicon loading, validation errors (with file, line and entry), merging, and derived variants."""

from __future__ import annotations

import os

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
        ("version: 2\nentries: []\n", "version 2 is not supported: 1 is the only lexicon format", 1, None),
        ("version: one\nentries: []\n", "version 'one' is not supported", 1, None),
        (ENTRY + "  - name: Go\n    category: hard_skill\n    group: made-up\n", "group 'made-up' is not one of the documented groups", 3, "Go"),
        (ENTRY + "  - name: Shouting\n    category: soft_skill\n    aliases: ['!!!']\n", "'!!!' has no letter or digit", 3, "Shouting"),
        (ENTRY + "  - name: '--'\n    category: soft_skill\n", "'--' has no letter or digit", 3, "--"),
        (ENTRY + "  - name: Dash\n    category: soft_skill\n    acronyms: ['-']\n", "'-' has no letter or digit", 3, "Dash"),
        # A billion laughs: nine lines of aliases that expand to 10^9 items, refused before expansion.
        ("lol: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(f"l{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)) + "entries: []\n",
         "aliases (*name) are not allowed", 1, None),
        ("extra_key:\n  x: &x [a]\n  y: *x\nentries: []\n", "aliases (*name) are not allowed", 2, None),  # under an unknown key too
        (ENTRY + "  - name: !!python/object/apply:os.system ['echo pwned']\n    category: hard_skill\n", "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed", 3, None),
        (ENTRY + "  - name: !!python/name:os.system\n    category: hard_skill\n", "is not allowed in a lexicon", 3, None),
        (ENTRY + "  - name: !!binary UHl0aG9u\n    category: hard_skill\n", "tag 'tag:yaml.org,2002:binary' is not allowed", 3, None),
        (ENTRY + "  - name: !custom Python\n    category: hard_skill\n", "tag '!custom' is not allowed", 3, None),
        ("version: 1\n\0entries: []\n", "contains NUL bytes", None, None),
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


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (ENTRY + "  - name: 2024-01-01 Release\n    category: hard_skill\n", "2024-01-01 Release"),
        (ENTRY + "  - name: C++\n    category: hard_skill\n", "C++"),  # punctuation beside a letter is fine
        (ENTRY + "  - name: '3D Printing'\n    category: hard_skill\n    group: manufacturing\n", "3D Printing"),
        (ENTRY + "  - name: Anchored\n    category: hard_skill\n    aliases: &unused [anchored thing]\n", "Anchored"),
    ],
)  # fmt: skip
def test_plain_yaml_still_loads(tmp_path, content, name):
    lexicon = load_lexicon([write(tmp_path, "ok.yaml", content)], include_default=False)
    assert [e.name for e in lexicon.entries] == [name]


def test_a_nul_byte_gives_one_line(tmp_path):
    with pytest.raises(LexiconError) as caught:
        load_lexicon([write(tmp_path, "bin.yaml", b"entries:\n\0\0\xff")], include_default=False)
    assert "\n" not in str(caught.value) and "NUL" in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "lexicon.yaml"
    os.mkfifo(fifo)  # opening it to read would wait for a writer forever
    with pytest.raises(LexiconError, match="is not a regular file"):
        load_lexicon([fifo], include_default=False)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_refused():
    with pytest.raises(LexiconError, match="is not a regular file"):
        load_lexicon(["/dev/zero"], include_default=False)


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(LexiconError, match="is not a regular file"):
        load_lexicon([tmp_path], include_default=False)


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
