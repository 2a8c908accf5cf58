"""Turning the fields of one export item into an Account, the same way for every format."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from privaudit.accounts import Account, MfaMethod, app_id, host_of
from privaudit.i18n import N_
from privaudit.secret import Secret, TotpSeed

# Skip reasons: English keys in JSON reports, translated where people read them.
NO_PASSWORD = N_("no password")  # a skip reason
NOT_A_LOGIN = N_("not a login")
SECURE_NOTE = N_("secure note")
CARD = N_("card")
IDENTITY = N_("identity")
TRASHED = N_("in the trash")
MALFORMED = N_("malformed item")

# Unix times by magnitude: seconds below 1e11 (year 5138), milliseconds below 1e14,
# microseconds above. Exports use all three.
_MS_FROM = 100_000_000_000
_US_FROM = 100_000_000_000_000
# A password date outside these years is a damaged value, not a fact to reason about.
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
LATEST = datetime(2200, 1, 1, tzinfo=UTC)
_NUMBER = re.compile(r"[0-9]{1,20}(?:\.[0-9]{1,9})?")  # ASCII only: no superscripts, no ٣


def text(value: Any) -> str:
    """A field as text: non-strings (null, numbers, lists) count as empty."""
    return value.strip() if isinstance(value, str) else ""


def raw(value: Any) -> str:
    """A password or seed as written: surrounding spaces may belong to it."""
    return value if isinstance(value, str) else ""


def parse_date(value: Any) -> datetime | None:
    """A timezone-aware UTC time from ISO-8601 text or a Unix time; None when unreadable.

    Unix times may be seconds, milliseconds or microseconds, as numbers or ASCII
    digits. Anything else (superscript digits, out-of-range years or offsets,
    numbers too big for a float, NaN) is None, never an exception: one odd
    date must not stop an import. Times without a zone are read as UTC.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _in_range(value)
    if isinstance(value, str):
        value = value.strip()
        if len(value) > 64:
            return None
        if not _NUMBER.fullmatch(value):
            return _parse_iso(value)
        value = float(value)
    if isinstance(value, int):
        if not 0 <= value < 10**20:  # also keeps float() below from overflowing
            return None
        value = float(value)
    if isinstance(value, float):
        return _from_timestamp(value)
    return None


def _parse_iso(value: str) -> datetime | None:
    if not value.isascii():
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None
    return _in_range(parsed)


def _in_range(parsed: datetime) -> datetime | None:
    try:
        parsed = parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
    except (ValueError, OverflowError):  # year 9999 at -23:59 has no UTC equivalent
        return None
    return parsed if EARLIEST <= parsed < LATEST else None


def _from_timestamp(value: float) -> datetime | None:
    if not math.isfinite(value) or value < 0:
        return None
    if value >= _US_FROM:
        value /= 1_000_000
    elif value >= _MS_FROM:
        value /= 1000
    try:
        parsed = datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        return None
    return _in_range(parsed)


def password_set_from_history(
    versions: Iterable[tuple[datetime | None, str]], current: str
) -> datetime | None:
    """When the current password was set, from an item's history (oldest first) of
    (time the version was saved, its password): the first save of the newest run of
    versions with the current password. None when the history never shows a change."""
    saved = list(versions)
    since: datetime | None = None
    for when, password in reversed(saved):
        if password != current:
            return since
        since = when
    return None


def label_for(title: str, urls: Iterable[str], username: str) -> str:
    """The item's own name, else its site, else its username."""
    if title:
        return title
    for url in urls:
        host = host_of(url) or app_id(url)
        if host:
            return host
    return username or "(unnamed)"


def make_login(
    *,
    source: str,
    title: str = "",
    urls: Iterable[str] = (),
    username: str = "",
    password: str = "",
    totp: str = "",
    created: datetime | None = None,
    modified: datetime | None = None,
    password_changed: datetime | None = None,
    passkey: bool = False,
    expires: datetime | None = None,
) -> Account | str:
    """An Account, or the reason the item is skipped (a reason never holds a value).

    `expires`: when the password manager marks the entry to expire (KeePass).
    """
    if not password:
        return NO_PASSWORD
    url_list = tuple(dict.fromkeys(u.strip() for u in urls if u and u.strip()))
    seed = totp.strip()
    return Account(
        label=label_for(title, url_list, username),
        urls=url_list,
        username=username or None,
        password=Secret(password),
        totp=TotpSeed(seed) if seed else None,
        mfa=frozenset({MfaMethod.TOTP} if seed else set())
        | frozenset({MfaMethod.PASSKEY} if passkey else set()),
        source=source,
        created=parse_date(created),
        modified=parse_date(modified),
        password_changed=parse_date(password_changed),
        expires=parse_date(expires),
    )


def obj(value: Any) -> dict[str, Any]:
    """A JSON object, or an empty one when the export has something else there."""
    return value if isinstance(value, dict) else {}
