"""Reviewing a 2FA dataset before it replaces the one in use.

A valid-looking download can still be wrong in the way that matters: one that
marks google.com as having no 2FA silently turns a Gmail MFA101 FAIL into a
SKIP. So an update is compared with what it replaces and refused, unless the
user accepts it, when it removes 2FA from a service that had it (compared with
the stored copy and with the built-in data), drops a service of the built-in
data that offered 2FA, or drops more than a small share of the stored copy's
services (2fa.directory does prune dead sites, a few at a time).
`validate_update` is the one check every way of installing a dataset goes
through (download or local file).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from privaudit.tfa.dataset import DatasetError, Service, parse_services

MAX_REMOVED_SHARE = 0.05
"""An update may drop up to 5% of the services (2fa.directory prunes dead sites)."""
SHOWN = 5


@dataclass(frozen=True, slots=True)
class Changes:
    removed: tuple[str, ...]
    """Domains of the replaced copy the update no longer lists."""
    lost_2fa: tuple[str, ...]
    """Domains that offered 2FA before and, per the update, offer none."""
    compared_with: int

    @property
    def removed_share(self) -> float:
        return len(self.removed) / self.compared_with if self.compared_with else 0.0

    @property
    def suspicious(self) -> bool:
        return bool(self.lost_2fa) or self.removed_share > MAX_REMOVED_SHARE


def compare(
    new: Sequence[Service], previous: Sequence[Service] | None, builtin: Sequence[Service]
) -> Changes:
    by_domain = {s.domain: s for s in new}
    major = {s.domain for s in builtin if s.offers_2fa}
    removed: list[str] = []
    lost: set[str] = set()
    for old in previous or ():
        now = by_domain.get(old.domain)
        if now is None:
            removed.append(old.domain)
            if old.offers_2fa and old.domain in major:
                lost.add(old.domain)  # dropping Google is not pruning a dead site
        elif old.offers_2fa and not now.offers_2fa:
            lost.add(old.domain)
    for known in builtin:  # the built-in data is a floor even on a first download
        now = by_domain.get(known.domain)
        if now is not None and known.offers_2fa and not now.offers_2fa:
            lost.add(known.domain)
    return Changes(tuple(sorted(removed)), tuple(sorted(lost)), len(previous or ()))


def describe(changes: Changes) -> str:
    parts = []
    if changes.lost_2fa:
        count = len(changes.lost_2fa)
        names = ", ".join(changes.lost_2fa[:SHOWN])
        more = f" and {count - SHOWN} more" if count > SHOWN else ""
        parts.append(f"it says {count} service(s) no longer offer 2FA ({names}{more})")
    if changes.removed_share > MAX_REMOVED_SHARE:
        parts.append(
            f"it drops {len(changes.removed)} of {changes.compared_with} services"
            f" ({changes.removed_share:.0%}, more than {MAX_REMOVED_SHARE:.0%})"
        )
    return "; ".join(parts)


def validate_update(
    raw: bytes,
    *,
    where: str,
    min_entries: int,
    previous: Sequence[Service] | None,
    builtin: Sequence[Service],
    accept_changes: bool,
) -> tuple[Any, list[Service], int, Changes]:
    """Parse and review a dataset: (its JSON, services, malformed count, changes).

    Raises DatasetError (exit 2) when it is not a usable dataset, or when its
    changes look wrong and `accept_changes` is False; nothing is written either way.
    """
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise DatasetError(
            f"{where}: not valid JSON: the download is corrupt or partial"
            " (your current copy is unchanged)"
        ) from None
    services, bad = parse_services(data, where=where, min_entries=min_entries)
    changes = compare(services, previous, builtin)
    if changes.suspicious and not accept_changes:
        raise DatasetError(
            f"{where}: refused: {describe(changes)}; your current copy is unchanged."
            " If this is right (check https://2fa.directory), run again with --accept-changes"
        )
    return data, services, bad, changes
