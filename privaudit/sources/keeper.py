"""Keeper JSON export (Settings > Export > JSON)."""

from __future__ import annotations

from typing import Any

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.sources import ImportResult, ReadOptions, SourceData
from privaudit.sources.data import load_json, looks_like_json
from privaudit.sources.fields import NOT_A_LOGIN, make_login, raw, text

_HINT = N_("export again from Keeper (Settings > Export > JSON)")
_NON_LOGIN = {"bankcard": "card", "encryptednotes": "secure note", "address": "identity"}


class KeeperJson:
    name = "keeper-json"
    description = "Keeper JSON export"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        return looks_like_json(sample[:8192], b'"records"') and b'"vaults"' not in sample[:8192]

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        doc = load_json(source.read_all(), source.name, _HINT)
        records = doc.get("records") if isinstance(doc, dict) else None
        if not isinstance(records, list):
            raise InputError(
                _("{name}: no 'records' list; is this a Keeper JSON export?").format(
                    name=source.name
                )
            )
        result = ImportResult()
        for record in records:
            result.read += 1
            outcome = _record(record, source.name)
            if isinstance(outcome, Account):
                result.accounts.append(outcome)
            else:
                result.skip(outcome)
        return result


def _record(record: Any, source: str) -> Account | str:
    if not isinstance(record, dict):
        return NOT_A_LOGIN
    kind = text(record.get("$type")).casefold()
    if kind in _NON_LOGIN:
        return _NON_LOGIN[kind]
    totp = ""
    fields = record.get("custom_fields")
    if isinstance(fields, dict):
        for key, value in fields.items():
            if key.startswith(("TFC:", "$oneTimeCode")) and raw(value).strip():
                totp = raw(value)
                break
    return make_login(
        source=source,
        title=text(record.get("title")),
        urls=[text(record.get("login_url"))],
        username=text(record.get("login")),
        password=raw(record.get("password")),
        totp=totp,
    )
