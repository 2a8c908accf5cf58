"""Entries the password manager marks as expired (PW105).

KeePass and KeePassXC let an entry expire: the user said "this login is over".
Such entries are kept out of every other check (`AuditContext` holds them apart),
so an old password does not count as reused or weak on a live account, and each
is reported here instead, never silently.
"""

from __future__ import annotations

from collections.abc import Iterator

from privaudit.checks.lang import N_, Localized, _
from privaudit.context import AuditContext
from privaudit.model import CheckMeta, Finding, Need, Severity, Status


class ExpiredEntry:
    meta = Localized(
        CheckMeta(
            id="PW105",
            name="expired-entry",
            category="passwords",
            severity=Severity.LOW,
            title=N_("Entry marked as expired in the password manager"),
            why=N_(
                "An expired entry is a login you meant to retire. If the account still exists, "
                "its password is still valid there, and it is the one nobody looks after."
            ),
            fix=N_(
                "If the account still exists, change its password (or close the account) and "
                "renew the entry. If not, delete the entry."
            ),
            needs=frozenset({Need.ACCOUNTS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        for account in ctx.expired:
            assert account.expires is not None
            yield self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "expired on {day}: not audited as a live login;"
                    " close or renew the account, or delete the entry"
                ).format(day=account.expires.date().isoformat()),
                details={"expired": account.expires.date().isoformat()},
            )
