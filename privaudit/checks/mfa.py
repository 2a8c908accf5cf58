"""Second factors: missing (MFA101), weak method (MFA102), recovery codes (MFA103).

Which services offer which methods comes from the 2FA dataset injected as
`ctx.tfa` (the built-in one when none is given).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import assert_never

from privaudit.accounts import Account, MfaMethod
from privaudit.checks.mfa_exposure import MfaFacts
from privaudit.context import AuditContext
from privaudit.exposure.passkeys import PasskeySupport
from privaudit.i18n import N_, _
from privaudit.merge import MfaStatus, mfa_status
from privaudit.model import SUMMARY_DETAIL, CheckMeta, Finding, Need, Severity, Status
from privaudit.tfa.dataset import Service, load_builtin
from privaudit.tfa.match import Directory, Matcher, ServiceMatch
from privaudit.tfa.methods import METHOD_NAMES, STRENGTH, Strength, best_methods, strongest

NIST_800_63B = "https://pages.nist.gov/800-63-4/sp800-63b.html"


def directory_of(ctx: AuditContext) -> Directory:
    return ctx.tfa if ctx.tfa is not None else Directory(load_builtin())


def status_of(account: Account, ctx: AuditContext) -> MfaStatus:
    """The one 2FA status of an account: export seeds, declarations and checklist answers."""
    return mfa_status(account, ctx.checklists, ctx.clock())


def facts_of(ctx: AuditContext) -> MfaFacts:
    """Passkey support and shared-login groups, over each account's one 2FA status."""
    return MfaFacts(ctx, lambda account: status_of(account, ctx).methods)


def names(methods: list[MfaMethod]) -> str:
    if MfaMethod.PASSKEY in methods:  # "a security key (or passkey)" would say it twice
        return " or ".join(
            "a security key" if m is MfaMethod.HARDWARE_KEY else METHOD_NAMES[m] for m in methods
        )
    return " or ".join(METHOD_NAMES[m] for m in methods)


def passkey_fix(account: Account, passkeys: PasskeySupport) -> str:
    lines = [
        (
            f"Create a passkey for {passkeys.name} (it offers them {passkeys.how}): it"
            " cannot be phished, and nothing reusable is left for a breach to leak."
        )
    ]
    if passkeys.documentation:
        lines.append(f"How: {passkeys.documentation}")
    lines.append(f"Already have one? Declare it: privaudit mfa set '{account.label}' passkey")
    return "\n".join(lines)


def _set_hint(account: Account) -> str:
    return f"privaudit mfa set '{account.label}' totp (or sms, hardware-key, passkey, none)"


def _is_local(directory: Directory, account: Account) -> bool:
    """Only IP addresses, localhost and the like: a device's admin page, not an online account."""
    return (
        bool(account.domains) and not account.apps and all(map(Matcher.is_local, account.domains))
    )


UNKNOWN_SUMMARY = N_(
    "not in privaudit's 2FA data, so it is unknown whether they offer two-step login"
    " or whether yours is on: check their security settings, then record it with"
    " privaudit mfa set NAME METHOD"
)
"""Said once for several such accounts (at most 200 characters: sanitize's limit)."""


def _not_known(account: Account) -> str:
    """What privaudit looked up, so the user can tell a gap in the data from a typo."""
    if account.domains:
        return f"{account.domains[0]} is not a known service in the 2FA data"
    if account.apps:
        return f"the app {account.apps[0]} is not a known service in the 2FA data"
    return "not a known service in the 2FA data"


def _details(match: ServiceMatch | None, directory: Directory) -> dict[str, str | None]:
    return {
        "service": match.service.name if match else None,
        "matched_by": match.how if match else None,
        "dataset": directory.label,
    }


