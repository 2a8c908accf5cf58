"""1Password: the 1PUX export (a zip with `export.data`) and the CSV exports.

CSV comes in three shapes: 1Password 7 for Mac (`Title`, `Type`, and a column per
field such as `password(password)`), 1Password 7 for Windows (upper-case `UUID`,
`TITLE`, `URLS`...) and 1Password 8 (`Title,Url,Username,Password,OTPAuth,...`).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from privaudit.accounts import Account
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.sources import ImportResult, ReadOptions, SourceData
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.data import is_zip, load_json, looks_like_json, read_zip_member, sniff_header
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

_HINT = N_("export again from 1Password (File > Export > 1PUX or CSV)")
# 1PUX category ids: 001 Login and 005 Password hold passwords; the rest do not.
_CATEGORIES = {"002": CARD, "003": SECURE_NOTE, "004": IDENTITY}
_CSV_TYPES = {"secure note": SECURE_NOTE, "credit card": CARD, "identity": IDENTITY}


class OnePux:
    name = "1password-1pux"
    description = "1Password 1PUX export (the .1pux zip, or its export.data)"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        if is_zip(sample):
            return b"export.data" in sample or filename.lower().endswith(".1pux")
        return looks_like_json(sample[:8192], b'"accounts"', b'"vaults"')

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult:
        if is_zip(source.head):
            data = read_zip_member(source, lambda n: n.rsplit("/", 1)[-1] == "export.data", _HINT)
        else:
            data = source.read_all()
        doc = load_json(data, source.name, _HINT)
        if not isinstance(doc, dict) or not isinstance(doc.get("accounts"), list):
            raise InputError(
                _("{name}: no 'accounts' list; is this a 1PUX export?").format(name=source.name)
            )
        result = ImportResult()
        for item in _items(doc):
            result.read += 1
            outcome = _item(item, source.name)
            if isinstance(outcome, Account):
                result.accounts.append(outcome)
            else:
                result.skip(outcome)
        return result


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (v for v in value if isinstance(v, dict))


def _items(doc: dict[str, Any]) -> Iterator[Any]:
    for account in _dicts(doc.get("accounts")):
        for vault in _dicts(account.get("vaults")):
            items = vault.get("items")
            if isinstance(items, list):
                yield from items


def _item(item: Any, source: str) -> Account | str:
    if not isinstance(item, dict):
        return NOT_A_LOGIN
    if item.get("trashed") is True or item.get("state") == "trashed":
        return TRASHED
    category = text(item.get("categoryUuid"))
    if category not in ("001", "005"):
        return _CATEGORIES.get(category, NOT_A_LOGIN)
    details = obj(item.get("details"))
    overview = obj(item.get("overview"))
    username, password = "", raw(details.get("password"))
    for field in _dicts(details.get("loginFields")):
        designation = field.get("designation")
        if designation == "username" and not username:
            username = text(field.get("value"))
        elif designation == "password" and not password:
            password = raw(field.get("value"))
    urls = [text(overview.get("url"))]
    urls += [text(u.get("url")) for u in _dicts(overview.get("urls"))]
    return make_login(
        source=source,
        title=text(overview.get("title")),
        urls=urls,
        username=username,
        password=password,
        totp=_totp(details),
        created=parse_date(item.get("createdAt")),
        modified=parse_date(item.get("updatedAt")),
        password_changed=_password_changed(details),
    )


def _password_changed(details: dict[str, Any]) -> datetime | None:
    """The newest password-history time: when the current password replaced the last.
    No history: unknown (the item's updatedAt only bounds it)."""
    times = [parse_date(h.get("time")) for h in _dicts(details.get("passwordHistory"))]
    return max((t for t in times if t is not None), default=None)


def _totp(details: dict[str, Any]) -> str:
    for section in _dicts(details.get("sections")):
        for field in _dicts(section.get("fields")):
            value = field.get("value")
            if isinstance(value, dict) and raw(value.get("totp")).strip():
                return raw(value.get("totp"))
    return ""


class OnePasswordCsv(CsvImporter):
    name = "1password-csv"
    description = "1Password CSV export (1Password 7 Mac or Windows, 1Password 8)"
    signature = (
        frozenset({"title", "type", "url", "username", "password"}),  # 7, Mac
        frozenset({"uuid", "title", "username", "password", "url"}),  # 7, Windows
        frozenset({"title", "url", "username", "password", "otpauth", "archived"}),  # 8
    )
    required = ("title", "password")
    hint = _HINT

    def escapechar(self, head: bytes) -> str | None:
        # 1Password 7 for Mac writes \" inside quoted fields; its headers look like "name(id)".
        header = sniff_header(head) or []
        return "\\" if any(h.endswith(")") and "(" in h for h in header) else None

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        if row.has("type"):
            kind = row.get("type").casefold()
            if kind not in ("login", "password"):
                return _CSV_TYPES.get(kind, NOT_A_LOGIN)
        elif not (row.get("username") or row.secret("password") or row.get("url")):
            return NOT_A_LOGIN
        urls = [row.get("url"), *row.get("urls").split()]
        return make_login(
            source=source,
            title=row.get("title"),
            urls=urls,
            username=row.get("username", "username(username)", "email"),
            password=row.secret("password", "password(password)"),
            totp=row.secret("otpauth", "one-time password", "totp"),
            created=parse_date(row.get("created date")),
            modified=parse_date(row.get("modified date")),
        )
