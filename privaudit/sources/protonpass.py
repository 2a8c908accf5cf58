"""Proton Pass: the JSON export (bare, or data.json inside the zip) and the CSV export."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.sources import ImportResult, ReadOptions, SourceData
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.data import is_zip, load_json, looks_like_json, read_zip_member
from privaudit.sources.fields import (
    CARD,
    IDENTITY,
    NOT_A_LOGIN,
    SECURE_NOTE,
    TRASHED,
    make_login,
    obj,
    parse_date,
    raw,
    text,
)

_HINT = N_("export again from Proton Pass (Settings > Export) without PGP encryption")
_TYPES = {"note": SECURE_NOTE, "creditcard": CARD, "identity": IDENTITY, "alias": "email alias"}
_PGP = b"-----BEGIN PGP MESSAGE-----"
_TRASHED_STATE = 2


class ProtonPassJson:
    name = "protonpass-json"
    description = "Proton Pass JSON export (data.json, or the export zip)"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        if is_zip(sample):
            return b"Proton Pass/" in sample
        if sample.lstrip().startswith(_PGP):
            return "pass" in filename.lower()
        return looks_like_json(sample[:8192], b'"vaults"', b'"userId"')

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        if source.head.lstrip().startswith(_PGP):
            raise InputError(
                _("{name}: this Proton Pass export is PGP-encrypted; {hint}").format(
                    name=source.name, hint=_(_HINT)
                )
            )
        if is_zip(source.head):
            data = read_zip_member(source, lambda n: n.endswith("data.json"), _HINT)
        else:
            data = source.read_all()
        doc = load_json(data, source.name, _HINT)
        if isinstance(doc, dict) and doc.get("encrypted") is True:
            raise InputError(
                _("{name}: this Proton Pass export is encrypted; {hint}").format(
                    name=source.name, hint=_(_HINT)
                )
            )
        vaults = doc.get("vaults") if isinstance(doc, dict) else None
        if not isinstance(vaults, dict):
            raise InputError(
                _("{name}: no 'vaults'; is this a Proton Pass JSON export?").format(
                    name=source.name
                )
            )
        result = ImportResult()
        for item in _items(vaults):
            result.read += 1
            outcome = _item(item, source.name)
            if isinstance(outcome, Account):
                result.accounts.append(outcome)
            else:
                result.skip(outcome)
        return result


def _items(vaults: dict[str, Any]) -> Iterator[Any]:
    for vault in vaults.values():
        items = vault.get("items") if isinstance(vault, dict) else None
        if isinstance(items, list):
            yield from items


def _item(item: Any, source: str) -> Account | str:
    if not isinstance(item, dict):
        return NOT_A_LOGIN
    if item.get("state") == _TRASHED_STATE:
        return TRASHED
    data = obj(item.get("data"))
    kind = text(data.get("type")).casefold()
    if kind != "login":
        return _TYPES.get(kind, NOT_A_LOGIN)
    content = obj(data.get("content"))
    metadata = obj(data.get("metadata"))
    urls = content.get("urls")
    return make_login(
        source=source,
        title=text(metadata.get("name")),
        urls=[text(u) for u in urls] if isinstance(urls, list) else [],
        username=text(content.get("itemUsername"))
        or text(content.get("username"))
        or text(content.get("itemEmail")),
        password=raw(content.get("password")),
        totp=raw(content.get("totpUri")),
        created=parse_date(item.get("createTime")),
        modified=parse_date(item.get("modifyTime")),
    )


class ProtonPassCsv(CsvImporter):
    name = "protonpass-csv"
    description = "Proton Pass CSV export"
    signature = (frozenset({"type", "name", "url", "username", "password", "totp", "vault"}),)
    required = ("type", "password")
    hint = _HINT

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        kind = row.get("type").casefold()
        if kind != "login":
            return _TYPES.get(kind, NOT_A_LOGIN)
        return make_login(
            source=source,
            title=row.get("name"),
            urls=row.get("url").split(","),
            username=row.get("username", "email"),
            password=row.secret("password"),
            totp=row.secret("totp"),
            created=parse_date(row.get("createtime")),
            modified=parse_date(row.get("modifytime")),
        )
