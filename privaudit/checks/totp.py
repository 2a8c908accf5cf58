"""TOTP setups found in imports: seed quality (TOTP101) and one seed on two accounts (TOTP102).

Every seed is validated by `privaudit.tfa.otpauth` before a code is computed from
it. A Google Authenticator export (`otpauth-migration://`) stands for every account
inside it, each audited like an otpauth URI. No seed or URI ever reaches a message.
"""

from __future__ import annotations

from collections.abc import Iterator

from privaudit.accounts import Account
from privaudit.checks.grouping import name_list, with_sharers
from privaudit.checks.lang import N_, Localized, _
from privaudit.checks.totp_text import problems_text
from privaudit.context import AuditContext
from privaudit.model import CheckMeta, DetailValue, Finding, Need, Severity, Status
from privaudit.secret import TotpSeed
from privaudit.tfa.migration import decode_migration, is_migration
from privaudit.tfa.otpauth import Level, OtpauthError, TotpConfig, parse_totp
from privaudit.tfa.totp import TotpEngineError, self_test

RFC_4226 = "https://www.rfc-editor.org/rfc/rfc4226#section-4"
RFC_6238 = "https://www.rfc-editor.org/rfc/rfc6238"
KEY_URI = "https://github.com/google/google-authenticator/wiki/Key-Uri-Format"


def _with_seeds(ctx: AuditContext) -> list[Account]:
    return [a for a in ctx.accounts if a.totp is not None]


def setups(account: Account) -> list[tuple[str, TotpSeed | OtpauthError]]:
    """(subject, seed) per one-time-code setup the account holds; a migration export
    holds several, named `Account (user) › Issuer: name`."""
    assert account.totp is not None
    if not is_migration(account.totp.reveal()):
        return [(account.subject, account.totp)]
    try:
        inside = decode_migration(account.totp)
    except OtpauthError as exc:
        return [(account.subject, exc)]
    return [(f"{account.subject} › {m.label}", m.seed) for m in inside]


def _describe(config: TotpConfig) -> str:
    timing = _("counter-based (HOTP)") if config.hotp else _("{n} s period").format(n=config.period)
    return _("{bits}-bit secret, {algorithm}, {digits} digits, {timing}").format(
        bits=config.bits, algorithm=config.algorithm, digits=config.digits, timing=timing
    )


class TotpSeedQuality:
    meta = Localized(
        CheckMeta(
            id="TOTP101",
            name="totp-seed-quality",
            category="mfa",
            severity=Severity.HIGH,
            title=N_("TOTP setup malformed or weak"),
            why=N_(
                "A short TOTP secret can be brute-forced from a few observed codes, and a "
                "malformed setup gives codes that never work, so the second factor ends up "
                "switched off."
            ),
            fix=N_(
                "In the account's security settings, remove the authenticator and set it up again. "
                "The new QR code gives a new, longer secret; save it in place of the old one."
            ),
            references=(RFC_4226, RFC_6238, KEY_URI),
            needs=frozenset({Need.ACCOUNTS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        for account in _with_seeds(ctx):
            for subject, seed in setups(account):
                yield self._judge(subject, seed, ctx)

    def _judge(self, subject: str, seed: TotpSeed | OtpauthError, ctx: AuditContext) -> Finding:
        if isinstance(seed, OtpauthError):
            return self.meta.finding(
                Status.FAIL,
                subject,
                _("unreadable Google Authenticator export: {reason}").format(reason=seed),
            )
        try:
            config = parse_totp(seed)
        except OtpauthError as exc:
            return self.meta.finding(
                Status.FAIL, subject, _("malformed TOTP setup: {reason}").format(reason=exc)
            )
        details: dict[str, DetailValue] = {
            "bits": config.bits,
            "algorithm": config.algorithm,
            "digits": config.digits,
            "period": config.period,
        }
        if config.counter is not None:
            details = {**details, "type": "hotp", "period": None}
        fails = [p for p in config.problems if p.level is Level.FAIL]
        warns = [p for p in config.problems if p.level is Level.WARN]
        if fails:
            message = problems_text([*fails, *warns], config)
            return self.meta.finding(Status.FAIL, subject, message, details=details)
        if config.steam:  # Steam Guard codes are not RFC 6238: only the secret is judged
            message = problems_text(warns, config) or _("Steam Guard seed: {setup}").format(
                setup=_describe(config)
            )
            status = Status.WARN if warns else Status.PASS
            return self.meta.finding(status, subject, message, details=details)
        try:
            self_test(config, ctx.clock())
        except TotpEngineError as exc:
            return self.meta.finding(
                Status.FAIL,
                subject,
                _("unusable TOTP setup: {reason}").format(reason=exc),
                details=details,
            )
        if warns:
            message = problems_text(warns, config)
            return self.meta.finding(
                Status.WARN, subject, message, severity=Severity.MEDIUM, details=details
            )
        return self.meta.finding(Status.PASS, subject, _describe(config), details=details)


class TotpSeedReuse:
    meta = Localized(
        CheckMeta(
            id="TOTP102",
            name="totp-seed-reuse",
            category="mfa",
            severity=Severity.HIGH,
            title=N_("One TOTP secret on several accounts"),
            why=N_(
                "A TOTP secret is meant for one account. Shared between two, one leak or one "
                "careless copy unlocks the second factor of both."
            ),
            fix=N_(
                "Set up the authenticator again on each of these accounts, so each one gets its "
                "own secret. Then delete the old entries from your authenticator app."
            ),
            references=(RFC_4226,),
            needs=frozenset({Need.ACCOUNTS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        def fingerprint(account: Account) -> str | None:
            assert account.totp is not None
            try:
                config = parse_totp(account.totp)
            except OtpauthError:
                return None  # TOTP101 reports it; nothing to compare
            return config.secret.fingerprint(ctx.run_key)

        # Each account of a migration export is compared as an account of its own.
        expanded = [
            Account(label=subject, totp=seed, source=a.source)
            for a in _with_seeds(ctx)
            for subject, seed in setups(a)
            if isinstance(seed, TotpSeed)
        ]
        for account, sharers in with_sharers(expanded, fingerprint):
            if sharers:
                yield self.meta.finding(
                    Status.FAIL,
                    account.subject,
                    _("same TOTP secret as {accounts}").format(
                        accounts=name_list([a.subject for a in sharers])
                    ),
                    details={"shared_with": len(sharers)},
                )
            else:
                yield self.meta.finding(
                    Status.PASS, account.subject, _("TOTP secret used by this account only")
                )