class MissingMfa:
    meta = CheckMeta(
        id="MFA101",
        name="missing-mfa",
        category="mfa",
        severity=Severity.HIGH,
        title="No second factor on an account that offers one",
        why=(
            "With a second factor (an app code, a security key or a passkey), a stolen "
            "password alone is not enough to take over the account."
        ),
        fix=(
            "Turn on two-step verification in the account's security settings; prefer a "
            "passkey, a security key or an authenticator app over SMS. If it is already on, "
            'declare it: privaudit mfa set SERVICE totp (or mfa = ["totp"] in your profile).'
        ),
        references=(NIST_800_63B, "https://2fa.directory/"),
        needs=frozenset({Need.ACCOUNTS}),
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        directory = directory_of(ctx)
        facts = facts_of(ctx)
        for account in ctx.accounts:
            yield self._judge(account, status_of(account, ctx), directory, facts)

    def _judge(
        self, account: Account, status: MfaStatus, directory: Directory, facts: MfaFacts
    ) -> Finding:
        match = directory.match(account)
        details = {**_details(match, directory), "evidence": "; ".join(status.evidence) or None}
        shared = facts.methods(account) - status.methods
        if not status.on and status.on is not False and shared:
            listed = ", ".join(sorted(m.value for m in shared))
            return self.meta.finding(
                Status.PASS,
                account.subject,
                f"second factor: {listed} (recorded for the same login on a site that shares it)",
                details=details,
            )
        if status.on:
            listed = ", ".join(sorted(m.value for m in status.methods))
            said = listed or f"on ({'; '.join(status.evidence)})"
            return self.meta.finding(
                Status.PASS, account.subject, f"second factor: {said}", details=details
            )
        if status.conflict:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                f"what you recorded disagrees ({'; '.join(status.evidence)}): check the"
                " account's security settings, then correct the wrong one",
                severity=Severity.MEDIUM,
                details=details,
            )
        passkeys = facts.passkeys(account)
        if passkeys is not None and (match is None or not match.service.offers_2fa):
            return self.meta.finding(
                Status.FAIL,
                account.subject,
                f"{passkeys.name} offers passkeys {passkeys.how} but no second factor is"
                " recorded: one stolen password opens this account",
                fix=passkey_fix(account, passkeys),
                details={**details, "passkeys": passkeys.how},
            )
        if match is None:
            return self._unknown(account, status, directory, details)
        service = match.service
        if not service.offers_2fa:
            return self.meta.finding(
                Status.SKIP,
                account.subject,
                f"{service.name} offers no second factor (per the {directory.label} 2FA data):"
                " a long unique password is all you can do there",
                details=details,
            )
        state = (
            f"it is off ({'; '.join(status.evidence)})"
            if status.on is False
            else "none is recorded"
        )
        return self.meta.finding(
            Status.FAIL,
            account.subject,
            f"{service.name} offers 2FA but {state}: one stolen password opens this"
            f" account ({self._guards(service)})",
            severity=service.severity,
            fix=self._fix(account, service, passkeys),
            details={**details, "passkeys": passkeys.how} if passkeys else details,
        )

    def _unknown(
        self,
        account: Account,
        status: MfaStatus,
        directory: Directory,
        details: dict[str, str | None],
    ) -> Finding:
        if _is_local(directory, account):
            return self.meta.finding(
                Status.SKIP,
                account.subject,
                "a device on your own network (an IP address or local name), not an online"
                " account: keep its admin password strong instead",
                details=details,
            )
        if status.on is False:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                f"declared without a second factor; {_not_known(account)}, so check its"
                " security settings for one",
                severity=Severity.MEDIUM,
                details=details,
            )
        return self.meta.finding(
            Status.UNANSWERED,
            account.subject,
            f"{_not_known(account)}: privaudit cannot tell whether it offers 2FA. Check"
            f" its security settings, then declare what you use: {_set_hint(account)}",
            severity=Severity.MEDIUM,
            details={**details, SUMMARY_DETAIL: _(UNKNOWN_SUMMARY)},
        )

    @staticmethod
    def _guards(service: Service) -> str:
        match service.severity:
            case Severity.CRITICAL:
                return "it can reset the passwords of your other accounts"
            case Severity.HIGH:
                return "it holds money, files or your public identity"
            case Severity.MEDIUM | Severity.LOW | Severity.INFO:
                return "a takeover costs you the account and what it stores"
            case _:
                assert_never(service.severity)

    @staticmethod
    def _fix(account: Account, service: Service, passkeys: PasskeySupport | None) -> str:
        offered = set(service.methods) | ({MfaMethod.PASSKEY} if passkeys else set())
        best = best_methods(offered)
        lines = [f"Turn on two-step verification for {service.name}; prefer {names(best)}."]
        if service.documentation:
            lines.append(f"How: {service.documentation}")
        if passkeys is not None and passkeys.documentation:
            lines.append(f"Passkeys ({passkeys.how}): {passkeys.documentation}")
        lines.append(f"Already on? Declare it: {_set_hint(account)}")
        return "\n".join(lines)


