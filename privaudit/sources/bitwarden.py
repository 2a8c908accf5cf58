"""Bitwarden: the unencrypted JSON export (and `bw list items` JSON)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from privaudit.accounts import Account, MfaMethod
from privaudit.errors import InputError
from privaudit.secret import Secret, TotpSeed
from privaudit.sources import ImportResult

_ITEM_TYPES = {1: "login", 2: "secure note", 3: "card", 4: "identity", 5: "ssh key"}


def _date(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


class BitwardenJson:
    name = "bitwarden-json"
    description = "Bitwarden JSON export (unencrypted) or `bw list items` output"
    plaintext = True

    def detect(self, sample: bytes, filename: str) -> bool:
        head = sample.lstrip(b"\xef\xbb\xbf \t\r\n")[:4096]
        return head.startswith((b"{", b"[")) and (
            b'"items"' in head or b'"login"' in head or b'"encrypted"' in head
        )

    def read(self, data: bytes, filename: str) -> ImportResult:
        try:
            doc = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise InputError(f"{filename}: not UTF-8 JSON; export again from Bitwarden") from None
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{filename}: invalid JSON at line {exc.lineno} column {exc.colno}; "
                "the export may be cut short, export again"
            ) from None
        if isinstance(doc, dict) and doc.get("encrypted") is True:
            raise InputError(
                f"{filename}: this Bitwarden export is password-protected (encrypted); "
                "export again choosing the unencrypted .json format, audit it, then delete it"
            )
        items = doc.get("items") if isinstance(doc, dict) else doc
        if not isinstance(items, list):
            raise InputError(f"{filename}: no 'items' list; is this a Bitwarden JSON export?")
        result = ImportResult()
        for item in items:
            result.read += 1
            self._item(item, filename, result)
        return result

    def _item(self, item: Any, filename: str, result: ImportResult) -> None:
        if not isinstance(item, dict):
            result.skip("not an item")
            return
        kind = item.get("type")
        login = item.get("login")
        if kind != 1 or not isinstance(login, dict):
            result.skip(
                _ITEM_TYPES.get(kind, "unknown item type")
                if isinstance(kind, int)
                else "unknown item type"
            )
            return
        password = login.get("password")
        if not isinstance(password, str) or not password:
            result.skip("no password")
            return
        uris = [u.get("uri") for u in login.get("uris") or [] if isinstance(u, dict)]
        totp = login.get("totp")
        methods = (
            frozenset({MfaMethod.TOTP}) if isinstance(totp, str) and totp.strip() else frozenset()
        )
        name = item.get("name")
        username = login.get("username")
        result.accounts.append(
            Account(
                label=name if isinstance(name, str) else "(unnamed)",
                urls=tuple(u for u in uris if isinstance(u, str) and u),
                username=username if isinstance(username, str) and username else None,
                password=Secret(password),
                totp=TotpSeed(totp) if isinstance(totp, str) and totp.strip() else None,
                mfa=methods,
                source=filename,
                created=_date(item.get("creationDate")),
                modified=_date(item.get("revisionDate")),
            )
        )
