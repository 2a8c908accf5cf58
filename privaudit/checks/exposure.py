"""EXP101: the site was breached after the password was last set (HIBP's catalogue).

Which breaches count, and how each catalogue flag changes the verdict, is in
docs/checks.md (EXP101). The password's date comes from the export; when it is
unknown, the item's modification time still bounds it from above.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from privaudit.accounts import Account
from privaudit.checks.breach_text import data_classes, day, when
from privaudit.checks.fixes import Fixes
from privaudit.checks.lang import N_, Localized, _, ngettext
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
        return _("your password was last set on {day}").format(
            day=account.password_changed.date().isoformat()
        )
    assert account.modified is not None
    return _("this login was last changed on {day}").format(day=account.modified.date().isoformat())


def _day(value: datetime | None) -> str | None:
    return value.date().isoformat() if value else None


class SiteBreachedSincePassword:
    meta = Localized(
        CheckMeta(
            id="EXP101",
            name="site-breached-since-password",
            category="breach",
            severity=Severity.HIGH,
            title=N_("Site breached after the password was last set"),
            why=N_(
                "When a site's account data leaks, every password set before the leak is known"
                " to attackers. How strong it is does not matter."
            ),
            fix=N_("Change the password on that site to a new one your password manager makes."),
            references=(HIBP_BREACHES, "https://haveibeenpwned.com/API/v3#AllBreaches"),
            needs=frozenset({Need.ACCOUNTS}),
        )
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
                _("Site breaches"),
                _("your account is not on a site with a known breach")
                if len(ctx.accounts) == 1
                else ngettext(
                    "none of your {n} account is on a site with a known breach",
                    "none of your {n} accounts is on a site with a known breach",
                    len(ctx.accounts),
                ).format(n=len(ctx.accounts)),
                details={"catalogue": catalogue.label},
                severity=Severity.INFO,
                ref="Site breaches",  # the English subject: one key in every language
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
        note = _(" (HIBP marks it sensitive)") if latest.sensitive else ""
        if exposed:
            return self._exposed(account, latest, note, details, fix)
        if unknown:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "{site} was breached {when}{note}, and the export does not say"
                    " when this password was last set: if not since then, change it"
                ).format(site=latest.title, when=when(latest), note=note),
                severity=Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        return self.meta.finding(
            Status.PASS,
            account.subject,
            _("{set_when}, after the {site} breach ({day})").format(
                set_when=_set_when(account), site=latest.title, day=day(latest)
            ),
            details=details,
        )

    def _exposed(
        self, account: Account, breach: Breach, note: str, details: dict[str, str | None], fix: str
    ) -> Finding:
        head = _("{site} was breached {when}{note}, after {set_when}").format(
            site=breach.title, when=when(breach), note=note, set_when=_set_when(account)
        )
        if not breach.exposed_passwords:
            leaked = data_classes(breach.data_classes[:4]) or _("account data")
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "{head}; it leaked {leaked} but no passwords: expect convincing phishing,"
                    " and change the password if you are unsure"
                ).format(head=head, leaked=leaked),
                severity=Severity.LOW,
                fix=fix,
                details=details,
            )
        if not breach.verified:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "{head}; HIBP has not verified this breach: change the password to be safe"
                ).format(head=head),
                severity=Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        return self.meta.finding(
            Status.FAIL,
            account.subject,
            _("{head}: change it").format(head=head),
            fix=fix,
            details=details,
        )
