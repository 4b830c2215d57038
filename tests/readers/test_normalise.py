import pytest

from atsmatch.readers.normalise import (
    collapse_whitespace,
    dehyphenate,
    normalise,
    normalise_newlines,
    normalise_unicode,
    remove_invisible,
    unify_bullets,
    unify_punctuation,
)


@pytest.mark.parametrize(
    ("function", "raw", "expected"),
    [
        (normalise_newlines, "a\r\nb\rc\fd", "a\nb\nc\nd"),
        (normalise_unicode, "ﬁnance ﬂow", "finance flow"),
        (normalise_unicode, "ＰＹＴＨＯＮ", "PYTHON"),
        (unify_punctuation, "Bachelor\u2019s \u201cdegree\u201d 3\u20135", 'Bachelor\'s "degree" 3-5'),
        (remove_invisible, "soft\u00adware\u200b", "software"),
        (
            remove_invisible,
            "Py\u2063thon Ku\u034fber\u180enetes Do\u200ecker Re\u200fact Ja\ufe0fva",
            "Python Kubernetes Docker React Java",
        ),
        (remove_invisible, "S\u2060Q\u200dL \u202eGo\u202c \U000e0041AWS\U000e007f", "SQL Go AWS"),
        (remove_invisible, "naïve café, 日本語, مرحبا", "naïve café, 日本語, مرحبا"),
        (unify_punctuation, "a\u00a0b\tc", "a b c"),
        (unify_bullets, "\u25cf Python\n\uf0b7 SQL\n\ue001 +1 555", "• Python\n• SQL\n  +1 555"),
        (dehyphenate, "manage-\nment", "management"),
        (dehyphenate, "front-end\nBack-\nEnd", "front-end\nBack-\nEnd"),
        (collapse_whitespace, "  a   b  \n\n\n\nc \n", "a b\n\nc"),
    ],
)
def test_each_normaliser(function, raw, expected):
    assert function(raw) == expected


def test_normalise_composes_all_and_is_idempotent():
    raw = "\ufeff\u25cf Data ana-\r\nlysis with   P\u200byTorch \u2013 3\u20135 years\r\n\r\n\r\n\r\nNext"
    once = normalise(raw)
    assert once == "• Data analysis with PyTorch - 3-5 years\n\nNext"
    assert normalise(once) == once
