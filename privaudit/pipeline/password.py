"""The audit's twin for passwords outside any vault (`privaudit password check`).

The same registry checks (PW101 strength, BR101 breach) run through the same
runner, with the same services in the context as in an audit.
"""

from __future__ import annotations

from collections.abc import Sequence

from privaudit.accounts import Account
from privaudit.context import AuditContext
from privaudit.model import Report
from privaudit.pipeline.request import PasswordCheckRequest
from privaudit.pipeline.services import strength_estimator
from privaudit.pwned.factory import build_lookup
from privaudit.pwned.lookup import PwnedLookup
from privaudit.registry import load_registry
from privaudit.runner import run_audit
from privaudit.secret import Secret
from privaudit.settings import Settings

PASSWORD_CHECKS = ("PW101", "BR101")


class PasswordChecker:
    """Built once per command, so typed passwords share one lookup and its cache."""

    def __init__(self, request: PasswordCheckRequest, settings: Settings) -> None:
        self.request = request
        self.settings = settings
        registry = load_registry(plugins=False)
        self.checks = [registry.get(ident) for ident in PASSWORD_CHECKS]
        self.lookup: PwnedLookup | None = build_lookup(
            settings.pwned, offline=settings.audit.offline, use_cache=not request.no_cache
        )
        self.strength = strength_estimator()

    def check(self, passwords: Sequence[str], *, first: int = 1) -> Report:
        site, username = self.request.site, self.request.username
        accounts = tuple(
            Account(
                label=f"#{first + i}" if not site else f"{site} #{first + i}",
                urls=(site,) if site else (),
                username=username,
                password=Secret(pw),
                source="prompt",
            )
            for i, pw in enumerate(passwords)
        )
        ctx = AuditContext(
            accounts=accounts,
            settings=self.settings,
            offline=self.settings.audit.offline,
            pwned=self.lookup,
            strength=self.strength,
        )
        return run_audit(self.checks, ctx)
