"""Browser password exports: Chromium family, Firefox, Safari / Apple Passwords."""

from __future__ import annotations

from privaudit.accounts import Account
from privaudit.i18n import N_
from privaudit.sources import ReadOptions
from privaudit.sources.csvbase import CsvImporter, Row
from privaudit.sources.fields import make_login, parse_date

INTERNAL_FIREFOX = N_("browser-internal entry")


class ChromeCsv(CsvImporter):
    name = "chrome-csv"
    description = "Chrome, Edge, Brave, Opera or Vivaldi passwords CSV"
    signature = (frozenset({"name", "url", "username", "password"}),)
    allowed = frozenset({"name", "url", "username", "password", "note"})
    required = ("url", "username", "password")
    hint = N_("export again from the browser's password settings (Export passwords)")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        return make_login(
            source=source,
            title=row.get("name"),
            urls=[row.get("url")],
            username=row.get("username"),
            password=row.secret("password"),
        )


class FirefoxCsv(CsvImporter):
    name = "firefox-csv"
    description = "Firefox logins CSV (about:logins > Export Logins)"
    signature = (frozenset({"url", "username", "password", "httprealm", "formactionorigin"}),)
    required = ("url", "username", "password")
    hint = N_("export again from Firefox (about:logins > ... > Export Logins)")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        url = row.get("url")
        # Firefox stores its own sync keys as a pseudo-login; it is no website account.
        if url.casefold().startswith("chrome://"):
            return INTERNAL_FIREFOX
        return make_login(
            source=source,
            urls=[url],
            username=row.get("username"),
            password=row.secret("password"),
            created=parse_date(row.get("timecreated")),
            modified=parse_date(row.get("timepasswordchanged")),
            password_changed=parse_date(row.get("timepasswordchanged")),
        )


def without_username(title: str, username: str) -> str:
    """Safari and the Passwords app title a login "example.com (alice)"; privaudit adds
    the username to every subject itself, so it is taken off the title here."""
    suffix = f" ({username})"
    if username and title.endswith(suffix) and len(title) > len(suffix):
        return title[: -len(suffix)].rstrip()
    return title


class SafariCsv(CsvImporter):
    name = "safari-csv"
    description = "Safari / Apple Passwords app CSV (with the OTPAuth column when present)"
    signature = (frozenset({"title", "url", "username", "password"}),)
    allowed = frozenset({"title", "url", "username", "password", "notes", "otpauth"})
    required = ("title", "url", "username", "password")
    hint = N_("export again from Safari or the Passwords app (File > Export Passwords)")

    def convert(self, row: Row, source: str, options: ReadOptions) -> Account | str:
        username = row.get("username")
        return make_login(
            source=source,
            title=without_username(row.get("title"), username),
            urls=[row.get("url")],
            username=row.get("username"),
            password=row.secret("password"),
            totp=row.secret("otpauth"),
        )
