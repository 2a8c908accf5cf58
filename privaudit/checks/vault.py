"""Checks that vault exports make possible: WEB101, PW103, MFA150."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import Iterator
from urllib.parse import urlsplit

from privaudit.accounts import Account
from privaudit.checks.grouping import name_list, with_sharers
from privaudit.checks.lang import N_, Localized, _, ngettext
from privaudit.context import AuditContext
from privaudit.model import CheckMeta, Finding, Need, Severity, Status
from privaudit.secret import Secret


def _local_host(host: str) -> bool:
    """Loopback, private LAN and .local names: no stranger sits on that path."""
    if host in ("localhost",) or host.endswith((".local", ".lan", ".home.arpa", ".internal")):
        return True
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return address.is_private or address.is_loopback or address.is_link_local


class InsecureLoginUrl:
    meta = Localized(
        CheckMeta(
            id="WEB101",
            name="insecure-login-url",
            category="web",
            severity=Severity.MEDIUM,
            title=N_("Login saved for a plain http:// address"),
            why=N_(
                "Over http:// the password is sent as plain text. Anyone on the same Wi-Fi or "
                "network can read it, and your password manager may fill it in there."
            ),
            fix=N_(
                "Change the saved address to https://. If the site has no https version, "
                "give it a password used nowhere else, or stop using it."
            ),
            references=("https://bitwarden.com/help/reports/#unsecured-websites-report",),
            needs=frozenset({Need.ACCOUNTS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        for account in ctx.accounts:
            schemes = [_scheme(u) for u in account.urls]
            insecure = [u for u, s in zip(account.urls, schemes, strict=True) if s == "http"]
            if insecure:
                host = urlsplit(insecure[0].strip()).hostname or ""
                if _local_host(host.lower()):
                    yield self.meta.finding(
                        Status.WARN,
                        account.subject,
                        _(
                            "saved for a plain http:// address on your own network: fine at home,"
                            " but anyone on a shared network can read it"
                        ),
                        severity=Severity.LOW,
                    )
                else:
                    yield self.meta.finding(
                        Status.FAIL,
                        account.subject,
                        _("saved for a plain http:// address: the password is sent as plain text"),
                        details={"insecure_urls": len(insecure)},
                    )
            elif "https" in schemes:
                yield self.meta.finding(Status.PASS, account.subject, _("login address uses https"))


def _scheme(url: str) -> str:
    head, sep, _ = url.strip().partition("://")
    return head.lower() if sep else ""


# Near-reuse: reduce a password to its "base" so that the usual variations collapse.
_EDGES = re.compile(r"^[\W\d_]+|[\W\d_]+$")
_NUMBER_RUN = re.compile(r"\d{2,}")
_LEET = str.maketrans(
    {"@": "a", "4": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "5": "s", "7": "t"}
)
MIN_BASE_LETTERS = 4


def password_base(password: str) -> str | None:
    """The base a password is a variant of, or None when too little is left to compare.

    Case-folded; digits and symbols at both ends dropped (`Summer2024!` -> `summer`);
    inner runs of 2+ digits made one placeholder (`Spring2023Fun` -> `spring#fun`);
    single look-alike characters read as letters (`P@ssw0rd` -> `password`).
    """
    core = _EDGES.sub("", password.casefold())
    core = _NUMBER_RUN.sub("#", core).translate(_LEET)
    if sum(ch.isalpha() for ch in core) < MIN_BASE_LETTERS:
        return None
    return core


class NearReusedPassword:
    meta = Localized(
        CheckMeta(
            id="PW103",
            name="near-reused-password",
            category="reuse",
            severity=Severity.HIGH,
            title=N_("Password is a variant of one you use elsewhere"),
            why=N_(
                "Attackers who learn one password try its variants first: a new year, a capital "
                "letter, an extra !. A variant is cracked almost as fast as the same password."
            ),
            fix=N_(
                "Replace each variant with a new password your password manager makes. "
                "Each one should look nothing like the others."
            ),
            references=("https://pages.nist.gov/800-63-4/sp800-63b.html",),
            needs=frozenset({Need.PASSWORDS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        # A key of its own, derived from the run key, so base fingerprints cannot be
        # compared with PW102's fingerprints of whole passwords.
        base_key = hmac.new(ctx.run_key, b"privaudit PW103 base", hashlib.sha256).digest()
        accounts = ctx.with_passwords
        exact = {id(a): a.password.fingerprint(ctx.run_key) for a in accounts if a.password}

        def base_fingerprint(account: Account) -> str | None:
            assert account.password is not None  # filtered by with_passwords
            base = password_base(account.password.reveal())
            return Secret(base).fingerprint(base_key) if base is not None else None

        sharing = {id(a): sharers for a, sharers in with_sharers(accounts, base_fingerprint)}
        for account in accounts:
            # Identical passwords are PW102's finding; here only true variants count.
            mine = exact[id(account)]
            variants = [a.subject for a in sharing.get(id(account), []) if exact[id(a)] != mine]
            if not variants:
                yield self.meta.finding(
                    Status.PASS, account.subject, _("not a variant of another account's password")
                )
                continue
            yield self.meta.finding(
                Status.FAIL,
                account.subject,
                ngettext(
                    "a variant of the password of {n} other account: {accounts}",
                    "a variant of the password of {n} other accounts: {accounts}",
                    len(variants),
                ).format(n=len(variants), accounts=name_list(variants)),
                details={"variants": len(variants)},
            )


class TotpInSameVault:
    meta = Localized(
        CheckMeta(
            id="MFA150",
            name="totp-in-same-vault",
            category="mfa",
            severity=Severity.INFO,
            title=N_("2FA code seed kept beside the password"),
            why=N_(
                "The vault holds both the password and the authenticator seed of this login, so "
                "whoever opens the vault has both factors. In exchange, codes are always at hand "
                "and cannot be lost with a phone. A reasonable trade-off if the vault itself is "
                "well protected."
            ),
            fix=N_(
                "Keep it if your vault has a strong master password and its own second factor. "
                "For your most important accounts (email, bank), think about a separate "
                "app, a security key or a passkey instead."
            ),
            references=("https://bitwarden.com/help/integrated-authenticator/",),
            needs=frozenset({Need.PASSWORDS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        for account in ctx.with_passwords:
            if account.totp is not None:
                yield self.meta.finding(
                    Status.WARN,
                    account.subject,
                    _(
                        "its TOTP seed is stored in the same vault as its password:"
                        " one stolen vault gives both factors"
                    ),
                )
