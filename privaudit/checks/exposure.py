"""EXP101: the site was breached after the password was last set (HIBP's catalogue).

Which breaches count, and how each catalogue flag changes the verdict, is in
docs/checks.md (EXP101). The password's date comes from the export; when it is
unknown, the item's modification time still bounds it from above.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from privaudit.accounts import Account
from privaudit.checks.fixes import Fixes
from privaudit.context import AuditContext
from privaudit.exposure.breaches import Breach
from privaudit.model import CheckMeta, Finding, Need, Severity, Status

HIBP_BREACHES = "https://haveibeenpwned.com/PwnedWebsites"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _exposed(account: Account, breach: Breach) -> bool | None:
    """True: the password was set before the breach; False: after; None: unknown."""
    if account.password_changed is not None:
        return _aware(account.password_changed) < breach.cutoff
    if account.modified is not None and _aware(account.modified) < breach.cutoff:
        return True  # the login was not touched since before the breach
    return None


def _set_when(account: Account) -> str:
    if account.password_changed is not None:
        return f"your password was last set on {account.password_changed.date()}"
    assert account.modified is not None
    return f"this login was last changed on {account.modified.date()}"


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


class SiteBreachedSincePassword:
    meta = CheckMeta(
        id="EXP101",
        name="site-breached-since-password",
        category="breach",
        severity=Severity.HIGH,
        title="Site breached after the password was last set",
        why=(
            "When a site's account database leaks, every password set before the leak must"
            " be treated as known to attackers, however strong it is."
        ),
        fix="Change the password on that site to a new one your password manager makes.",
        references=(HIBP_BREACHES, "https://haveibeenpwned.com/API/v3#AllBreaches"),
        needs=frozenset({Need.ACCOUNTS}),
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        fixes = Fixes(ctx)
        catalogue = fixes.exposure.breaches
        matched = 0
        for account in ctx.accounts:
            sites = {s for s in map(fixes.site_of, account.domains) if s}
            relevant = [b for b in catalogue.for_sites(sites, fixes.site_of) if b.about_the_site]
            if relevant:
                matched += 1
                yield self._judge(account, relevant, fixes, catalogue.label)
        if ctx.accounts and not matched:
            yield self.meta.finding(
                Status.PASS,
                "Site breaches",
                f"none of your {len(ctx.accounts)} accounts is on a site in the {catalogue.label}",
                severity=Severity.INFO,
            )

    def _judge(self, account: Account, breaches: list[Breach], fixes: Fixes, label: str) -> Finding:
        verdicts = [(b, _exposed(account, b)) for b in breaches]
        exposed = [b for b, v in verdicts if v]
        unknown = [b for b, v in verdicts if v is None]
        latest = (exposed or unknown or breaches)[-1]
        details = {
            "breach": latest.name,
            "breach_date": latest.breach_date.isoformat(),
            "added_to_hibp": latest.added.date().isoformat(),
            "password_set": _day(account.password_changed),
            "item_modified": _day(account.modified),
            "catalogue": label,
        }
        fix = fixes.change_password(account, self.meta.fix)
        note = " (HIBP marks it sensitive)" if latest.sensitive else ""
        if exposed:
            return self._exposed(account, latest, note, details, fix)
        if unknown:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                f"{latest.title} was breached {latest.when}{note}, and the export does not say"
                " when this password was last set: if not since then, change it",
                severity=Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        return self.meta.finding(
            Status.PASS,
            account.subject,
            f"{_set_when(account)}, after the {latest.title} breach"
            f" ({latest.when.removeprefix('on ')})",
            details=details,
        )

    def _exposed(
        self, account: Account, breach: Breach, note: str, details: dict[str, str | None], fix: str
    ) -> Finding:
        head = f"{breach.title} was breached {breach.when}{note}, after {_set_when(account)}"
        if not breach.exposed_passwords:
            leaked = ", ".join(c.lower() for c in breach.data_classes[:4]) or "account data"
            return self.meta.finding(
                Status.WARN,
                account.subject,
                f"{head}; it leaked {leaked} but no passwords: expect convincing phishing,"
                " and change the password if you are unsure",
                severity=Severity.LOW,
                fix=fix,
                details=details,
            )
        if not breach.verified:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                f"{head}; HIBP has not verified this breach: change the password to be safe",
                severity=Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        return self.meta.finding(
            Status.FAIL, account.subject, f"{head}: change it", fix=fix, details=details
        )
