"""Accounts: what privaudit audits, whether read from a profile or an export."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
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
    domains: tuple[str, ...] = field(default=())

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


def host_of(url: str) -> str | None:
    """The lower-case host of a URL or bare domain, without port or credentials."""
    text = url.strip()
    if not text:
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
