"""Apple's password-manager-resources (MIT): change-password pages, logins shared
across domains, and per-site password rules.

`shared-credentials.json` groups domains that use one account (`shared` lists,
and `from`/`to` pairs); `shared-credentials-historical.json` lists sites that
used to share logins: as its authors intend, it only suppresses reuse warnings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Final

from privaudit.exposure.rules import PasswordRules, parse_rules
from privaudit.tfa.dataset import DatasetError

BUILTIN_FORMAT: Final = "privaudit-quirks/1"
WELL_KNOWN: Final = "https://{site}/.well-known/change-password"
"""The W3C well-known URL: sites that support it redirect to their change-password page."""


def _groups(data: Any) -> list[frozenset[str]]:
    groups: list[frozenset[str]] = []
    for item in data if isinstance(data, list) else ():
        if not isinstance(item, dict):
            continue
        members = [*(item.get("shared") or ()), *(item.get("from") or ()), *(item.get("to") or ())]
        domains = frozenset(d.strip().lower() for d in members if isinstance(d, str) and d)
        if len(domains) > 1:
            groups.append(domains)
    return groups


@dataclass(frozen=True)
class Quirks:
    change_password: Mapping[str, str] = field(default_factory=dict)
    shared: tuple[frozenset[str], ...] = ()
    historical: tuple[frozenset[str], ...] = ()
    rules: Mapping[str, PasswordRules] = field(default_factory=dict)
    label: str = "none"

    def change_password_url(
        self, hosts: Iterable[str], site_of: Callable[[str], str | None]
    ) -> str | None:
        """The site's own change-password page, else its W3C well-known URL."""
        hosts = list(hosts)
        for host in _with_parents(hosts):
            url = self.change_password.get(host)
            if url and url.startswith("https://"):
                return url
        for host in hosts:
            site = site_of(host)
            if site:
                return WELL_KNOWN.format(site=site)
        return None

    def rules_for(self, hosts: Iterable[str]) -> PasswordRules | None:
        for host in _with_parents(list(hosts)):
            if host in self.rules:
                return self.rules[host]
        return None

    def service_key(
        self, hosts: Iterable[str], site_of: Callable[[str], str | None], *, historical: bool
    ) -> frozenset[str]:
        """The domains one login covers: the account's sites, widened by their groups."""
        sites = {s for s in (site_of(h) for h in hosts) if s}
        groups = self.shared + (self.historical if historical else ())
        for group in groups:
            if sites & group:
                sites |= group
        return frozenset(sites)


def one_login(
    quirks: Quirks,
    first: tuple[str, frozenset[str]],
    second: tuple[str, frozenset[str]],
    *,
    historical: bool,
) -> bool:
    """Whether two (username, sites) pairs are one login on sites that share it:
    different sites of one group, and the same username (or one unknown)."""
    (user_a, sites_a), (user_b, sites_b) = first, second
    if not sites_a or not sites_b or sites_a & sites_b:
        return False
    if user_a and user_b and user_a.casefold() != user_b.casefold():
        return False
    groups = quirks.shared + (quirks.historical if historical else ())
    return any(sites_a & group and sites_b & group for group in groups)


def _with_parents(hosts: list[str]) -> list[str]:
    found: list[str] = []
    for host in hosts:
        candidate = host
        while "." in candidate:
            found.append(candidate)
            candidate = candidate.split(".", 1)[1]
    return found


def parse_quirks(doc: Mapping[str, Any], *, label: str) -> Quirks:
    urls = doc.get("change-password-URLs")
    rules = doc.get("password-rules")
    parsed_rules: dict[str, PasswordRules] = {}
    for domain, entry in (rules or {}).items() if isinstance(rules, dict) else ():
        text = entry.get("password-rules") if isinstance(entry, dict) else None
        if isinstance(domain, str) and isinstance(text, str):
            parsed_rules[domain.lower()] = parse_rules(text)
    return Quirks(
        change_password={
            k.lower(): v
            for k, v in (urls.items() if isinstance(urls, dict) else ())
            if isinstance(k, str) and isinstance(v, str)
        },
        shared=tuple(_groups(doc.get("shared-credentials"))),
        historical=tuple(_groups(doc.get("shared-credentials-historical"))),
        rules=parsed_rules,
        label=label,
    )


def load_builtin() -> Quirks:
    doc = json.loads((resources.files("privaudit.exposure") / "data/quirks.json").read_bytes())
    if not isinstance(doc, dict) or doc.get("format") != BUILTIN_FORMAT:
        raise DatasetError("built-in password-manager quirks: unknown format; reinstall privaudit")
    return parse_quirks(doc, label="built-in subset of Apple's password-manager-resources")


def load_folder(files: Mapping[str, bytes], *, label: str) -> Quirks:
    """Apple's own files by name (as in the repository's quirks/ folder)."""
    doc: dict[str, Any] = {}
    for name in (
        "change-password-URLs",
        "shared-credentials",
        "shared-credentials-historical",
        "password-rules",
    ):
        raw = files.get(f"{name}.json")
        if raw is None:
            continue
        try:
            doc[name] = json.loads(raw.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise DatasetError(f"{label}: {name}.json is not valid JSON") from None
    return parse_quirks(doc, label=label)
