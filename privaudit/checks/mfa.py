"""Second factors: missing (MFA101), weak method (MFA102), recovery codes (MFA103).

Which services offer which methods comes from the 2FA dataset injected as
`ctx.tfa` (the built-in one when none is given).
"""

from __future__ import annotations

from collections.abc import Iterator

from privaudit.accounts import Account, MfaMethod
from privaudit.checks.lang import N_, Localized, _, dataset_label
from privaudit.checks.mfa_exposure import MfaFacts
from privaudit.checks.mfa_text import (
    evidence,
    guards,
    names,
    not_known,
    passkey_fix,
    set_hint,
    ways,
)
from privaudit.context import AuditContext
from privaudit.exposure.passkeys import PasskeySupport
from privaudit.merge import MfaStatus, mfa_status
from privaudit.model import SUMMARY_DETAIL, CheckMeta, Finding, Need, Severity, Status
from privaudit.tfa.dataset import Service, load_builtin
from privaudit.tfa.match import Directory, Matcher, ServiceMatch
from privaudit.tfa.methods import STRENGTH, Strength, best_methods, strongest

NIST_800_63B = "https://pages.nist.gov/800-63-4/sp800-63b.html"


def directory_of(ctx: AuditContext) -> Directory:
    return ctx.tfa if ctx.tfa is not None else Directory(load_builtin())


def status_of(account: Account, ctx: AuditContext) -> MfaStatus:
    """The one 2FA status of an account: export seeds, declarations and checklist answers."""
    return mfa_status(account, ctx.checklists, ctx.clock())


def facts_of(ctx: AuditContext) -> MfaFacts:
    """Passkey support and shared-login groups, over each account's one 2FA status."""
    return MfaFacts(ctx, lambda account: status_of(account, ctx).methods)


def _is_local(directory: Directory, account: Account) -> bool:
    """Only IP addresses, localhost and the like: a device's admin page, not an online account."""
    return (
        bool(account.domains) and not account.apps and all(map(Matcher.is_local, account.domains))
    )


UNKNOWN_SUMMARY = N_(
    "not in privaudit's 2FA data: we do not know if they offer 2-step login or if yours"
    " is on. Check their settings, then record what you use with privaudit mfa set NAME METHOD"
)
"""Said once for several such accounts (at most 200 characters: sanitize's limit)."""


def _details(match: ServiceMatch | None, directory: Directory) -> dict[str, str | None]:
    return {
        "service": match.service.name if match else None,
        "matched_by": match.how if match else None,
        "dataset": directory.label,
    }


class MissingMfa:
    meta = Localized(
        CheckMeta(
            id="MFA101",
            name="missing-mfa",
            category="mfa",
            severity=Severity.HIGH,
            title=N_("No second factor on an account that offers one"),
            why=N_(
                "With a second factor (a code from an app, a security key or a passkey), a "
                "stolen password alone is not enough to get in."
            ),
            fix=N_(
                "Turn on two-step login in the account's security settings. Pick a passkey, a "
                "security key or an app over SMS. If it is on already, say so: "
                'privaudit mfa set SERVICE totp (or mfa = ["totp"] in your profile).'
            ),
            references=(NIST_800_63B, "https://2fa.directory/"),
            needs=frozenset({Need.ACCOUNTS}),
        )
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
        # Details stay in English, whatever the run's language: runs compare by them.
        details = {**_details(match, directory), "evidence": "; ".join(status.evidence) or None}
        shared = facts.methods(account) - status.methods
        if not status.on and status.on is not False and shared:
            listed = ", ".join(sorted(m.value for m in shared))
            return self.meta.finding(
                Status.PASS,
                account.subject,
                _(
                    "second factor: {methods} (recorded for the same login"
                    " on a site that shares it)"
                ).format(methods=listed),
                details=details,
            )
        if status.on:
            listed = ", ".join(sorted(m.value for m in status.methods))
            said = listed or _("on ({evidence})").format(evidence=evidence(status.evidence))
            return self.meta.finding(
                Status.PASS,
                account.subject,
                _("second factor: {methods}").format(methods=said),
                details=details,
            )
        if status.conflict:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "what you recorded does not match ({evidence}): look at the"
                    " account's security settings, then fix the wrong one"
                ).format(evidence=evidence(status.evidence)),
                severity=Severity.MEDIUM,
                details=details,
            )
        passkeys = facts.passkeys(account)
        if passkeys is not None and (match is None or not match.service.offers_2fa):
            return self.meta.finding(
                Status.FAIL,
                account.subject,
                _(
                    "{service} offers passkeys {how}, but no second factor is"
                    " on record: one stolen password opens this account"
                ).format(service=passkeys.name, how=ways(passkeys)),
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
                _(
                    "{service} offers no second factor (per the {dataset} 2FA data):"
                    " a long unique password is all you can do there"
                ).format(service=service.name, dataset=dataset_label(directory.label)),
                details=details,
            )
        said = (
            _(
                "{service} offers 2FA but it is off ({evidence}): one stolen password"
                " opens this account ({guards})"
            )
            if status.on is False
            else _(
                "{service} offers 2FA but none is recorded: one stolen password"
                " opens this account ({guards})"
            )
        )
        return self.meta.finding(
            Status.FAIL,
            account.subject,
            said.format(
                service=service.name,
                evidence=evidence(status.evidence),
                guards=guards(service.severity),
            ),
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
                _(
                    "a device on your own network (an IP address or local name), not an online"
                    " account: keep its admin password strong instead"
                ),
                details=details,
            )
        if status.on is False:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "declared with no second factor, and {unknown}. Look in its"
                    " security settings for one"
                ).format(unknown=not_known(account)),
                severity=Severity.MEDIUM,
                details=details,
            )
        return self.meta.finding(
            Status.UNANSWERED,
            account.subject,
            _(
                "{unknown}: privaudit cannot tell whether it offers 2FA. Check"
                " its security settings, then declare what you use: {hint}"
            ).format(unknown=not_known(account), hint=set_hint(account)),
            severity=Severity.MEDIUM,
            details={**details, SUMMARY_DETAIL: _(UNKNOWN_SUMMARY)},
        )

    @staticmethod
    def _fix(account: Account, service: Service, passkeys: PasskeySupport | None) -> str:
        offered = set(service.methods) | ({MfaMethod.PASSKEY} if passkeys else set())
        best = best_methods(offered)
        lines = [
            _("Turn on two-step verification for {service}; prefer {methods}.").format(
                service=service.name, methods=names(best)
            )
        ]
        if service.documentation:
            lines.append(_("How: {link}").format(link=service.documentation))
        if passkeys is not None and passkeys.documentation:
            lines.append(
                _("Passkeys ({how}): {link}").format(
                    how=ways(passkeys), link=passkeys.documentation
                )
            )
        lines.append(_("Already on? Declare it: {hint}").format(hint=set_hint(account)))
        return "\n".join(lines)


