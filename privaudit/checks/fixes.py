"""What every "change this password" fix carries: the site's own change-password
page (Apple's list, else the W3C well-known URL) and the site's password rules.

Exposure data comes from `ctx.exposure` (the built-in snapshots when none is
given); registrable domains from the 2FA directory's matcher, so one public
suffix list serves every check.
"""

from __future__ import annotations

from collections.abc import Callable

from privaudit.accounts import Account
from privaudit.checks.lang import _
from privaudit.context import AuditContext
from privaudit.exposure import Exposure
from privaudit.tfa.dataset import load_builtin
from privaudit.tfa.match import Directory


def exposure_of(ctx: AuditContext) -> Exposure:
    return ctx.exposure if ctx.exposure is not None else Exposure()


class Fixes:
    """Built once per check run: the data and the domain matcher it needs."""

    def __init__(self, ctx: AuditContext) -> None:
        self.exposure = exposure_of(ctx)
        directory = ctx.tfa if ctx.tfa is not None else Directory(load_builtin())
        self.site_of: Callable[[str], str | None] = directory.matcher.registrable_domain

    def change_link(self, account: Account) -> str | None:
        return self.exposure.quirks.change_password_url(account.domains, self.site_of)

    def change_password(self, account: Account, lead: str) -> str:
        """`lead`, then where to change the password and what the new one may contain."""
        lines = [lead]
        link = self.change_link(account)
        if link:
            lines.append(_("Change it here: {link}").format(link=link))
        rules = self.exposure.quirks.rules_for(account.domains)
        described = rules.describe() if rules else ""
        if described:
            lines.append(
                _("Password rules: {rules}; set your generator to match.").format(rules=described)
            )
        return "\n".join(lines)
