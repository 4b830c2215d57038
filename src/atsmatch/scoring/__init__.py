"""Scoring: pure arithmetic over two extractions, and the advice that follows from it."""
