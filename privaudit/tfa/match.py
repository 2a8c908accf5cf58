"""Account -> service matching by registrable domain (public suffix list).

`accounts.google.com`, `mail.google.com` and `gmail.com` must all find Google,
while `example.co.uk` must never be taken for `co.uk`. The public suffix list
comes from the `publicsuffixlist` package's bundled snapshot: it is read from
the installed package and never downloaded at run time.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal

from privaudit.accounts import Account
from privaudit.tfa.apps import candidate_domains
from privaudit.tfa.dataset import Dataset, Service

if TYPE_CHECKING:
    from publicsuffixlist import PublicSuffixList

_LOCAL_SUFFIXES: Final = (".localhost", ".local", ".internal", ".home.arpa", ".lan")

MatchKind = Literal["domain", "site", "app", "name"]


@dataclass(frozen=True, slots=True)
class ServiceMatch:
    service: Service
    how: MatchKind
    """domain: the host or a parent up to its registrable domain is listed; site:
    another service of the same registrable domain; app: the login's app ID (host
    holds it); name: the account label equals the service name."""
    host: str | None = None


def _is_local_or_ip(host: str) -> bool:
    if host == "localhost" or host.endswith(_LOCAL_SUFFIXES) or "." not in host:
        return True
    # No domain name contains ":" (IPv6) or ends in an all-digit label (IPv4, "10.0.0");
    # cheaper than ipaddress.ip_address, which raises for every real domain.
    return ":" in host or host.rsplit(".", 1)[-1].isdigit()


def _aliases(service: Service) -> list[str]:
    """Names a user may type for a service: "Google Account (Gmail)" -> also "gmail", "google"."""
    name = service.name.casefold()
    out = [name]
    if "(" in name:
        head, _, rest = name.partition("(")
        out += [head.strip(), rest.rstrip(")").strip()]
    # The label before the suffix ("paypal" for paypal.com); short ones are too ambiguous.
    out += [label for d in service.domains if len(label := d.split(".")[-2]) >= 4]
    return [a for a in out if a]


def _pick(group: list[Service]) -> Service:
    """Among services sharing one site, the one a takeover hurts most, deterministically."""
    return max(group, key=lambda s: (s.severity.rank, s.offers_2fa, -len(s.domain), s.name))


class Matcher:
    """Indexes a dataset once; then each lookup is a few dict probes.

    A host matches a listed domain only at or below its registrable domain (the
    public suffix list's ICANN and private sections both count), so
    `alice.up.railway.app` is Alice's site, never Railway. A service whose own
    domain is a public suffix (`gov.uk`, `carrd.co`) matches that exact host and
    `www.` + it, never the tenants beneath it.
    """

    def __init__(self, dataset: Dataset, psl: PublicSuffixList | None = None) -> None:
        if psl is None:
            from privaudit.suffixes import bundled_suffix_list  # noqa: PLC0415

            psl = bundled_suffix_list()  # the package's bundled list: no network
        self._psl = psl
        self._sites: dict[str, str | None] = {}
        self._by_domain: dict[str, Service] = {}
        self._exact: dict[str, Service] = {}
        by_site: dict[str, list[Service]] = {}
        self._by_name: dict[str, Service] = {}
        for service in dataset.services:
            for domain in service.domains:
                if _is_local_or_ip(domain):
                    continue  # an IP or local name in the data must never match anything
                site = self.registrable_domain(domain)
                if site is None:
                    # The service's own domain is a public suffix: only that host is its.
                    self._exact.setdefault(domain, service)
                    self._exact.setdefault("www." + domain, service)
                    continue
                self._by_domain.setdefault(domain, service)
                group = by_site.setdefault(site, [])
                if service not in group:
                    group.append(service)
            for alias in _aliases(service):
                self._by_name.setdefault(alias, service)
        self._by_site: Mapping[str, Service] = {k: _pick(v) for k, v in by_site.items()}

    def registrable_domain(self, host: str) -> str | None:
        """`mail.google.com` -> `google.com`; None for IPs, localhost and bare suffixes."""
        host = host.strip().rstrip(".").lower()
        if host in self._sites:
            return self._sites[host]
        site = None
        if host and not host.startswith(".") and ".." not in host and not _is_local_or_ip(host):
            site = self._psl.privatesuffix(host)
        self._sites[host] = site
        return site

    @staticmethod
    def is_local(host: str) -> bool:
        """An IP address, `localhost` or a local-only name: a device, not an online service."""
        return _is_local_or_ip(host.strip().rstrip(".").lower())

    def match_host(self, host: str) -> ServiceMatch | None:
        host = host.strip().rstrip(".").lower()
        if not host or _is_local_or_ip(host):
            return None
        site = self.registrable_domain(host)
        if site is None:
            service = self._exact.get(host)
            return ServiceMatch(service, "domain", host) if service is not None else None
        # The most specific listed domain wins (aws.amazon.com before amazon.com), but
        # the walk stops at the registrable domain: what is above it is a suffix that
        # other people's sites share.
        candidate = host
        while True:
            service = self._by_domain.get(candidate)
            if service is not None:
                return ServiceMatch(service, "domain", host)
            if candidate == site:
                break
            candidate = candidate.split(".", 1)[1]
        service = self._exact.get(host) or self._by_site.get(site)
        if service is None:
            return None
        return ServiceMatch(service, "domain" if host in self._exact else "site", host)

    def match_app(self, ident: str) -> ServiceMatch | None:
        """An Android package or iOS bundle ID, checked against the dataset's domains."""
        for domain in candidate_domains(ident):
            if domain in self._exact or domain in self._by_domain:
                match = self.match_host(domain)
                return ServiceMatch(match.service, "app", ident) if match else None
            if self.registrable_domain(domain) == domain:
                # The first reversal that is a registrable domain decides: going on
                # would guess from product names (`gm`, `android`), not the owner.
                match = self.match_host(domain)
                return ServiceMatch(match.service, "app", ident) if match else None
        return None

    def match(self, account: Account) -> ServiceMatch | None:
        found = [m for m in map(self.match_host, account.domains) if m is not None]
        for match in found:
            if match.how == "domain":
                return match
        if found:
            return found[0]
        for ident in account.apps:
            app = self.match_app(ident)
            if app is not None:
                return app
        if not account.domains and not account.apps:
            service = self._by_name.get(account.label.casefold())
            if service is not None:
                return ServiceMatch(service, "name")
        return None


class Directory:
    """A dataset with its matcher: what checks receive through `AuditContext.tfa`."""

    def __init__(self, dataset: Dataset, psl: PublicSuffixList | None = None) -> None:
        self.dataset = dataset
        self._psl = psl
        self._matcher: Matcher | None = None
        self._lock = threading.Lock()  # checks run in threads; build the index once

    @property
    def label(self) -> str:
        return self.dataset.label

    @property
    def matcher(self) -> Matcher:
        with self._lock:
            if self._matcher is None:
                self._matcher = Matcher(self.dataset, self._psl)
            return self._matcher

    def match(self, account: Account) -> ServiceMatch | None:
        return self.matcher.match(account)
