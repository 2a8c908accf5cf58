"""Bitwarden: the unencrypted JSON export, `bw list items` JSON, and the CSV export."""

from __future__ import annotations

from typing import Any

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.sources import ImportResult, ReadOptions, SourceData
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.data import load_json, looks_like_json
from privaudit.sources.enpass import looks_like_enpass
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

_ITEM_TYPES = {1: "login", 2: SECURE_NOTE, 3: CARD, 4: IDENTITY, 5: "ssh key"}
_CSV_TYPES = {"note": SECURE_NOTE, "card": CARD, "identity": IDENTITY}
_HINT = N_("export again from Bitwarden (File > Export vault > .json)")


class BitwardenJson:
    name = "bitwarden-json"
    description = "Bitwarden JSON export (unencrypted) or `bw list items` output"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        head = sample[:8192]
        if looks_like_json(head, b'"passwordProtected"') or looks_like_json(
            head, b'"encKeyValidation_DO_NOT_EDIT"'
        ):
            return True  # recognised so that read() can refuse it clearly
        if b'"vaults"' in head:
            return False  # 1PUX and Proton Pass also have "items", inside vaults
        if looks_like_enpass(head):
            return False  # Enpass has top-level "folders" and "items" too
        if looks_like_json(head, b'"items"'):
            return True
        # `bw list items`: a bare list of items, each with "type" and "login".
        return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[") and looks_like_json(
            head, b'"login"', b'"type"'
        )

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        doc = load_json(source.read_all(), source.name, _HINT)
        if isinstance(doc, dict) and doc.get("encrypted") is True:
            raise InputError(
                _(
                    "{name}: this Bitwarden export is encrypted (password-protected"
                    " or account-restricted); export again choosing the unencrypted"
                    " .json format, audit it, then delete it"
                ).format(name=source.name)
            )
        items = doc.get("items") if isinstance(doc, dict) else doc
        if not isinstance(items, list):
            raise InputError(
                _("{name}: no 'items' list; is this a Bitwarden JSON export?").format(
                    name=source.name
                )
            )
        result = ImportResult()
        for index, item in enumerate(items, start=1):
            result.read += 1
            outcome = _item(item, source.name)
            if isinstance(outcome, Account):
                result.accounts.append(outcome)
            elif outcome == NOT_A_LOGIN and not isinstance(item, dict):
                result.skip(outcome, f"item {index}: not a JSON object")
            else:
                result.skip(outcome)
        return result


def _item(item: Any, source: str) -> Account | str:
    if not isinstance(item, dict):
        return NOT_A_LOGIN
    if item.get("deletedDate"):
        return TRASHED
    kind = item.get("type")
    login = item.get("login")
    if kind != 1 or not isinstance(login, dict):
        if isinstance(kind, int) and not isinstance(kind, bool):
            return _ITEM_TYPES.get(kind, NOT_A_LOGIN)
        return NOT_A_LOGIN
    uris = login.get("uris")
    return make_login(
        source=source,
        title=text(item.get("name")),
        urls=[text(u.get("uri")) for u in uris if isinstance(u, dict)]
        if isinstance(uris, list)
        else [],
        username=text(login.get("username")),
        password=raw(login.get("password")),
        totp=raw(login.get("totp")),
        passkey=bool(login.get("fido2Credentials")),  # a passkey saved for this login
        created=parse_date(item.get("creationDate")),
        modified=parse_date(item.get("revisionDate")),
        # Null until the password is first changed; creationDate is no substitute
        # (an item imported from another manager is "created" on import).
        password_changed=parse_date(login.get("passwordRevisionDate")),
    )


class BitwardenCsv(CsvImporter):
    name = "bitwarden-csv"
    description = "Bitwarden CSV export (personal or organisation vault)"
    signature = (frozenset({"type", "name", "login_uri", "login_username", "login_password"}),)
    required = ("type", "login_password")
    hint = _HINT

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        kind = row.get("type").casefold()
        if kind != "login":
            return _CSV_TYPES.get(kind, NOT_A_LOGIN)
        return make_login(
            source=source,
            title=row.get("name"),
            urls=row.get("login_uri").split(","),
            username=row.get("login_username"),
            password=row.secret("login_password"),
            totp=row.secret("login_totp"),
        )
