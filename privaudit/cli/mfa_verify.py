"""`privaudit mfa verify`: is the authenticator app set up right, and is its clock on time?

The seed comes from an export or a hidden prompt, the code from the user (hidden
unless --show-code). Neither is ever printed, logged or stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from privaudit.accounts import Account
from privaudit.errors import InputError, UsageError
from privaudit.exitcodes import ExitCode
from privaudit.i18n import N_, _

if TYPE_CHECKING:
    from privaudit.cli.env import Environment
    from privaudit.secret import TotpSeed
    from privaudit.tfa.totp import Verification

LIKELY_CAUSES = (
    N_("the app shows codes for another account: pick the entry for this one"),
    N_("the phone's clock is wrong: turn on automatic date and time"),
    N_("the secret was re-issued (2FA set up again) after this export was made"),
    N_("a typo: type the code again, before it changes"),
)


def _read_line(env: Environment, prompt: str, *, hidden: bool) -> str:
    if env.stdin_isatty:
        if hidden:
            import getpass  # noqa: PLC0415

            return getpass.getpass(prompt)
        env.stderr.write(prompt)
        env.stderr.flush()
    line = env.stdin.readline()
    if not line:
        raise UsageError(_("nothing to read on stdin for: {prompt}").format(prompt=prompt.strip()))
    return line.rstrip("\r\n")


def _pick(exports: tuple[str, ...], wanted: str | None, source_format: str | None) -> Account:
    from privaudit.pipeline.inputs import gather_inputs  # noqa: PLC0415
    from privaudit.settings import Settings  # noqa: PLC0415

    inputs = gather_inputs(Settings(), exports, source_format=source_format)
    seeded = [a for a in inputs.accounts if a.totp is not None]
    if wanted:
        from privaudit.checks.totp import setups  # noqa: PLC0415

        key = wanted.strip().casefold()
        seeded = [
            a
            for a in seeded
            if key in a.label.casefold()
            or any(h == key or h.endswith("." + key) for h in a.domains)
            or any(key in subject.casefold() for subject, _ in setups(a))
        ]
    if not seeded:
        none = (
            _("no account with a TOTP seed matches --account {wanted!r}").format(wanted=wanted)
            if wanted
            else _("no account with a TOTP seed in the export")
        )
        raise UsageError(_("{none}; check the name, or use --seed-prompt").format(none=none))
    if len(seeded) > 1:
        names = ", ".join(a.subject for a in seeded[:10])
        raise UsageError(
            _("{count} accounts have TOTP seeds ({names}); choose with --account").format(
                count=len(seeded), names=names
            )
        )
    return seeded[0]


def run(
    env: Environment,
    *,
    exports: tuple[str, ...],
    account: str | None,
    seed_prompt: bool,
    show_code: bool,
    source_format: str | None,
    config: Path | None,
) -> int:
    from datetime import UTC, datetime  # noqa: PLC0415

    from privaudit.secret import TotpSeed  # noqa: PLC0415
    from privaudit.tfa.otpauth import OtpauthError, parse_totp  # noqa: PLC0415
    from privaudit.tfa.totp import TotpEngineError, verify_code  # noqa: PLC0415

    del config  # accepted for symmetry with other commands; verify needs no settings
    if seed_prompt == bool(exports):
        raise UsageError(_("mfa verify: give either --accounts EXPORT or --seed-prompt"))
    if "-" in exports:
        raise UsageError(_("mfa verify reads the code from stdin: give the export as a file"))
    if seed_prompt:
        subject = _("the seed you entered")
        seed = TotpSeed(_read_line(env, _("TOTP seed or otpauth:// URI (hidden): "), hidden=True))
    else:
        target = _pick(exports, account, source_format)
        if target.totp is None:  # _pick only returns accounts with a seed
            raise UsageError(_("mfa verify: that account has no TOTP seed"))
        subject, seed = target.subject, target.totp
    subject, seed = _one_setup(subject, seed, account)
    try:
        config_ = parse_totp(seed)
    except OtpauthError as exc:
        raise InputError(
            _("{subject}: {exc}; set the authenticator up again").format(subject=subject, exc=exc)
        ) from None
    if config_.steam:
        raise UsageError(_("mfa verify supports standard TOTP apps, not Steam Guard codes"))
    for problem in config_.problems:
        env.info(f"note: {problem.message}")
    typed = _read_line(
        env, _("Code your app shows for {subject}: ").format(subject=subject), hidden=not show_code
    )
    try:
        result = verify_code(config_, typed, datetime.now(UTC))
    except TotpEngineError as exc:
        raise InputError(
            _("{subject}: {exc}; set the authenticator up again").format(subject=subject, exc=exc)
        ) from None
    return _report(env, subject, result, config_.digits)


def _one_setup(subject: str, seed: TotpSeed, wanted: str | None) -> tuple[str, TotpSeed]:
    """A Google Authenticator export holds several accounts: the one --account names."""
    from privaudit.tfa.migration import decode_migration, is_migration  # noqa: PLC0415
    from privaudit.tfa.otpauth import OtpauthError  # noqa: PLC0415

    if not is_migration(seed.reveal()):
        return subject, seed
    try:
        inside = decode_migration(seed)
    except OtpauthError as exc:
        raise InputError(
            _("{subject}: {exc}; export the accounts from the app again").format(
                subject=subject, exc=exc
            )
        ) from None
    if len(inside) > 1 and wanted:
        key = wanted.strip().casefold()
        inside = [m for m in inside if key in m.label.casefold()] or inside
    if len(inside) > 1:
        names = ", ".join(m.label for m in inside[:10])
        raise UsageError(
            _(
                "{subject} is a Google Authenticator export of {count} accounts"
                " ({names}); choose one with --account"
            ).format(subject=subject, count=len(inside), names=names)
        )
    return f"{subject} › {inside[0].label}", inside[0].seed


def _report(env: Environment, subject: str, result: Verification, digits: int) -> int:
    from privaudit.tfa.totp import WINDOW  # noqa: PLC0415

    matches = _("{subject}: the code matches; the app is set up right.").format(subject=subject)
    if result.matched and result.period == 0:  # HOTP: counters, not clocks
        ahead = result.offset or 0
        env.echo(matches)
        env.echo(
            _("counter: the app is at the stored counter")
            if ahead == 0
            else _("counter: the app is {n} press(es) ahead of the stored counter").format(n=ahead)
        )
        return int(ExitCode.OK)
    if result.matched:
        offset = result.offset or 0
        steps, seconds = abs(offset), abs(result.seconds or 0)
        if offset == 0:
            drift = _("the clocks agree")
        elif offset > 0:
            drift = _("the app is {n} step(s) ({seconds} s) ahead, within the ±{window} allowed")
        else:
            drift = _("the app is {n} step(s) ({seconds} s) behind, within the ±{window} allowed")
        drift = drift.format(n=steps, seconds=seconds, window=WINDOW)
        env.echo(matches)
        env.echo(
            _("clock offset: {offset} step(s): {drift}").format(offset=f"{offset:+d}", drift=drift)
        )
        return int(ExitCode.OK)
    env.echo(_("{subject}: the code does NOT match.").format(subject=subject))
    if not result.well_formed:
        env.echo(
            _("That is not a {digits}-digit code: type only the digits the app shows.").format(
                digits=digits
            )
        )
    elif result.period == 0:
        env.echo(
            _(
                "It is none of the next few counter-based (HOTP) codes: the app may be far ahead"
                " of the stored counter, or hold another account's secret."
            )
        )
    elif result.offset is not None:
        env.echo(_clock_wrong(result.offset, abs(result.seconds or 0)))
    elif result.matches_defaults_at is not None:
        env.echo(
            _(
                "It matches the default settings (SHA1, 6 digits, 30 s): your app ignored this"
                " setup's algorithm/digits/period. Use an app that honours them, or set up 2FA"
                " again with default settings."
            )
        )
    else:
        env.echo(_("Likely causes:"))
        for cause in LIKELY_CAUSES:
            env.echo(f"  - {_(cause)}")
    return int(ExitCode.POLICY)


def _clock_wrong(offset: int, seconds: int) -> str:
    if offset > 0:
        text = _(
            "It is the code of {steps} steps ({seconds} s) ahead of this computer's clock"
            " (offset {offset}): one of the clocks is wrong. Turn on automatic date and time"
            " on the phone and here."
        )
    else:
        text = _(
            "It is the code of {steps} steps ({seconds} s) behind this computer's clock"
            " (offset {offset}): one of the clocks is wrong. Turn on automatic date and time"
            " on the phone and here."
        )
    return text.format(steps=abs(offset), seconds=seconds, offset=f"{offset:+d}")
