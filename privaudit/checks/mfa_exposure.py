"""What the exposure data adds to the 2FA checks: passkey support per service
(the passkeys directory) and logins shared across domains (Apple's groups),
where one 2FA fact covers every domain of the group."""

from __future__ import annotations

from collections.abc import Callable

from privaudit.accounts import Account, MfaMethod
from privaudit.checks.fixes import Fixes
from privaudit.context import AuditContext
from privaudit.exposure.passkeys import PasskeySupport


class MfaFacts:
    """Built once per check run."""

    def __init__(self, ctx: AuditContext, known: Callable[[Account], frozenset[MfaMethod]]) -> None:
        self._fixes = Fixes(ctx)
        self._known = known
        self._keys = {id(a): self._service_key(a) for a in ctx.accounts}
        # Only accounts with the same username can be one login: compare within those.
        self._by_user: dict[str, list[Account]] = {}
        for account in ctx.accounts:
            if account.username:
                self._by_user.setdefault(account.username.casefold(), []).append(account)

    def _service_key(self, account: Account) -> frozenset[str]:
        quirks = self._fixes.exposure.quirks
        return quirks.service_key(account.domains, self._fixes.site_of, historical=False)

    def passkeys(self, account: Account) -> PasskeySupport | None:
        return self._fixes.exposure.passkeys.lookup(account.domains, self._fixes.site_of)

    def methods(self, account: Account) -> frozenset[MfaMethod]:
        """Known methods of this login, including those recorded on another domain of
        the same shared-login group with the same username (one account, one fact)."""
        methods = set(self._known(account))
        key = self._keys[id(account)]
        if not key or not account.username:
            return frozenset(methods)
        for other in self._by_user.get(account.username.casefold(), ()):
            if (
                other is not account
                and self._keys[id(other)] & key
                and not set(other.domains) & set(account.domains)
            ):
                methods |= self._known(other)
        return frozenset(methods)
