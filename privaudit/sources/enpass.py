"""Enpass JSON export (Enpass 6: File > Export > .json).

An Enpass item keeps its data in a list of typed fields rather than named keys:
`{"type": "username" | "email" | "password" | "url" | "totp", "value": …,
"deleted": 0 | 1}`. A login may list several URL fields; a field removed from the
item stays with `deleted: 1`; trashed items have `trashed: 1`. Enpass's top level
is `{"folders": […], "items": […]}`, like Bitwarden's, so detection looks for keys
only Enpass writes (`auto_submit`, `template_type`, `category_name`).
"""

from __future__ import annotations

from typing import Any, Final

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.sources import ImportResult, ReadOptions, SourceData
from privaudit.sources.data import load_json, looks_like_json
from privaudit.sources.fields import (
    CARD,
    IDENTITY,
    NOT_A_LOGIN,
    SECURE_NOTE,
    TRASHED,
    make_login,
    parse_date,
    raw,
    text,
)

ENPASS_MARKERS: Final = (b'"auto_submit"', b'"template_type"', b'"category_name"')
_HINT = N_("export again from Enpass (File > Export, JSON format)")
_NON_LOGIN: Final = {
    "note": SECURE_NOTE,
    "creditcard": CARD,
    "identity": IDENTITY,
    "finance": CARD,
    "license": NOT_A_LOGIN,
    "travel": NOT_A_LOGIN,
    "misc": NOT_A_LOGIN,
}


def looks_like_enpass(head: bytes) -> bool:
    return looks_like_json(head, b'"items"') and any(m in head for m in ENPASS_MARKERS)


class EnpassJson:
    name = "enpass-json"
    description = "Enpass JSON export"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        return looks_like_enpass(sample[:8192])

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        doc = load_json(source.read_all(), source.name, _HINT)
        items = doc.get("items") if isinstance(doc, dict) else None
        if not isinstance(items, list):
            raise InputError(
                _("{name}: no 'items' list; is this an Enpass JSON export?").format(
                    name=source.name
                )
            )
        result = ImportResult()
        for index, item in enumerate(items, start=1):
            result.read += 1
            outcome = _item(item, source.name)
            if isinstance(outcome, Account):
                result.accounts.append(outcome)
            elif not isinstance(item, dict):
                result.skip(outcome, f"item {index}: not a JSON object")
            else:
                result.skip(outcome)
        return result


def _values(item: dict[str, Any], *kinds: str) -> list[str]:
    """The live values of the item's fields of these types, in their order."""
    fields = item.get("fields")
    if not isinstance(fields, list):
        return []
    out = []
    for kind in kinds:
        for field in fields:
            if not isinstance(field, dict) or field.get("deleted") in (1, True):
                continue
            if text(field.get("type")).casefold() == kind:
                value = (
                    raw(field.get("value"))
                    if kind in {"password", "totp"}
                    else text(field.get("value"))
                )
                if value:
                    out.append(value)
    return out


def _item(item: Any, source: str) -> Account | str:
    if not isinstance(item, dict):
        return NOT_A_LOGIN
    if item.get("trashed") in (1, True):
        return TRASHED
    category = text(item.get("category")).casefold()
    passwords = _values(item, "password")
    if category in _NON_LOGIN and not passwords:
        return _NON_LOGIN[category]
    users = _values(item, "username", "email")
    totps = _values(item, "totp")
    return make_login(
        source=source,
        title=text(item.get("title")),
        urls=_values(item, "url"),
        username=users[0] if users else "",
        password=passwords[0] if passwords else "",
        totp=totps[0] if totps else "",
        created=parse_date(item.get("createdAt")),
        modified=parse_date(item.get("updated_at")),
    )
