"""What a `privaudit mfa set NAME` attaches to: an account you have, or a known service.

A declaration must never invent an account: a typo such as "Facebok" would
otherwise become an extra account with its own findings. NAME is matched against
the profile's accounts, earlier declarations and the 2FA dataset; a near miss
gets a did-you-mean, anything else needs `--new`.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from privaudit.accounts import Account, host_of
from privaudit.errors import UsageError
from privaudit.i18n import _
from privaudit.tfa.declarations import Declaration
from privaudit.tfa.match import Directory


@dataclass(frozen=True, slots=True)
class Target:
    label: str
    """The name stored: the account's or service's own spelling."""
    matched: str
    """What NAME matched, for `mfa set` and `mfa list` to say."""
    domains: tuple[str, ...] = ()


def _is_domain(text: str) -> bool:
    return "." in text and " " not in text


def _account_match(account: Account) -> str:
    if account.source == "profile":
        return _("profile account {name}").format(name=account.label)
    return _("account {label} in {source}").format(label=account.label, source=account.source)


def find_target(
    name: str,
    accounts: Sequence[Account],
    declarations: Sequence[Declaration],
    directory: Directory,
) -> Target | None:
    key = name.casefold()
    host = host_of(name) if _is_domain(name) else None
    for account in accounts:
        if account.label.casefold() == key or (host and host in account.domains):
            return Target(account.label, _account_match(account), account.domains)
    for declared in declarations:
        if declared.key == key or (host and host in declared.domains):
            matched = _("your earlier declaration {name}").format(name=declared.service)
            return Target(declared.service, matched, declared.domains)
    probe = Account(label=name, urls=(host,) if host else ())
    match = directory.match(probe)
    if match is not None:
        service = match.service
        label = host or service.name
        matched = _("known service {name} ({domain})").format(
            name=service.name, domain=service.domain
        )
        return Target(label, matched, service.domains)
    return None


def _names(
    accounts: Sequence[Account], declarations: Sequence[Declaration], directory: Directory
) -> dict[str, str]:
    names: dict[str, str] = {}
    for service in directory.dataset.services:
        names.setdefault(service.name.casefold(), service.name)
        names.setdefault(service.domain.casefold(), service.domain)
    for declared in declarations:
        names[declared.key] = declared.service
    for account in accounts:
        names[account.label.casefold()] = account.label
    return names


def did_you_mean(name: str, choices: dict[str, str]) -> list[str]:
    close = difflib.get_close_matches(name.casefold(), list(choices), n=3, cutoff=0.75)
    return [choices[c] for c in close]


def resolve(
    name: str,
    accounts: Sequence[Account],
    declarations: Sequence[Declaration],
    directory: Directory,
    *,
    allow_new: bool,
) -> Target:
    """The target of `mfa set NAME`; UsageError (exit 2) for a typo or an unknown name."""
    found = find_target(name, accounts, declarations, directory)
    if found is not None:
        return found
    if allow_new:
        host = host_of(name) if _is_domain(name) else None
        return Target(name, _("a new service (--new)"), (host,) if host else ())
    close = did_you_mean(name, _names(accounts, declarations, directory))
    if close:
        raise UsageError(
            f"mfa set: no account or known service is called {name!r}; did you mean "
            f"{' or '.join(repr(c) for c in close)}? (add --new to declare {name!r} anyway)"
        )
    raise UsageError(
        f"mfa set: {name!r} matches no account in your profile, no earlier declaration"
        " and no service in the 2FA dataset; check the spelling (privaudit mfa list),"
        + _(" name the export that holds it (--accounts FILE, as for privaudit audit),")
        + " or add --new to declare it as a new service"
    )
