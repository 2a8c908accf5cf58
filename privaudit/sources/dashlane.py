"""Dashlane CSV export (credentials.csv from the exported zip)."""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.i18n import N_
from privaudit.sources import ReadOptions
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.fields import make_login


class DashlaneCsv(CsvImporter):
    name = "dashlane-csv"
    description = "Dashlane CSV export (credentials.csv)"
    signature = (frozenset({"username", "title", "password", "url", "category"}),)
    required = ("username", "title", "password")
    hint = N_("export again from Dashlane (Settings > Export data > CSV) and use credentials.csv")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        return make_login(
            source=source,
            title=row.get("title"),
            urls=[row.get("url")],
            username=row.get("username", "username2", "username3"),
            password=row.secret("password"),
            totp=row.secret("otpsecret", "otpurl"),
        )
