"""Lexicon YAML, read safely: no aliases, no tags that build objects, each mapping's line kept."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..errors import LexiconError

__all__ = ["LINE_KEY", "load_yaml", "strip_lines"]

LINE_KEY = "__line__"

_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)


@cache
def _line_loader() -> type:
    """A safe YAML loader for lexicons: it records each mapping's 1-based line under ``__line__``,
    refuses aliases (``*name``: a few lines of them expand into billions of items, the "billion
    laughs"), and builds only strings, numbers, booleans, lists and mappings from any tag.
    """
    import yaml  # only when YAML is read: the shipped table and the cache need none

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def construct_object(loader: Any, node: Any, deep: bool = False) -> Any:
        # A node met twice is an alias: refuse it before anything walks the expansion, wherever
        # it stands (under an unknown key too: the whole document is constructed first).
        if node in loader.constructed_objects or node in loader.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "aliases (*name) are not allowed in a lexicon: write the items out",
                node.start_mark,
            )
        if node.tag == "tag:yaml.org,2002:timestamp":  # an unquoted date is text here
            node.tag = "tag:yaml.org,2002:str"
        if node.tag not in _PLAIN_TAGS:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the tag {node.tag!r} is not allowed in a lexicon: quote the value",
                node.start_mark,
            )
        return base.construct_object(loader, node, deep)

    def construct_mapping_with_line(loader: Any, node: Any) -> dict[str, Any]:
        mapping = loader.construct_mapping(node, deep=True)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    loader = type("LexiconLoader", (base,), {"construct_object": construct_object})
    loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping_with_line)
    return loader


def load_yaml(text: str, source: str) -> Any:
    """The YAML document in ``text``, each mapping with its line under ``LINE_KEY``.

    Raises:
        LexiconError: not valid YAML, or an alias or a tag a lexicon may not use.
    """
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader())  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise LexiconError(
            f"is not valid YAML: {problem}.", source=source, line=mark.line + 1 if mark else None
        ) from None


def strip_lines(value: Any) -> Any:
    """``value`` without the ``LINE_KEY`` entries ``load_yaml`` added."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE_KEY}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value
