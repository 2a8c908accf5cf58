"""Each schema is described once; the generated forms are current and agree with it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from privaudit.checklists.schema import ITEM, TOP
from privaudit.checklists.validate import ITEM_KEYS, TEXT_LIMITS, TOP_KEYS
from privaudit.config import SECTIONS
from privaudit.schemas import GENERATED, configuration, settings_table, stale

ROOT = Path(__file__).resolve().parents[2]


def test_generated_files_are_current() -> None:
    assert stale(ROOT) == [], "run: python -m privaudit.schemas (then review the diff)"


def test_the_checklist_schema_is_valid_and_follows_the_tables() -> None:
    schema = json.loads((ROOT / "docs" / "checklist-schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    assert set(schema["properties"]) == TOP_KEYS == set(TOP)
    assert set(schema["$defs"]["item"]["properties"]) == ITEM_KEYS == set(ITEM)
    assert TEXT_LIMITS == {"name": 80, "question": 140, "why": 280, "fix": 1500}


def test_every_config_key_is_in_the_docs() -> None:
    text = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for section, keys in SECTIONS.items():
        assert f"<!-- settings:{section} -->" in text
        for key in keys:
            assert f"| `{key}` |" in settings_table(section)


def test_configuration_regenerates_only_the_marked_blocks() -> None:
    text = "intro\n<!-- settings:passwords -->\nold\n<!-- /settings -->\nafter\n"
    out = configuration(text)
    assert out.startswith("intro\n<!-- settings:passwords -->\n| key |")
    assert "old" not in out
    assert out.endswith("<!-- /settings -->\nafter\n")
    assert "docs/checklist-schema.json" in GENERATED
    assert "docs/report-schema.json" in GENERATED
