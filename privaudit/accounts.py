"""Accounts: what privaudit audits, whether read from a profile or an export."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Final
from urllib.parse import urlsplit

from privaudit.secret import Secret, TotpSeed
from privaudit.text import sanitize


class MfaMethod(StrEnum):
    """Second factors, named as users and 2fa.directory name them."""

    SMS = "sms"
    CALL = "call"
    EMAIL = "email"
    TOTP = "totp"
    PUSH = "push"
    PASSKEY = "passkey"
    HARDWARE_KEY = "hardware-key"
    CUSTOM_SOFTWARE = "custom-software"
    CUSTOM_HARDWARE = "custom-hardware"
    NONE = "none"
    """Declared explicitly: the user knows this account has no second factor."""


@dataclass(frozen=True, slots=True)
class Account:
    label: str
    """A display name: the service or vault item name. Untrusted: sanitised."""
    urls: tuple[str, ...] = ()
    username: str | None = None
    password: Secret | None = None
    totp: TotpSeed | None = None
    mfa: frozenset[MfaMethod] = frozenset()
    """Second factors known to be enabled (declared by the user or seen in the export)."""
    recovery_codes: bool | None = None
    """Whether 2FA recovery codes are stored somewhere safe (None: not answered)."""
    source: str = "profile"
    created: datetime | None = None
    modified: datetime | None = None
    password_changed: datetime | None = None
    """When the current password was set, where the export says (its own date or history).
    None: unknown; `modified` then still bounds it from above."""
    expires: datetime | None = None
    """When the password manager marks the entry to expire (KeePass); None: never."""
    domains: tuple[str, ...] = field(default=())
    sources: tuple[str, ...] = ()
    """Every input this login was found in (one account across exports: merge.py)."""
    stale_copies: tuple[str, ...] = ()
    """Inputs that hold a *different* password for this same login (names only)."""

    def __post_init__(self) -> None:
        if self.password is not None and not isinstance(self.password, Secret):
            raise TypeError("Account.password must be a Secret")
        if self.totp is not None and not isinstance(self.totp, TotpSeed):
            raise TypeError("Account.totp must be a TotpSeed")
        object.__setattr__(self, "label", sanitize(self.label) or "(unnamed)")
        if self.username is not None:
            object.__setattr__(self, "username", sanitize(self.username))
        if not self.domains:
            object.__setattr__(self, "domains", hosts_of(self.urls))
        if not self.sources:
            object.__setattr__(self, "sources", (self.source,))

    @property
    def apps(self) -> tuple[str, ...]:
        """Android package names and iOS bundle IDs of app logins (`android://…@com.x/`)."""
        return tuple(dict.fromkeys(i for i in map(app_id, self.urls) if i))

    @property
    def subject(self) -> str:
        """The label findings use: service and username, never a secret."""
        if self.username:
            return f"{self.label} ({self.username})"
        return self.label

    @property
    def has_mfa(self) -> bool:
        methods = self.mfa - {MfaMethod.NONE}
        return bool(methods) or self.totp is not None


APP_SCHEMES: Final = ("android://", "androidapp://", "iosapp://")
_APP_ID: Final = re.compile(r"^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+$")


def app_id(url: str) -> str | None:
    """The package or bundle ID of an app login URL, lower-cased; None for web URLs.

    Chrome and Google Password Manager write `android://<signing-key hash>@package/`,
    Bitwarden `androidapp://package` and `iosapp://bundle.id`.
    """
    text = url.strip()
    if not text.lower().startswith(APP_SCHEMES):
        return None
    rest = text.split("://", 1)[1].rsplit("@", 1)[-1]
    ident = rest.split("/", 1)[0].split("?", 1)[0]
    return ident.lower() if _APP_ID.match(ident) else None


def host_of(url: str) -> str | None:
    """The lower-case host of a URL or bare domain, without port or credentials.

    App logins have no host: their package name is not a domain (see `app_id`).
    """
    text = url.strip()
    if not text or text.lower().startswith(APP_SCHEMES):
        return None
    if "://" not in text:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    return host.rstrip(".").lower() if host else None


def hosts_of(urls: tuple[str, ...]) -> tuple[str, ...]:
    hosts: list[str] = []
    for url in urls:
        host = host_of(url)
        if host and host not in hosts:
            hosts.append(host)
    return tuple(hosts)