class WeakMfaMethod:
    meta = CheckMeta(
        id="MFA102",
        name="weak-mfa-method",
        category="mfa",
        severity=Severity.MEDIUM,
        title="Second factor weaker than it could be",
        why=(
            "SMS and voice codes can be stolen by a SIM swap (an attacker talks your carrier "
            "into moving your number to their SIM); email codes are only as safe as the "
            "mailbox. Passkeys and security keys cannot be phished at all."
        ),
        fix=(
            "Add the strongest method the service offers (passkey or security key, else an "
            "authenticator app), then remove SMS as a fallback where the service allows it."
        ),
        references=(NIST_800_63B,),
        needs=frozenset({Need.ACCOUNTS}),
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        directory = directory_of(ctx)
        facts = facts_of(ctx)
        for account in ctx.accounts:
            status = status_of(account, ctx)
            if status.on is False:
                continue
            own = status.methods if status.on else frozenset()
            methods = own | (facts.methods(account) - status.methods)  # + its shared login's
            if methods:
                yield self._judge(account, methods, directory, facts.passkeys(account))

    def _judge(
        self,
        account: Account,
        methods: frozenset[MfaMethod],
        directory: Directory,
        passkeys: PasskeySupport | None,
    ) -> Finding:
        match = directory.match(account)
        details = _details(match, directory)
        top = strongest(methods)
        offered = set(match.service.methods) if match else set()
        if passkeys is not None:
            offered.add(MfaMethod.PASSKEY)  # a passkey ranks with security keys, listed first
        if passkeys is not None and MfaMethod.PASSKEY not in methods:
            details = {**details, "passkeys": passkeys.how}
            if top is Strength.PHISHING_RESISTANT:
                offered.discard(MfaMethod.PASSKEY)  # a security key already: nothing to add
        better = best_methods(m for m in offered if STRENGTH[m] > top)
        service_name = match.service.name if match else account.label
        also = f"; {service_name} also offers {names(better)}" if better else ""
        guards_email = match is not None and match.service.severity is Severity.CRITICAL
        fix = passkey_fix(account, passkeys) if passkeys and MfaMethod.PASSKEY in better else None
        if top is Strength.RESTRICTED:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                "only SMS or voice codes: a SIM swap (your number moved to an attacker's SIM)"
                f" or an intercepted text gets past them{also}",
                severity=Severity.HIGH if guards_email else Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        if top is Strength.EMAIL:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                f"only codes by email: whoever gets into the mailbox gets in here too{also}",
                severity=Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        if better:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                f"uses {names(best_methods(methods))}; {service_name} also offers"
                f" {names(better)}, which phishing cannot get past",
                severity=Severity.LOW,
                fix=fix,
                details=details,
            )
        return self.meta.finding(
            Status.PASS,
            account.subject,
            f"strongest method in use: {names(best_methods(methods))}",
            details=details,
        )


class RecoveryCodes:
    meta = CheckMeta(
        id="MFA103",
        name="recovery-codes",
        category="mfa",
        severity=Severity.MEDIUM,
        title="2FA recovery codes not known to be stored safely",
        why=(
            "Lose the phone or key without recovery codes and you are locked out, or pushed "
            "onto a weaker recovery path (SMS, support calls) that attackers also use."
        ),
        fix=(
            "Download or print the service's recovery codes and keep them apart from your "
            "phone (in the password manager or on paper at home). Then record it: "
            "privaudit mfa set SERVICE METHOD --recovery-codes yes."
        ),
        needs=frozenset({Need.ACCOUNTS}),
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        directory = directory_of(ctx)
        for account in ctx.accounts:
            if not status_of(account, ctx).on:
                continue
            match = directory.match(account)
            details = _details(match, directory)
            fix = None
            if match and match.service.recovery:
                fix = f"{self.meta.fix}\nRecovery help: {match.service.recovery}"
            if account.recovery_codes is True:
                yield self.meta.finding(
                    Status.PASS, account.subject, "recovery codes stored safely", details=details
                )
            elif account.recovery_codes is False:
                yield self.meta.finding(
                    Status.WARN,
                    account.subject,
                    "no recovery codes stored: losing the phone or key locks you out",
                    fix=fix,
                    details=details,
                )
            else:
                yield self.meta.finding(
                    Status.UNANSWERED,
                    account.subject,
                    "are this account's 2FA recovery codes stored somewhere safe? Answer with"
                    f" privaudit mfa set '{account.label}' METHOD --recovery-codes yes|no,"
                    " or recovery_codes = true in the profile",
                    fix=fix,
                    details=details,
                )
