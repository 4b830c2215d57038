"""The lexicon file's published JSON Schema (docs/lexicon.schema.json), generated from the models.

Regenerate with ``ATSMATCH_UPDATE_GOLDEN=1 pytest tests/lexicon/test_schema.py`` after changing the
format (and say so in CHANGELOG.md).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from atsmatch.lexicon.groups import BEHAVIOUR_GROUPS, GROUPS
from atsmatch.lexicon.schema import lexicon_json_schema

PUBLISHED = Path(__file__).parents[2] / "docs" / "lexicon.schema.json"
LEXICON_DOC = Path(__file__).parents[2] / "docs" / "lexicon.md"


def test_the_published_schema_is_the_models_schema():
    schema = json.dumps(lexicon_json_schema(), indent=2, sort_keys=True) + "\n"
    if os.environ.get("ATSMATCH_UPDATE_GOLDEN") == "1":
        PUBLISHED.write_text(schema, encoding="utf-8")
    assert PUBLISHED.read_text(encoding="utf-8") == schema


def test_the_schema_pins_version_categories_and_groups():
    schema = lexicon_json_schema()
    assert schema["properties"]["version"]["const"] == 1
    entry = schema["$defs"]["LexiconEntry"]
    assert entry["additionalProperties"] is False
    assert set(entry["properties"]["category"]["enum"]) == {"hard_skill", "soft_skill", "certification"}
    group_enum = next(option["enum"] for option in entry["properties"]["group"]["anyOf"] if "enum" in option)
    assert set(group_enum) == GROUPS


def test_groups_that_change_behaviour_are_documented():
    doc = LEXICON_DOC.read_text(encoding="utf-8")
    for group in BEHAVIOUR_GROUPS:
        assert f"`{group}`" in doc
    assert "lexicon.schema.json" in doc
