"""Inputs: files as named, folders walked for document suffixes, '-' lists, each path once."""

from __future__ import annotations

import io
from pathlib import Path

from atsmatch.batch import expand_inputs


def _tree(root: Path) -> None:
    for name in ("b.pdf", "a.txt", "notes.xlsx", "photo.png", ".hidden.txt", "sub/c.docx", "sub/d.HTML",
                 "sub/deeper/e.md", ".git/f.txt", "no_suffix"):  # fmt: skip
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")


def test_folder_is_walked_for_documents_in_sorted_order(tmp_path):
    _tree(tmp_path)
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])]
    assert found == ["a.txt", "b.pdf", "sub/c.docx", "sub/d.HTML", "sub/deeper/e.md"]


def test_named_files_are_kept_whatever_their_name_and_missing_ones_too(tmp_path):
    _tree(tmp_path)
    named = [tmp_path / "no_suffix", tmp_path / "photo.png", tmp_path / "gone.pdf"]
    assert expand_inputs(named) == named


def test_stdin_list_mixes_with_arguments_and_duplicates_are_dropped(tmp_path):
    _tree(tmp_path)
    listing = f"# resumes\n{tmp_path / 'a.txt'}\n\n{tmp_path / 'sub'}\n  {tmp_path / 'b.pdf'}  \n"
    found = expand_inputs([tmp_path / "b.pdf", "-"], stdin=io.StringIO(listing))
    assert [p.name for p in found] == ["b.pdf", "a.txt", "c.docx", "d.HTML", "e.md"]


def test_nothing_in_an_empty_folder(tmp_path):
    assert expand_inputs([tmp_path]) == []
