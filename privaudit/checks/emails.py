"""EXP102: email addresses (from usernames) found in breaches, with --check-emails only.

The lookups themselves happen before the run (`EmailLookup.fetch`, so that a
rejected key stops the audit with exit 2); this check reads their answers from
`ctx.exposure.emails` and connects each address to the accounts that use it.
"""

from __future__ import annotations

from collections.abc import Iterator

from privaudit.accounts import Account
from privaudit.checks.breach_text import data_classes
from privaudit.checks.fixes import Fixes
from privaudit.checks.grouping import name_list
from privaudit.checks.lang import N_, Localized, _, ngettext, title_ref
from privaudit.context import AuditContext
from privaudit.exposure.breaches import Breach
from privaudit.exposure.emails import EmailFailure, addresses
from privaudit.model import CheckMeta, Finding, Need, Severity, Status

OFF = N_(
    "not asked: --check-emails looks up the email addresses in your usernames with HIBP"
    " (it sends each address, with your own API key; see docs/privacy.md)"
)


def _breach_line(breach: Breach) -> str:
    classes = data_classes(breach.data_classes[:5])
    return f"{breach.title} ({breach.breach_date.isoformat()}: {classes})"


class EmailInBreaches:
    meta = Localized(
        CheckMeta(
            id="EXP102",
            name="email-in-breaches",
            category="breach",
            severity=Severity.HIGH,
            title=N_("Email address found in data breaches"),
            why=N_(
                "A breached address is on attackers' lists for phishing and for trying leaked"
                " passwords; where the breach held passwords, that site's and any reused"
                " password must be treated as known."
            ),
            fix=N_(
                "Change the password of each account on a breached site, and of every account"
                " that shared that password; expect phishing to this address."
            ),
            references=("https://haveibeenpwned.com/API/v3#BreachesForAccount",),
            needs=frozenset({Need.ACCOUNTS, Need.NETWORK}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        fixes = Fixes(ctx)
        lookup = fixes.exposure.emails
        if lookup is None:
            yield self.meta.finding(Status.SKIP, self.meta.title, _(OFF), ref=title_ref(self))
            return
        for address, users in addresses(ctx.accounts).items():
            result = lookup.results.get(address)
            if result is None:
                result = EmailFailure(_("not looked up"))
            yield self._judge(address, users, result, fixes, lookup.source)

    def _judge(
        self,
        address: str,
        users: list[Account],
        result: tuple[Breach, ...] | EmailFailure,
        fixes: Fixes,
        source: str,
    ) -> Finding:
        used_by = name_list([a.label for a in users])
        if isinstance(result, EmailFailure):
            return self.meta.finding(
                Status.ERROR,
                address,
                _("breach status unknown: {reason} (used by {accounts})").format(
                    reason=result.reason, accounts=used_by
                ),
            )
        if not result:
            return self.meta.finding(
                Status.PASS,
                address,
                _("not in any breach {source} knows (used by {accounts})").format(
                    source=source, accounts=used_by
                ),
            )
        breaches = sorted(result, key=lambda b: b.breach_date, reverse=True)
        on_site = self._accounts_on_breached_sites(users, breaches, fixes)
        passwords = any(b.exposed_passwords and b.about_the_site for b in breaches)
        shown = "; ".join(_breach_line(b) for b in breaches[:5])
        if len(breaches) > 5:
            shown = _("{breaches} and {n} more").format(breaches=shown, n=len(breaches) - 5)
        tied = (
            _("; your account on a breached site: {accounts}").format(accounts=name_list(on_site))
            if on_site
            else ""
        )
        return self.meta.finding(
            Status.FAIL if passwords else Status.WARN,
            address,
            ngettext(
                "in {n} breach: {breaches} (used by {accounts}){tied}",
                "in {n} breaches: {breaches} (used by {accounts}){tied}",
                len(breaches),
            ).format(n=len(breaches), breaches=shown, accounts=used_by, tied=tied),
            severity=None if passwords else Severity.MEDIUM,
            fix=self.meta.fix,
            details={
                "breaches": len(breaches),
                "latest": breaches[0].name,
                "passwords_exposed": passwords,
                "accounts": len(users),
            },
        )

    @staticmethod
    def _accounts_on_breached_sites(
        users: list[Account], breaches: list[Breach], fixes: Fixes
    ) -> list[str]:
        breached = {fixes.site_of(b.domain) for b in breaches if b.domain} - {None}
        return [a.subject for a in users if {fixes.site_of(h) for h in a.domains} & breached]
