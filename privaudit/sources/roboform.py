"""RoboForm CSV export (RoboForm 8/9: Options > Account & Data > Export, CSV).

Columns `Name,Url,MatchUrl,Login,Pwd,Note,Folder,RfFieldsV2`. `Pwd` and `Login`
are RoboForm's names for password and user name; `MatchUrl` is where RoboForm fills
the login when it differs from `Url`; `RfFieldsV2` holds the form's other fields
and is never read (it can repeat the password). Safenotes are rows with a `Note`
and no password; bookmarks are rows with only a URL.
"""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.i18n import N_
from privaudit.sources import ReadOptions
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.fields import NO_PASSWORD, SECURE_NOTE, make_login


class RoboFormCsv(CsvImporter):
    name = "roboform-csv"
    description = "RoboForm CSV export (logins)"
    signature = (frozenset({"name", "url", "login", "pwd"}),)
    required = ("name", "pwd")
    hint = N_("export again from RoboForm (Options > Account & Data > Export, CSV)")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        password = row.secret("pwd")
        if not password:
            return SECURE_NOTE if row.get("note") and not row.get("url") else NO_PASSWORD
        return make_login(
            source=source,
            title=row.get("name"),
            urls=[row.get("url"), row.get("matchurl")],
            username=row.get("login"),
            password=password,
        )
