"""Small pure text normalisers, composed into ``normalise``, run once when a document is read.

After this step the text is never rewritten, so every offset the matcher reports indexes it.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "collapse_whitespace",
    "dehyphenate",
    "remove_invisible",
    "normalise",
    "normalise_newlines",
    "normalise_unicode",
    "unify_bullets",
    "unify_punctuation",
]

_PUNCTUATION = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\t": " ",
}  # fmt: skip
# Unicode's default-ignorable code points (soft hyphen, zero-width space and joiners, word joiner,
# invisible separators, bidi marks and controls, variation selectors, the combining grapheme
# joiner, Mongolian vowel separator, Hangul fillers, tag characters) and the interlinear
# annotation controls: invisible, yet they split a skill word ("Py\u2063thon") for the matcher.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)
# One regex over the few characters that change: str.translate looks up every character.
_PUNCTUATION_CHARS = re.compile("[" + "".join(_PUNCTUATION) + "]")
_BULLETS = re.compile(
    r"[\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7\u25cb\u2043\u27a2\u25ba\u2713\u2714\uf0b7\uf0a7]"
)
# Icon fonts in PDFs (phone, envelope, LinkedIn glyphs) land in the Private Use Area.
_PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")
_NEWLINE_CHARACTERS = "\r\f\v\u2028\u2029\x85"
# Every character a normaliser before ``collapse_whitespace`` changes.
_CHANGED_CHARACTERS = re.compile(
    "["
    + _NEWLINE_CHARACTERS
    + "".join(p.pattern[1:-1] for p in (_INVISIBLE, _PUNCTUATION_CHARS, _BULLETS, _PRIVATE_USE))
    + "]"
)
_HYPHEN_BREAK = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
_ODD_SPACE = re.compile(r"[\u2000-\u200a\u3000]")
_DOUBLE_SPACE = re.compile(r"  +")
_SPACE_AT_LINE_END = re.compile(r" \n ?|\n ")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_newlines(text: str) -> str:
    """CRLF, CR, form feeds and Unicode line separators become ``\\n``."""
    return re.sub(r"\r\n?|[\f\v\u2028\u2029\x85]", "\n", text)


def remove_invisible(text: str) -> str:
    """Invisible format characters go (zero-width space, joiners, soft hyphen, U+2063...)."""
    return _INVISIBLE.sub("", text) if _INVISIBLE.search(text) else text


def normalise_unicode(text: str) -> str:
    """NFKC: ligatures (ﬁ → fi), full-width letters and compatibility forms become plain letters."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)


def unify_punctuation(text: str) -> str:
    """Curly quotes and dashes become ASCII; odd spaces become spaces."""
    return _PUNCTUATION_CHARS.sub(lambda match: _PUNCTUATION[match.group()], text)


def unify_bullets(text: str) -> str:
    """Every bullet glyph becomes ``•``; private-use icon glyphs become a space."""
    return _PRIVATE_USE.sub(" ", _BULLETS.sub("•", text))


def dehyphenate(text: str) -> str:
    """Join words a PDF split at a line end (``manage-\\nment``); other hyphens stay."""
    return _HYPHEN_BREAK.sub("", text) if "-\n" in text else text


def collapse_whitespace(text: str) -> str:
    """One space between words, no trailing spaces, at most one blank line in a row."""
    # Most text has single plain spaces: find what changes before changing it (a regex that
    # matches every space costs ten times more).
    if _ODD_SPACE.search(text):
        text = _ODD_SPACE.sub(" ", text)
    if "  " in text:
        text = _DOUBLE_SPACE.sub(" ", text)
    if " \n" in text or "\n " in text:
        text = _SPACE_AT_LINE_END.sub("\n", text)
    if "\n\n\n" in text:
        text = _BLANK_LINES.sub("\n\n", text)
    return text.strip("\n ")


def normalise(text: str) -> str:
    """All normalisers in order; the one place a document's text is changed.

    Invisible characters go before NFKC (so what they separated composes), and words split at a
    line end are joined after whitespace is collapsed (so ``manage- \nment`` joins too): the
    result is a fixed point, ``normalise(normalise(t)) == normalise(t)``.
    """
    if not _needs_character_pass(text):
        return dehyphenate(collapse_whitespace(text))
    text = normalise_newlines(text)
    text = remove_invisible(text)
    text = normalise_unicode(text)
    text = unify_punctuation(text)
    text = unify_bullets(text)
    return dehyphenate(collapse_whitespace(text))


def _needs_character_pass(text: str) -> bool:
    """Whether any of the character normalisers would change ``text``: most text holds none of
    their characters, and one scan says so where five would."""
    if text.isascii():
        return "\r" in text or "\f" in text or "\v" in text or "\t" in text
    # NFKC may make characters the later steps change: only NFKC text may skip them all.
    return _CHANGED_CHARACTERS.search(text) is not None or not unicodedata.is_normalized("NFKC", text)
