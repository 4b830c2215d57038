"""Near-misses stay bounded: distinct n-grams only, a cap on comparisons, the same hits as before."""

from __future__ import annotations

from atsmatch.extraction.near_miss import _ngrams, find_near_misses
from atsmatch.extraction.tokenizer import tokenize


def entries(analyzer, *names):
    return [analyzer.lexicon.entry(name) for name in names]


def test_a_misspelling_is_found_with_its_place(mini_analyzer):
    resume = mini_analyzer.extract("Deployed services on Kubernets clusters.\nWrote Terrafrom modules.")
    hits = {h.name: h for h in find_near_misses(resume, entries(mini_analyzer, "Kubernetes", "Terraform"))}
    assert set(hits) == {"Kubernetes", "Terraform"}
    kube = hits["Kubernetes"].mention
    assert (kube.text, kube.line) == ("Kubernets", 1)
    assert resume.text[kube.start : kube.end] == kube.text
    assert hits["Terraform"].mention.line == 2


def test_repeated_words_are_one_candidate():
    text = "kubernets " * 1000 + "\nterrafrom modules"
    grams = _ngrams(text, tokenize(text), set())
    assert grams[1][0] == ["kubernets", "terrafrom", "modules"]
    assert grams[2][0] == ["kubernets kubernets", "terrafrom modules"]
    assert grams[1][1][0] == (0, 0), "the first occurrence is the one reported"


def test_the_first_occurrence_is_reported(mini_analyzer):
    resume = mini_analyzer.extract("Python\nKubernets here\nand Kubernets there")
    (hit,) = find_near_misses(resume, entries(mini_analyzer, "Kubernetes"))
    assert hit.mention.line == 2


def test_a_cap_on_comparisons_bounds_the_search(mini_analyzer):
    # Many distinct words before the misspelling: with a small cap only the first n-grams are searched.
    filler = " ".join(f"word{i}" for i in range(300))
    resume = mini_analyzer.extract(filler + "\nKubernets")
    missing = entries(mini_analyzer, "Kubernetes")
    assert [h.name for h in find_near_misses(resume, missing)] == ["Kubernetes"]
    assert find_near_misses(resume, missing, max_comparisons=100) == []


def test_ngrams_neither_start_nor_end_on_a_function_word():
    # "to engineering" once passed for a misspelt "data engineers" (similarity 86.7).
    text = "moved from research to engineering of data systems"
    grams = {g for strings, _ in _ngrams(text, tokenize(text), set()).values() for g in strings}
    assert "engineering" in grams and "data systems" in grams
    assert not {g for g in grams if g.split()[0] in {"to", "of", "from"} or g.split()[-1] in {"to", "of"}}
