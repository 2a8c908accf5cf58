"""The passkeys directory (https://passkeys.2fa.directory/, CC BY 4.0): who offers passkeys.

Accepted shapes: an object keyed by domain (the API's `all.json` and the merged
snapshot) or privaudit's built-in wrapper around one. An entry offers passkeys
for sign-in (`passwordless`) and/or as a second factor (`mfa`), each
`allowed` or `required`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from privaudit.i18n import ngettext
from privaudit.tfa.dataset import DatasetError

BUILTIN_FORMAT: Final = "privaudit-passkeys/1"
MAX_PASSKEYS_BYTES: Final = 8 * 1024 * 1024
_LEVELS: Final = ("allowed", "required")


@dataclass(frozen=True, slots=True)
class PasskeySupport:
    domain: str
    name: str
    passwordless: str | None = None
    mfa: str | None = None
    documentation: str | None = None
    additional_domains: tuple[str, ...] = ()

    @property
    def domains(self) -> tuple[str, ...]:
        return (self.domain, *self.additional_domains)

    @property
    def how(self) -> str:
        """'to sign in without a password' / 'as a second factor' / both."""
        ways = []
        if self.passwordless:
            ways.append("to sign in without a password")
        if self.mfa:
            ways.append("as a second factor")
        return " or ".join(ways)


def _url(value: Any) -> str | None:
    return value if isinstance(value, str) and value.startswith(("https://", "http://")) else None


def parse_entry(domain: Any, entry: Any) -> PasskeySupport | None:
    if not isinstance(domain, str) or not isinstance(entry, dict) or "." not in domain:
        return None
    passwordless = entry.get("passwordless")
    mfa = entry.get("mfa")
    support = PasskeySupport(
        domain=domain.strip().lower(),
        name=entry["name"] if isinstance(entry.get("name"), str) else domain,
        passwordless=passwordless if passwordless in _LEVELS else None,
        mfa=mfa if mfa in _LEVELS else None,
        documentation=_url(entry.get("documentation")),
        additional_domains=tuple(
            d.strip().lower() for d in entry.get("additional-domains") or () if isinstance(d, str)
        ),
    )
    return support if support.passwordless or support.mfa else None


def parse_directory(data: Any, *, where: str, min_entries: int = 1) -> list[PasskeySupport]:
    if not isinstance(data, dict):
        raise DatasetError(f"{where}: not a passkeys directory (expected a JSON object by domain)")
    entries = [e for e in (parse_entry(k, v) for k, v in data.items()) if e is not None]
    if len(entries) < min_entries:
        raise DatasetError(
            f"{where}: only {len(entries)} usable passkey entries (expected at least"
            f" {min_entries}); the download is partial or not the passkeys directory"
        )
    return entries


def parse_directory_bytes(raw: bytes, *, where: str, min_entries: int = 1) -> list[PasskeySupport]:
    if len(raw) > MAX_PASSKEYS_BYTES:
        raise DatasetError(f"{where}: larger than {MAX_PASSKEYS_BYTES // 2**20} MiB")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DatasetError(f"{where}: not valid JSON; the download is corrupt or partial") from None
    return parse_directory(data, where=where, min_entries=min_entries)


class PasskeyDirectory:
    """Looks up passkey support by host: the most specific listed domain, else the site."""

    def __init__(self, entries: Iterable[PasskeySupport], *, label: str) -> None:
        self.entries = tuple(entries)
        self.label = label
        self._by_domain: dict[str, PasskeySupport] = {}
        self._by_site: dict[str, PasskeySupport] | None = None
        for entry in sorted(self.entries, key=lambda e: e.domain):
            for domain in entry.domains:
                self._by_domain.setdefault(domain, entry)

    def lookup(
        self, hosts: Iterable[str], site_of: Callable[[str], str | None]
    ) -> PasskeySupport | None:
        hosts = list(hosts)
        for host in hosts:
            candidate = host
            while "." in candidate:
                if candidate in self._by_domain:
                    return self._by_domain[candidate]
                candidate = candidate.split(".", 1)[1]
        # One login covers a whole site (mail.google.com's passkey signs in to google.com).
        if self._by_site is None:
            index: dict[str, PasskeySupport] = {}
            for domain, entry in sorted(self._by_domain.items()):
                site = site_of(domain)
                if site:
                    index.setdefault(site, entry)
            self._by_site = index
        for host in hosts:
            site = site_of(host)
            if site and site in self._by_site:
                return self._by_site[site]
        return None


def load_builtin() -> PasskeyDirectory:
    where = "built-in passkeys directory"
    doc = json.loads((resources.files("privaudit.exposure") / "data/passkeys.json").read_bytes())
    if not isinstance(doc, dict) or doc.get("format") != BUILTIN_FORMAT:
        raise DatasetError(f"{where}: unknown format; reinstall privaudit")
    entries = parse_directory(doc.get("entries"), where=where)
    n = len(entries)
    label = ngettext(
        "built-in passkeys subset ({n} service)", "built-in passkeys subset ({n} services)", n
    ).format(n=n)
    return PasskeyDirectory(entries, label=label)
