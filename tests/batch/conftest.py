"""Small realistic batches: resumes made from the test resume with skills taken out or swapped,
postings from the test postings, written to a tmp folder by code."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from atsmatch.batch import BatchSettings

from ..conftest import DATA

SWAPS = [("Python", "Java"), ("Kubernetes", "Terraform"), ("Docker", "Ansible"), ("SQL", "MongoDB"),
         ("Airflow", "Jenkins"), ("Spark", "Hadoop"), ("AWS", "Azure")]  # fmt: skip


def resume_variants(count: int, seed: int = 13) -> list[str]:
    """``count`` different resumes: the test resume with a few lines dropped and skills swapped."""
    base = (DATA / "resume.txt").read_text().split("\n")
    rng = random.Random(seed)
    out = []
    for number in range(count):
        lines = [line for line in base if not line.startswith("- ") or rng.random() > 0.3]
        text = "\n".join(lines)
        for old, new in rng.sample(SWAPS, k=number % len(SWAPS)):
            text = text.replace(old, new)
        out.append(f"Candidate {number}\n{text}")
    return out


@pytest.fixture(scope="session")
def resume_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("resumes")
    for number, text in enumerate(resume_variants(12)):
        sub = folder / ("senior" if number % 3 == 0 else "junior")
        sub.mkdir(exist_ok=True)
        (sub / f"resume_{number:02}.txt").write_text(text)
    return folder


@pytest.fixture(scope="session")
def batch_settings(mini_lexicon) -> BatchSettings:
    """The mini lexicon, no tagger: what a batch does with rows is the point here, not which
    keywords the shipped lexicon finds (each worker compiles the mini lexicon in milliseconds)."""
    return BatchSettings(lexicon=mini_lexicon, tagger=False)


POSTING = DATA / "posting.txt"
POSTINGS = sorted((DATA / "postings").glob("*.txt")) + [POSTING]


def run_cli(*args, input: str | None = None):
    """``atsmatch ARGS`` in this process (typer's runner): the CLI's own plumbing, no new process."""
    from typer.testing import CliRunner

    from atsmatch.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], input=input)


@pytest.fixture(scope="session")
def ranked_folder(resume_folder):
    """``atsmatch rank POSTING resume_folder -f json`` (one job, no tagger), run once: the rows
    every other format and ``--top`` are compared with."""
    result = run_cli("rank", POSTING, resume_folder, "-j", "1", "-f", "json", "--no-tagger")
    assert result.exit_code == 0, result.output
    return result
