"""Every built-in checklist validates, against the loader and the JSON Schema, and reads plainly."""

from __future__ import annotations

import json
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from privaudit.checklists.loader import builtin_checklists
from privaudit.model import CHECK_ID_PATTERN
from privaudit.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "privaudit" / "checklists").glob("*.toml"))
REQUIRED = {
    "general", "device", "leak-readiness", "google", "apple", "microsoft", "facebook",
    "instagram", "whatsapp", "tiktok", "x", "snapchat", "linkedin", "discord", "telegram",
    "signal", "reddit", "youtube", "creator-platforms",
}  # fmt: skip


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def test_every_required_platform_is_built_in() -> None:
    ids = {c.id for c in builtin_checklists()}
    assert ids >= REQUIRED


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_builtin_file_matches_the_json_schema(path: Path) -> None:
    schema = json.loads((ROOT / "docs" / "checklist-schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = _jsonable(tomllib.loads(path.read_text(encoding="utf-8")))
    jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
    assert data["id"] == path.stem, "a checklist file is named after its platform id"


def test_builtins_have_8_to_20_items_and_unique_ids() -> None:
    lists = builtin_checklists()
    for cl in lists:
        assert 8 <= len(cl.items) <= 20, cl.id
        assert CHECK_ID_PATTERN.match(cl.check_id)
        assert cl.check_id.startswith("CL")
    assert len({c.check_id for c in lists}) == len(lists)


def test_links_are_https() -> None:
    for cl in builtin_checklists():
        for url in [cl.settings_url, *(i.link for i in cl.items)]:
            assert url is None or url.startswith("https://")


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_builtin_text_is_english_only_in_the_file(path: Path) -> None:
    """Translations of the built-ins live in the gettext catalog, one source for each."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    fields = [data["name"], *(i[k] for i in data["items"] for k in ("question", "why", "fix"))]
    assert all(isinstance(f, str) for f in fields), "use the catalog, not name.es = ..."


def test_every_builtin_is_complete_in_spanish() -> None:
    for cl in builtin_checklists():
        assert cl.languages == ("en", "es"), cl.id
        for item in cl.items:
            for text in (item.question, item.why, item.fix):
                assert text.has("es")
                assert text.get("es") != text.en, f"{cl.id} {item.id}: {text.en[:40]!r}"


def test_every_checklist_is_a_registered_check() -> None:
    ids = {c.meta.id for c in load_registry(plugins=False).checks}
    assert {c.check_id for c in builtin_checklists()} <= ids


def test_every_item_is_listed_in_docs_checks_md() -> None:
    text = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for cl in builtin_checklists():
        section = text.split(f"## {cl.check_id} checklist-{cl.id}\n", 1)[1].split("\n## ", 1)[0]
        for item in cl.items:
            assert f"`{item.id}`" in section, f"{cl.check_id} docs lack {item.id}"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('severity = "medium"', 'severity = "urgent"'),
        ('link = "https://', 'link = "http://'),
        ('why = "An alert tells you fast when someone else gets in."', ""),
        ('check_id = "ACME101"', 'check_id = "acme"'),
        ("tags = [", 'colour = "red"\ntags = ['),
    ],
)
def test_the_schema_rejects_what_lint_rejects(good_text: str, old: str, new: str) -> None:
    schema = json.loads((ROOT / "docs" / "checklist-schema.json").read_text(encoding="utf-8"))
    good = _jsonable(tomllib.loads(good_text))
    jsonschema.validate(good, schema, cls=jsonschema.Draft202012Validator)
    bad = _jsonable(tomllib.loads(good_text.replace(old, new, 1)))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema, cls=jsonschema.Draft202012Validator)
