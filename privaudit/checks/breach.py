"""BR101: passwords that appear in known data breaches (Pwned Passwords)."""

from __future__ import annotations

import dataclasses

from privaudit.accounts import Account
from privaudit.checks.fixes import Fixes
from privaudit.context import AuditContext
from privaudit.errors import PrivauditError
from privaudit.model import CheckMeta, Finding, Need, Severity, Status
from privaudit.pwned.hashing import sha1_hex
from privaudit.pwned.lookup import LookupFailure, LookupResult

HIBP = "https://haveibeenpwned.com/Passwords"
NO_CORPUS = (
    "offline, and no breach corpus is configured: download the Pwned Passwords corpus"
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
    meta = CheckMeta(
        id="BR101",
        name="breached-password",
        category="breach",
        severity=Severity.HIGH,
        title="Password found in a data breach",
        why=(
            "Passwords from past breaches are the first ones attackers try, on every site."
            " If yours is on their list, its strength no longer matters."
        ),
        fix="Change it everywhere it is used, to a new password your password manager makes.",
        references=(HIBP, "https://pages.nist.gov/800-63-4/sp800-63b.html"),
        needs=frozenset({Need.PASSWORDS}),
    )

    async def run(self, ctx: AuditContext) -> list[Finding]:
        accounts = ctx.with_passwords
        if ctx.pwned is None:
            if ctx.offline:
                return [self.meta.finding(Status.SKIP, self.meta.title, NO_CORPUS)]
            return [
                self.meta.finding(
                    Status.ERROR, self.meta.title, "breach status unknown: no lookup service"
                )
            ]
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
        source = ctx.pwned.source
        fixes = Fixes(ctx)
        findings = []
        for i, account in enumerate(accounts):
            full = hashes[i]
            result: LookupResult = (
                LookupFailure("the password is not valid Unicode text")
                if full is None
                else answers.get(full, LookupFailure("no answer"))
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
                f"breach status unknown: {result.reason}; try again or use --offline"
                " with a breach corpus",
            )
        if result > 0:
            return self.meta.finding(
                Status.FAIL,
                account.subject,
                f"seen {result:,} times in data breaches: attackers try it first",
                severity=severity_for(result),
                details={"breach_count": result},
            )
        return self.meta.finding(
            Status.PASS, account.subject, f"not found in known breaches (checked against {source})"
        )
