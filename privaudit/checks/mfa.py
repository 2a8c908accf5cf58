"""Second factors (MFA101)."""

from __future__ import annotations

from collections.abc import Iterator

from privaudit.accounts import MfaMethod
from privaudit.context import AuditContext
from privaudit.model import CheckMeta, Finding, Need, Severity, Status


class MissingMfa:
    meta = CheckMeta(
        id="MFA101",
        name="missing-mfa",
        category="mfa",
        severity=Severity.HIGH,
        title="No second factor on the account",
        why=(
            "With a second factor (an app code, a security key or a passkey), a stolen "
            "password alone is not enough to take over the account."
        ),
        fix=(
            "Turn on two-step verification in the account's security settings; prefer a "
            "passkey, a security key or an authenticator app over SMS. If it is already on, "
            'declare it in your profile: mfa = ["totp"].'
        ),
        references=("https://pages.nist.gov/800-63-4/sp800-63b.html",),
        needs=frozenset({Need.ACCOUNTS}),
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        for account in ctx.accounts:
            methods = sorted(m.value for m in account.mfa if m is not MfaMethod.NONE)
            if account.totp is not None and MfaMethod.TOTP.value not in methods:
                methods.append(MfaMethod.TOTP.value)
            if methods:
                yield self.meta.finding(
                    Status.PASS, account.subject, "second factor: " + ", ".join(sorted(methods))
                )
            else:
                yield self.meta.finding(
                    Status.FAIL,
                    account.subject,
                    "no second factor recorded: one stolen password opens this account",
                )
