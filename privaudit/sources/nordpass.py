"""NordPass CSV export: logins, notes, cards, identities and folders in one table."""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.i18n import N_
from privaudit.sources import ReadOptions
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.fields import CARD, IDENTITY, NOT_A_LOGIN, SECURE_NOTE, make_login

FOLDER = N_("folder")
_TYPES = {"note": SECURE_NOTE, "credit_card": CARD, "identity": IDENTITY, "folder": FOLDER}


class NordPassCsv(CsvImporter):
    name = "nordpass-csv"
    description = "NordPass CSV export"
    signature = (frozenset({"name", "url", "username", "password", "note", "cardnumber"}),)
    required = ("name", "url", "username", "password")
    hint = N_("export again from NordPass (Settings > Export Items)")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        kind = row.get("type").casefold()
        if kind and kind not in ("password", "login"):
            return _TYPES.get(kind, NOT_A_LOGIN)
        password = row.secret("password")
        if not kind and not password:
            # Older exports have no type column: tell the other kinds apart by their fields.
            if row.get("cardnumber"):
                return CARD
            if row.get("full_name") or row.get("address1") or row.get("phone_number"):
                return IDENTITY
            if row.get("note") and not (row.get("url") or row.get("username")):
                return SECURE_NOTE
            if row.get("name") and not (row.get("url") or row.get("username")):
                return FOLDER
        urls = [row.get("url"), *row.get("additional_urls").split(",")]
        return make_login(
            source=source,
            title=row.get("name"),
            urls=urls,
            username=row.get("username", "email"),
            password=password,
        )
