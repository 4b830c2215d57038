"""Extraction: one tokenizer, the compiled lexicon matcher with its context rules, near-misses.

Importing this package loads nothing; spaCy is imported when a ``Matcher`` is built.
"""
