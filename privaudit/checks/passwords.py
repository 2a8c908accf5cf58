"""Password strength (PW101) and reuse (PW102)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from privaudit.accounts import Account
from privaudit.checks.context_words import contains_context_word, strength_inputs
from privaudit.checks.fixes import Fixes
from privaudit.checks.grouping import name_list, with_sharers
from privaudit.checks.lang import N_, Localized, _, and_list, ngettext
from privaudit.checks.mfa import directory_of
from privaudit.checks.strength_text import crack_time, warning
from privaudit.context import AuditContext
from privaudit.exposure.quirks import one_login
from privaudit.model import CheckMeta, Finding, Need, Severity, Status
from privaudit.strength import Strength, ZxcvbnEstimator

NIST_800_63B = "https://pages.nist.gov/800-63-4/sp800-63b.html"
# The one attacker PW101's words describe (docs/scoring.md): zxcvbn's slow-hash estimate.
ATTACKER = N_("an attacker with a leaked, slowly hashed copy (10,000 guesses a second)")


class WeakPassword:
    meta = Localized(
        CheckMeta(
            id="PW101",
            name="weak-password",
            category="passwords",
            severity=Severity.HIGH,
            title=N_("Weak or short password"),
            why=N_(
                "A short or predictable password can be guessed by software in minutes, "
                "even without a data breach."
            ),
            fix=N_(
                "Let your password manager make a new one of at least 15 characters, "
                "or use four or more random words."
            ),
            references=(NIST_800_63B, "https://github.com/dropbox/zxcvbn"),
            needs=frozenset({Need.PASSWORDS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        policy = ctx.settings.passwords
        accounts = ctx.with_passwords
        site_of = directory_of(ctx).matcher.registrable_domain
        inputs = [strength_inputs(a, site_of) for a in accounts]
        words = [w for _, w in inputs]
        estimator = ctx.strength or ZxcvbnEstimator()
        strengths = estimator.estimate_many(inputs)
        fixes = Fixes(ctx)
        for account, ctx_words, strength in zip(accounts, words, strengths, strict=True):
            assert account.password is not None  # filtered by with_passwords
            finding = self._judge(account, strength, ctx_words, policy.min_strength, ctx)
            if finding.status is not Status.PASS:
                finding = dataclasses.replace(
                    finding, fix=fixes.change_password(account, self.meta.fix)
                )
            yield finding

    def _judge(
        self,
        account: Account,
        strength: Strength,
        words: tuple[str, ...],
        min_strength: int,
        ctx: AuditContext,
    ) -> Finding:
        policy = ctx.settings.passwords
        assert account.password is not None
        details = {"zxcvbn_score": strength.score, "guesses_log10": strength.guesses_log10}
        length = strength.length
        if length < policy.min_length_with_mfa:
            return self.meta.finding(
                Status.FAIL,
                account.subject,
                _(
                    "shorter than {n} characters: too short to protect anything (NIST SP 800-63B)"
                ).format(n=policy.min_length_with_mfa),
                severity=Severity.CRITICAL,
                details=details,
            )
        if contains_context_word(account.password.reveal(), words):
            return self.meta.finding(
                Status.FAIL,
                account.subject,
                _("contains the site's name or your username, which attackers try first"),
                details=details,
            )
        if strength.score < min_strength:
            time = crack_time(strength.crack_time)
            said = warning(strength.warning).rstrip(".")
            return self.meta.finding(
                Status.FAIL,
                account.subject,
                _("easy to guess: could be cracked in {time} ({warning})").format(
                    time=time, warning=said
                )
                if said
                else _("easy to guess: could be cracked in {time}").format(time=time),
                details=details,
            )
        if length < policy.min_length and not account.has_mfa:
            return self.meta.finding(
                Status.WARN,
                account.subject,
                _(
                    "under {n} characters with no second factor: a password"
                    " that stands alone needs {n} (NIST SP 800-63B);"
                    " lengthen it or add 2FA"
                ).format(n=policy.min_length),
                severity=Severity.MEDIUM,
                details=details,
            )
        return self.meta.finding(
            Status.PASS,
            account.subject,
            (
                _("strong: about {time} of guessing for {attacker}")
                if strength.score >= 4
                else _(
                    "acceptable, not strong: about {time} of guessing for {attacker};"
                    " a longer one is safer"
                )
            ).format(time=crack_time(strength.crack_time), attacker=_(ATTACKER)),
            details=details,
        )


class ReusedPassword:
    meta = Localized(
        CheckMeta(
            id="PW102",
            name="reused-password",
            category="reuse",
            severity=Severity.HIGH,
            title=N_("Password used on more than one account"),
            why=N_(
                "When one site leaks a password, attackers try it everywhere else. "
                "A reused password turns one breach into many stolen accounts."
            ),
            fix=N_(
                "Give each account its own password; start with email, banking and social accounts."
            ),
            references=(NIST_800_63B,),
            needs=frozenset({Need.PASSWORDS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        def fingerprint(account: Account) -> str | None:
            return account.password.fingerprint(ctx.run_key) if account.password else None

        fixes = Fixes(ctx)

        def login(account: Account) -> tuple[str, frozenset[str]]:
            sites = frozenset(s for s in map(fixes.site_of, account.domains) if s)
            return account.username or "", sites

        # The plan changes one shared password per action: number each group by its first
        # member's place in the input, a name for the group that holds no secret.
        place = {id(a): i + 1 for i, a in enumerate(ctx.with_passwords)}
        for account, all_sharers in with_sharers(ctx.with_passwords, fingerprint):
            # Sites that share one login (Apple's groups, current or historical) expect it.
            same_login: list[Account] = []
            sharers: list[Account] = []
            for other in all_sharers:
                expected = one_login(
                    fixes.exposure.quirks, login(account), login(other), historical=True
                )
                (same_login if expected else sharers).append(other)
            if not sharers:
                same = name_list([a.subject for a in same_login])
                said = (
                    _(
                        "not used on another account (the same login as {accounts},"
                        " a site that shares it)"
                    ).format(accounts=same)
                    if same_login
                    else _("not used on another account")
                )
                yield self.meta.finding(Status.PASS, account.subject, said)
                continue
            yield self.meta.finding(
                Status.FAIL,
                account.subject,
                ngettext(
                    "same password as {n} other account: {accounts}",
                    "same password as {n} other accounts: {accounts}",
                    len(sharers),
                ).format(n=len(sharers), accounts=name_list([a.subject for a in sharers])),
                severity=Severity.CRITICAL if len(sharers) >= 3 else None,
                fix=fixes.change_password(account, self.meta.fix),
                details={
                    "shared_with": len(sharers),
                    "group": min(place[id(a)] for a in (account, *sharers)),
                },
            )


class StalePasswordCopy:
    meta = Localized(
        CheckMeta(
            id="PW104",
            name="stale-password-copy",
            category="passwords",
            severity=Severity.MEDIUM,
            title=N_("Another place still holds an old password for this login"),
            why=N_(
                "A browser or an old vault that keeps an outdated password autofills it, fails,"
                " and tempts you to reset or reuse; and a leak of that copy still tells an"
                " attacker how you build passwords."
            ),
            fix=N_("Delete the old copy there, so one place holds the password you use."),
            needs=frozenset({Need.PASSWORDS}),
        )
    )

    def run(self, ctx: AuditContext) -> Iterator[Finding]:
        for account in ctx.with_passwords:
            if len(account.sources) < 2:
                continue
            if not account.stale_copies:
                places = and_list(account.sources)
                yield self.meta.finding(
                    Status.PASS,
                    account.subject,
                    _("the same password in {places}").format(places=places),
                )
                continue
            stale = " and ".join(account.stale_copies)
            kept = ", ".join(s for s in account.sources if s not in account.stale_copies)
            said = (
                _(
                    "{stale} still holds an older password for {label}: delete it there"
                    " (keep the one in {kept})"
                )
                if account.modified
                else _(
                    "{stale} still holds a different password for {label}: delete it there"
                    " (keep the one in {kept})"
                )
            )
            yield self.meta.finding(
                Status.FAIL,
                account.subject,
                said.format(stale=and_list(account.stale_copies), label=account.label, kept=kept),
                details={"stale_copies": len(account.stale_copies), "stale_in": stale},
            )
