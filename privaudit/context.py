"""What a check may look at: inputs, settings and injected services; nothing global."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from privaudit.accounts import Account
from privaudit.secret import run_key
from privaudit.settings import Settings

if TYPE_CHECKING:
    from privaudit.checklists.model import ChecklistContext
    from privaudit.exposure import Exposure
    from privaudit.pwned.lookup import PwnedLookup
    from privaudit.strength import StrengthEstimator
    from privaudit.tfa.match import Directory


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class AuditContext:
    accounts: tuple[Account, ...] = ()
    settings: Settings = field(default_factory=Settings)
    offline: bool = False
    interactive: bool = False
    """Whether checks may ask the user questions (a TTY and no --no-input)."""
    clock: Callable[[], datetime] = utc_now
    run_key: bytes = field(default_factory=run_key, repr=False)
    """Random per run: keys Secret.fingerprint so equal passwords group without being stored."""
    strength: StrengthEstimator | None = None
    tfa: Directory | None = None
    """2FA support data with its matcher; checks fall back to the built-in dataset."""
    checklists: ChecklistContext | None = None
    """Checklists in scope and the user's answers to them (privaudit/checklists/audit.py)."""
    pwned: PwnedLookup | None = None
    """Breach lookups (online range API or offline corpus); None: not configured."""
    exposure: Exposure | None = None
    """Breach catalogue, passkeys directory, site quirks, opt-in email lookups; None: built-in."""
    services: Mapping[str, object] = field(default_factory=dict)
    """Extra services by name, for plugins (e.g. an organisation's own directory)."""
    expired: tuple[Account, ...] = ()
    """Entries the password manager marks as expired: kept out of `accounts`, so no
    check audits them as live logins; PW105 reports each one."""

    def __post_init__(self) -> None:
        if not any(a.expires is not None for a in self.accounts):
            return
        now = self.clock()
        over = [a for a in self.accounts if a.expires is not None and a.expires <= now]
        if over:
            gone = {id(a) for a in over}  # by identity: a Secret refuses ==
            live = tuple(a for a in self.accounts if id(a) not in gone)
            object.__setattr__(self, "accounts", live)
            object.__setattr__(self, "expired", (*self.expired, *over))

    @property
    def with_passwords(self) -> tuple[Account, ...]:
        return tuple(a for a in self.accounts if a.password is not None and a.password)
