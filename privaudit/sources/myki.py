"""Myki CSV export (the UserAccount file; Myki has shut down, old exports remain)."""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.sources import ReadOptions
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.fields import make_login


class MykiCsv(CsvImporter):
    name = "myki-csv"
    description = "Myki CSV export (UserAccount)"
    signature = (frozenset({"nickname", "url", "username", "password"}),)
    required = ("nickname", "password")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        return make_login(
            source=source,
            title=row.get("nickname"),
            urls=[row.get("url")],
            username=row.get("username"),
            password=row.secret("password"),
            totp=row.secret("twofasecret"),
        )
