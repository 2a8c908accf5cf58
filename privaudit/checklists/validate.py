"""Validate a parsed checklist, collecting every problem with its file, item and field.

Checklist files come from outside (a trainer's folder), so every value is checked
before use and every text is sanitised.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any
from urllib.parse import urlsplit

from privaudit.checklists import schema
from privaudit.checklists.model import (
    DEFAULT_LANG,
    FORMAT_VERSION,
    Audience,
    Checklist,
    Item,
    LocalText,
)
from privaudit.model import CHECK_ID_PATTERN, SLUG_PATTERN, Severity
from privaudit.text import sanitize, sanitize_block

LANG_PATTERN = re.compile(schema.LANG_PATTERN)
MAX_ITEMS = schema.MAX_ITEMS
TEXT_LIMITS = {
    name: key.limit for name, key in (*schema.TOP.items(), *schema.ITEM.items()) if key.limit
}
TOP_KEYS = frozenset(schema.TOP)
ITEM_KEYS = frozenset(schema.ITEM)
_HOST = re.compile(schema.HOST_PATTERN)


class Problems:
    def __init__(self, where: str) -> None:
        self.where = where
        self.messages: list[str] = []

    def add(self, message: str, item: str | None = None, field: str | None = None) -> None:
        parts = [self.where]
        if item is not None:
            parts.append(f"item {item}")
        if field is not None:
            parts.append(f"field '{field}'")
        self.messages.append(": ".join(parts) + ": " + message)


def _url(value: Any) -> str | None:
    """The URL if it is a plain https link to a named host, else None."""
    if not isinstance(value, str) or value != value.strip() or any(c.isspace() for c in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme != "https" or not host or parts.username or parts.password:
        return None
    return value if _HOST.match(host) else None


def _text(
    value: Any, field: str, p: Problems, item: str | None, domain: str | None = None
) -> LocalText | None:
    if isinstance(value, str):
        value = {DEFAULT_LANG: value}
    if not isinstance(value, dict):
        p.add(
            "must be a string or a table of languages such as {en = '...', es = '...'}", item, field
        )
        return None
    if DEFAULT_LANG not in value:
        p.add(f"English text is required ({field} = '...' or {field}.en = '...')", item, field)
        return None
    out: dict[str, str] = {}
    limit = TEXT_LIMITS[field]
    for lang, text in value.items():
        name = field if lang == DEFAULT_LANG else f"{field}.{lang}"
        if not LANG_PATTERN.match(lang):
            p.add(f"'{lang}' is not a language code such as 'es'", item, name)
        elif not isinstance(text, str) or not text.strip():
            p.add("must be a non-empty string", item, name)
        elif len(text.strip()) > limit:
            p.add(f"is {len(text.strip())} characters long; keep it under {limit}", item, name)
        else:
            clean = sanitize_block(text) if field == "fix" else sanitize(text, max_length=limit)
            out[lang] = clean
    return LocalText(out, domain) if DEFAULT_LANG in out and len(out) == len(value) else None


def _slug(value: Any, field: str, p: Problems, item: str | None = None) -> str | None:
    if not isinstance(value, str) or not SLUG_PATTERN.match(value):
        p.add("must be a lower-case slug such as 'login-alerts'", item, field)
        return None
    return value


def _severity(value: Any, p: Problems, item: str) -> Severity | None:
    try:
        return Severity(value)
    except ValueError:
        known = ", ".join(s.value for s in Severity)
        p.add(f"must be one of {known}", item, "severity")
        return None


def _tags(value: Any, p: Problems, item: str) -> tuple[str, ...] | None:
    if not isinstance(value, list) or not all(
        isinstance(t, str) and SLUG_PATTERN.match(t) for t in value
    ):
        p.add("must be a list of slugs such as ['account-takeover']", item, "tags")
        return None
    return tuple(value)


def _optional_url(data: Mapping[str, Any], key: str, p: Problems, item: str | None) -> str | None:
    if key not in data:
        return None
    url = _url(data[key])
    if url is None:
        p.add("must be an https:// URL with a host name and no spaces", item, key)
    return url


def _audience(value: Any, p: Problems, item: str) -> Audience | None:
    try:
        return Audience(value)
    except ValueError:
        p.add(f"must be one of {', '.join(a.value for a in Audience)}", item, "audience")
        return None


def _item_id(raw: Mapping[str, Any], p: Problems, label: str, seen: set[str]) -> str | None:
    item_id = _slug(raw["id"], "id", p, label) if "id" in raw else None
    if item_id is not None:
        if item_id in seen:
            p.add(f"duplicate item id '{item_id}': ids must be unique in a checklist", label, "id")
        seen.add(item_id)
    return item_id


def _item(index: int, raw: Any, p: Problems, seen: set[str], domain: str | None) -> Item | None:
    label = f"#{index}"
    if not isinstance(raw, dict):
        p.add("must be a table ([[items]])", label)
        return None
    if isinstance(raw.get("id"), str):
        label = f"'{sanitize(raw['id'], max_length=60)}' (#{index})"
    before = len(p.messages)
    for key in sorted(set(raw) - ITEM_KEYS):
        p.add(f"unknown field (known: {', '.join(sorted(ITEM_KEYS))})", label, sanitize(key))
    for key in schema.required(schema.ITEM):
        if key not in raw:
            p.add("is required", label, key)
    item_id = _item_id(raw, p, label, seen)
    texts = {k: _text(raw[k], k, p, label, domain) for k in ("question", "why", "fix") if k in raw}
    severity = _severity(raw["severity"], p, label) if "severity" in raw else None
    link = _optional_url(raw, "link", p, label)
    tags = _tags(raw.get("tags", []), p, label)
    audience = _audience(raw.get("audience", Audience.EVERYONE.value), p, label)
    question, why, fix = texts.get("question"), texts.get("why"), texts.get("fix")
    if len(p.messages) > before:
        return None
    if None in (item_id, severity, tags, audience, question, why, fix):
        return None
    return Item(
        id=item_id,  # type: ignore[arg-type]  # None ruled out just above
        question=question,  # type: ignore[arg-type]
        why=why,  # type: ignore[arg-type]
        fix=fix,  # type: ignore[arg-type]
        severity=severity,  # type: ignore[arg-type]
        link=link,
        tags=tags,  # type: ignore[arg-type]
        audience=audience,  # type: ignore[arg-type]
    )


def _top_level(data: Mapping[str, Any], p: Problems) -> None:
    for key in sorted(set(data) - TOP_KEYS):
        p.add(f"unknown top-level field '{sanitize(key)}' (known: {', '.join(sorted(TOP_KEYS))})")
    for key in schema.required(schema.TOP):
        if key not in data:
            p.add("is required", None, key)
    if "format" in data and data["format"] != FORMAT_VERSION:
        p.add(f"this privaudit reads checklist format {FORMAT_VERSION}", None, "format")


def _check_id(data: Mapping[str, Any], p: Problems) -> Any:
    check_id = data.get("check_id")
    if "check_id" in data and (
        not isinstance(check_id, str) or not CHECK_ID_PATTERN.match(check_id)
    ):
        p.add("must look like 'CL101' or 'ORG101' (2-8 capitals, 3-4 digits)", None, "check_id")
    return check_id


def _reviewed(data: Mapping[str, Any], p: Problems) -> Any:
    reviewed = data.get("reviewed")
    if "reviewed" in data and (not isinstance(reviewed, date) or hasattr(reviewed, "hour")):
        p.add("must be a date such as 2026-11-24 (no quotes)", None, "reviewed")
    return reviewed


def _domains(data: Mapping[str, Any], p: Problems) -> Any:
    domains = data.get("domains", [])
    if not isinstance(domains, list) or not all(
        isinstance(d, str) and _HOST.match(d) for d in domains
    ):
        p.add("must be a list of host names such as ['google.com']", None, "domains")
    return domains


def _raw_items(data: Mapping[str, Any], p: Problems) -> list[Any]:
    raw_items = data.get("items", [])
    if not isinstance(raw_items, list) or not raw_items or len(raw_items) > MAX_ITEMS:
        p.add(f"must hold 1 to {MAX_ITEMS} [[items]] tables", None, "items")
    return raw_items if isinstance(raw_items, list) else []


def parse_checklist(
    data: Mapping[str, Any], p: Problems, source: str, domain: str | None = None
) -> Checklist | None:
    """The checklist in ``data``, or None with every problem in ``p``.

    ``domain``: the gettext domain that translates its texts (the built-ins').
    """
    _top_level(data, p)
    platform = _slug(data["id"], "id", p) if "id" in data else None
    name = _text(data["name"], "name", p, None, domain) if "name" in data else None
    check_id = _check_id(data, p)
    category = _slug(data.get("category", "platform"), "category", p)
    reviewed = _reviewed(data, p)
    settings_url = _optional_url(data, "settings_url", p, None)
    domains = _domains(data, p)
    seen: set[str] = set()
    items = [_item(i, raw, p, seen, domain) for i, raw in enumerate(_raw_items(data, p), 1)]
    if p.messages:
        return None
    return Checklist(
        id=platform,  # type: ignore[arg-type]  # None only with a problem
        name=name,  # type: ignore[arg-type]
        check_id=check_id,
        category=category,  # type: ignore[arg-type]
        reviewed=reviewed,
        items=tuple(i for i in items if i is not None),
        settings_url=settings_url,
        domains=tuple(domains),
        source=source,
    )
