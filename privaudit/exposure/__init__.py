"""Account exposure: site breaches, email breaches, passkeys and site quirks.

Checks reach all of it through `AuditContext.exposure` (an `Exposure`), never
by importing data themselves; the built-in snapshots stand in when none is given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from privaudit.exposure.breaches import BreachCatalogue
from privaudit.exposure.breaches import load_builtin as builtin_breaches
from privaudit.exposure.passkeys import PasskeyDirectory
from privaudit.exposure.passkeys import load_builtin as builtin_passkeys
from privaudit.exposure.quirks import Quirks
from privaudit.exposure.quirks import load_builtin as builtin_quirks

if TYPE_CHECKING:
    from privaudit.exposure.emails import EmailLookup


@dataclass(frozen=True)
class Exposure:
    breaches: BreachCatalogue = field(default_factory=builtin_breaches)
    passkeys: PasskeyDirectory = field(default_factory=builtin_passkeys)
    quirks: Quirks = field(default_factory=builtin_quirks)
    emails: EmailLookup | None = None
    """The opt-in breachedaccount lookup (--check-emails); None: not asked for."""

    @property
    def labels(self) -> dict[str, str]:
        return {"breaches": self.breaches.label, "passkeys": self.passkeys.label}


def load_exposure(*, builtin_only: bool = False) -> tuple[Exposure, list[str]]:
    """The downloaded data where good, else the built-in; notices for ignored copies."""
    if builtin_only:
        return Exposure(), []
    from privaudit.exposure.store import choose_breaches, choose_passkeys  # noqa: PLC0415

    breaches, breach_notice = choose_breaches()
    passkeys, passkey_notice = choose_passkeys()
    notices = [n for n in (breach_notice, passkey_notice) if n]
    return Exposure(breaches=breaches, passkeys=passkeys), notices


__all__ = ["Exposure", "load_exposure"]
