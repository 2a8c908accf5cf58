"""Turning the fields of one export item into an Account, the same way for every format."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from privaudit.accounts import Account, MfaMethod, host_of
from privaudit.secret import Secret, TotpSeed

NO_PASSWORD = "no password"  # noqa: S105  # a skip reason
NOT_A_LOGIN = "not a login"
SECURE_NOTE = "secure note"
CARD = "card"
IDENTITY = "identity"
TRASHED = "in the trash"
MALFORMED = "malformed item"

# A timestamp above this is in milliseconds (year 2286 in seconds).
_MS_THRESHOLD = 10_000_000_000


def text(value: Any) -> str:
    """A field as text: non-strings (null, numbers, lists) count as empty."""
    return value.strip() if isinstance(value, str) else ""


def raw(value: Any) -> str:
    """A password or seed as written: surrounding spaces may belong to it."""
    return value if isinstance(value, str) else ""


def parse_date(value: Any) -> datetime | None:
    """ISO-8601 text or a Unix time in seconds or milliseconds; None when unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        value = value.strip()
        if value.isdigit():
            value = int(value)
        else:
            try:
                parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
            except ValueError:
                return None
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    if isinstance(value, int | float):
        seconds = value / 1000 if value > _MS_THRESHOLD else value
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return None


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
        host = host_of(url)
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
) -> Account | str:
    """An Account, or the reason the item is skipped (a reason never holds a value)."""
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
        mfa=frozenset({MfaMethod.TOTP}) if seed else frozenset(),
        source=source,
        created=created,
        modified=modified,
        password_changed=password_changed,
    )


def obj(value: Any) -> dict[str, Any]:
    """A JSON object, or an empty one when the export has something else there."""
    return value if isinstance(value, dict) else {}
