"""The checklist file format, described once.

validate.py checks files against these tables; docs/checklist-schema.json is
generated from them (`python -m privaudit.schemas`; a test fails when it is stale).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from privaudit.checklists.model import FORMAT_VERSION, Audience
from privaudit.model import CHECK_ID_PATTERN, SLUG_PATTERN, Severity

LANG_PATTERN = r"^[a-z]{2,3}$"
HOST_PATTERN = r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$"
URL_PATTERN = r"^https://[^\s/@]+\.[^\s/@]+(/\S*)?$"
"""The JSON Schema's approximation; validate.py parses the URL properly."""
MAX_ITEMS = 50


@dataclass(frozen=True)
class Key:
    kind: str
    required: bool = False
    limit: int | None = None
    """Longest text, in characters: keeps a finding's message within what reports show."""


TOP: dict[str, Key] = {
    "format": Key("format", required=True),
    "id": Key("slug", required=True),
    "name": Key("text", required=True, limit=80),
    "check_id": Key("check_id", required=True),
    "category": Key("slug"),
    "reviewed": Key("date", required=True),
    "settings_url": Key("url"),
    "domains": Key("hosts"),
    "items": Key("items", required=True),
}
ITEM: dict[str, Key] = {
    "id": Key("slug", required=True),
    "question": Key("text", required=True, limit=140),
    "why": Key("text", required=True, limit=280),
    "fix": Key("text", required=True, limit=1500),
    "link": Key("url"),
    "severity": Key("severity", required=True),
    "tags": Key("tags"),
    "audience": Key("audience"),
}


def required(table: dict[str, Key]) -> list[str]:
    return [name for name, key in table.items() if key.required]


def _text(limit: int | None) -> dict[str, Any]:
    string: dict[str, Any] = {"type": "string", "minLength": 1}
    if limit is not None:
        string["maxLength"] = limit
    languages = {
        "type": "object",
        "required": ["en"],
        "propertyNames": {"pattern": LANG_PATTERN},
        "additionalProperties": string,
    }
    return {"oneOf": [string, languages]}


def _json(key: Key) -> dict[str, Any]:
    slug = {"$ref": "#/$defs/slug"}
    match key.kind:
        case "format":
            return {"const": FORMAT_VERSION}
        case "slug":
            return slug
        case "text":
            return _text(key.limit)
        case "check_id":
            return {"type": "string", "pattern": CHECK_ID_PATTERN.pattern}
        case "date":
            return {"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
        case "url":
            return {"$ref": "#/$defs/url"}
        case "hosts":
            return {"type": "array", "items": {"type": "string", "pattern": HOST_PATTERN}}
        case "items":
            items = {"$ref": "#/$defs/item"}
            return {"type": "array", "minItems": 1, "maxItems": MAX_ITEMS, "items": items}
        case "severity":
            return {"enum": [s.value for s in Severity]}
        case "tags":
            return {"type": "array", "items": slug}
        case "audience":
            return {"enum": [a.value for a in Audience]}
    raise ValueError(f"unknown checklist key kind {key.kind!r}")


def _object(table: dict[str, Key]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": required(table),
        "properties": {name: _json(key) for name, key in table.items()},
    }


def json_schema() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/privaudit/privaudit/docs/checklist-schema.json",
        "title": f"privaudit checklist file, format {FORMAT_VERSION}",
        "description": "A TOML checklist file parsed to JSON (TOML dates as YYYY-MM-DD"
        " strings). Generated from privaudit/checklists/schema.py; see"
        " docs/checklist-format.md.",
        **_object(TOP),
        "$defs": {
            "slug": {"type": "string", "pattern": SLUG_PATTERN.pattern},
            "url": {"type": "string", "pattern": URL_PATTERN},
            "item": _object(ITEM),
        },
    }
