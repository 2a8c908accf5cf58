"""BR101: passwords that appear in known data breaches (Pwned Passwords)."""

from __future__ import annotations

import dataclasses

from privaudit.accounts import Account
from privaudit.checks.breach_text import source_label
from privaudit.checks.fixes import Fixes
from privaudit.checks.lang import N_, Localized, _, ngettext, number, title_ref
from privaudit.context import AuditContext
from privaudit.errors import PrivauditError
from privaudit.model import CheckMeta, Finding, Need, Severity, Status
from privaudit.pwned.hashing import sha1_hex
from privaudit.pwned.lookup import LookupFailure, LookupResult

HIBP = "https://haveibeenpwned.com/Passwords"
NO_CORPUS = N_(
    "offline, and no breach corpus is set up: download the Pwned Passwords list"
    " (https://github.com/HaveIBeenPwned/PwnedPasswordsDownloader), then pass"
    " --pwned-corpus PATH or set pwned.offline_corpus (docs/breach.md)"
)


def severity_for(count: int) -> Severity:
    """The more often a password was seen, the earlier attackers try it."""
    if count >= 100_000:
        return Severity.CRITICAL
    if count >= 10:
        return Severity.HIGH
    return Severity.MEDIUM


class BreachedPassword:
    meta = Localized(
        CheckMeta(
            id="BR101",
            name="breached-password",
            category="breach",
            severity=Severity.HIGH,
            title=N_("Password found in a data breach"),
            why=N_(
                "Passwords from past breaches are the first ones attackers try, on every site."
                " If yours is on their list, its strength no longer matters."
            ),
            fix=N_(
                "Change it everywhere it is used, to a new password your password manager makes."
            ),
            references=(HIBP, "https://pages.nist.gov/800-63-4/sp800-63b.html"),
            needs=frozenset({Need.PASSWORDS}),
        )
    )

    async def run(self, ctx: AuditContext) -> list[Finding]:
        accounts = ctx.with_passwords
        if ctx.pwned is None:
            if ctx.offline:
                skip = _(NO_CORPUS)
                return [self.meta.finding(Status.SKIP, self.meta.title, skip, ref=title_ref(self))]
            unknown = _("breach status unknown: no lookup service")
            return [self.meta.finding(Status.ERROR, self.meta.title, unknown, ref=title_ref(self))]
        hashes: dict[int, str | None] = {}
        for i, account in enumerate(accounts):
            assert account.password is not None  # filtered by with_passwords
            try:
                hashes[i] = sha1_hex(account.password.reveal())
            except UnicodeEncodeError:
                hashes[i] = None
        wanted = sorted({h for h in hashes.values() if h is not None})
        try:
            answers = await ctx.pwned.lookup(wanted) if wanted else {}
        except PrivauditError as exc:  # a corrupt corpus: every answer is unknown
            answers = dict.fromkeys(wanted, LookupFailure(str(exc)))
        source = source_label(ctx.pwned.source)
        fixes = Fixes(ctx)
        findings = []
        for i, account in enumerate(accounts):
            full = hashes[i]
            result: LookupResult = (
                LookupFailure(_("the password is not valid Unicode text"))
                if full is None
                else answers.get(full, LookupFailure(_("no answer")))
            )
            finding = self._judge(account, result, source)
            if finding.status is Status.FAIL:
                finding = dataclasses.replace(
                    finding, fix=fixes.change_password(account, self.meta.fix)
                )
            findings.append(finding)
        return findings

    def _judge(self, account: Account, result: LookupResult, source: str) -> Finding:
        if isinstance(result, LookupFailure):
            return self.meta.finding(
                Status.ERROR,
                account.subject,
                _(
                    "breach status unknown: {reason}; try again or use --offline"
                    " with a breach corpus"
                ).format(reason=result.reason),
            )
        if result > 0:
            return self.meta.finding(
                Status.FAIL,
                account.subject,
                ngettext(
                    "seen {count} time in data breaches: attackers try it first",
                    "seen {count} times in data breaches: attackers try it first",
                    result,
                ).format(count=number(result)),
                severity=severity_for(result),
                details={"breach_count": result},
            )
        return self.meta.finding(
            Status.PASS,
            account.subject,
            _("not found in known breaches (checked against {source})").format(source=source),
        )
