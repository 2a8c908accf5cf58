"""Grouping accounts that share a secret, without keeping the secret: the logic
behind PW102 (same password), PW103 (same base) and TOTP102 (same TOTP seed)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from privaudit.accounts import Account
from privaudit.checks.lang import ngettext

SHOWN_NAMES = 5


def with_sharers(
    accounts: Iterable[Account], fingerprint: Callable[[Account], str | None]
) -> list[tuple[Account, list[Account]]]:
    """Each account (in order) with the other accounts whose fingerprint equals its own.

    Accounts whose fingerprint is None are left out: they have nothing to compare.
    Fingerprints are keyed hashes (`Secret.fingerprint`) that live only in this call.
    """
    keyed = [(account, fingerprint(account)) for account in accounts]
    groups: dict[str, list[Account]] = {}
    for account, key in keyed:
        if key is not None:
            groups.setdefault(key, []).append(account)
    return [
        (account, [other for other in groups[key] if other is not account])
        for account, key in keyed
        if key is not None
    ]


def name_list(subjects: list[str], limit: int = SHOWN_NAMES) -> str:
    """'A, B, C' or 'A, ..., E and 3 more': enough to act on, short enough to read."""
    shown = ", ".join(subjects[:limit])
    if len(subjects) <= limit:
        return shown
    more = len(subjects) - limit
    return ngettext("{names} and {n} more", "{names} and {n} more", more).format(
        names=shown, n=more
    )
