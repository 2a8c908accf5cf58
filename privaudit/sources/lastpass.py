"""LastPass CSV export (Advanced Options > Export)."""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.i18n import N_
from privaudit.sources import ReadOptions
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.fields import SECURE_NOTE, make_login

# LastPass writes secure notes as rows whose URL is this placeholder.
_NOTE_URL = "http://sn"


class LastPassCsv(CsvImporter):
    name = "lastpass-csv"
    description = "LastPass CSV export"
    signature = (frozenset({"url", "username", "password", "extra", "name", "grouping"}),)
    required = ("url", "username", "password")
    hint = N_("export again from LastPass (Advanced Options > Export)")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        url = row.get("url")
        if url.casefold() == _NOTE_URL:
            return SECURE_NOTE
        return make_login(
            source=source,
            title=row.get("name"),
            urls=[url],
            username=row.get("username"),
            password=row.secret("password"),
            totp=row.secret("totp"),
        )