class WeakMfaMethod:
    meta = Localized(
        CheckMeta(
            id="MFA102",
            name="weak-mfa-method",
            category="mfa",
            severity=Severity.MEDIUM,
            title=N_("Second factor weaker than it could be"),
            why=N_(
                "SMS and voice codes can be stolen by a SIM swap (an attacker talks your carrier "
                "into moving your number to their SIM); email codes are only as safe as the "
                "mailbox. Passkeys and security keys cannot be phished at all."
            ),
            fix=N_(
                "Add the best method the service has: a passkey or a security key, or else an "
                "app. Then remove SMS as a backup, if the service lets you."
            ),
            references=(NIST_800_63B,),
            needs=frozenset({Need.ACCOUNTS}),
        )
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
        also = (
            _("; {service} also offers {methods}").format(
                service=service_name, methods=names(better)
            )
            if better
            else ""
        )
        guards_email = match is not None and match.service.severity is Severity.CRITICAL
        fix = passkey_fix(account, passkeys) if passkeys and MfaMethod.PASSKEY in better else None
        if top is Strength.RESTRICTED:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "only SMS or voice codes: a SIM swap (your number moved to an attacker's SIM)"
                    " or an intercepted text gets past them{also}"
                ).format(also=also),
                severity=Severity.HIGH if guards_email else Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        if top is Strength.EMAIL:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "only codes by email: whoever gets into the mailbox gets in here too{also}"
                ).format(also=also),
                severity=Severity.MEDIUM,
                fix=fix,
                details=details,
            )
        if better:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "uses {methods}; {service} also offers {better}, which phishing cannot get past"
                ).format(
                    methods=names(best_methods(methods)), service=service_name, better=names(better)
                ),
                severity=Severity.LOW,
                fix=fix,
                details=details,
            )
        return self.meta.finding(
            Status.PASS,
            account.subject,
            _("strongest method in use: {methods}").format(methods=names(best_methods(methods))),
            details=details,
        )


class RecoveryCodes:
    meta = Localized(
        CheckMeta(
            id="MFA103",
            name="recovery-codes",
            category="mfa",
            severity=Severity.MEDIUM,
            title=N_("2FA recovery codes not known to be stored safely"),
            why=N_(
                "Lose the phone or key without recovery codes and you are locked out. Or you "
                "must use a weaker way back in (SMS, support calls), and attackers use those too."
            ),
            fix=N_(
                "Download or print the service's recovery codes and keep them apart from your "
                "phone (in the password manager or on paper at home). Then record it: "
                "privaudit mfa set SERVICE METHOD --recovery-codes yes."
            ),
            needs=frozenset({Need.ACCOUNTS}),
        )
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
                help_line = _("Recovery help: {link}").format(link=match.service.recovery)
                fix = f"{self.meta.fix}\n{help_line}"
            if account.recovery_codes is True:
                yield self.meta.finding(
                    Status.PASS, account.subject, _("recovery codes stored safely"), details=details
                )
            elif account.recovery_codes is False:
                yield self.meta.finding(
                    Status.WARN,
                    account.subject,
                    _("no recovery codes stored: losing the phone or key locks you out"),
                    fix=fix,
                    details=details,
                )
            else:
                yield self.meta.finding(
                    Status.UNANSWERED,
                    account.subject,
                    _(
                        "are this account's 2FA recovery codes stored somewhere safe? Answer with"
                        " {command}, or recovery_codes = true in the profile"
                    ).format(
                        # METHOD is a placeholder the reader replaces: said in their words.
                        command="privaudit mfa set '{label}' {method} --recovery-codes"
                        " yes|no".format(label=account.label, method=_("METHOD"))
                    ),
                    fix=fix,
                    details=details,
                )
