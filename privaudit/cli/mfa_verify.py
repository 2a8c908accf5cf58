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

if TYPE_CHECKING:
    from privaudit.cli.env import Environment
    from privaudit.secret import TotpSeed
    from privaudit.tfa.totp import Verification

LIKELY_CAUSES = (
    "the app shows codes for another account: pick the entry for this one",
    "the phone's clock is wrong: turn on automatic date and time",
    "the secret was re-issued (2FA set up again) after this export was made",
    "a typo: type the code again, before it changes",
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
        raise UsageError(f"nothing to read on stdin for: {prompt.strip()}")
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
        raise UsageError(
            "no account with a TOTP seed"
            + (f" matches --account {wanted!r}" if wanted else " in the export")
            + "; check the name, or use --seed-prompt"
        )
    if len(seeded) > 1:
        names = ", ".join(a.subject for a in seeded[:10])
        raise UsageError(f"{len(seeded)} accounts have TOTP seeds ({names}); choose with --account")
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
        raise UsageError("mfa verify: give either --accounts EXPORT or --seed-prompt")
    if "-" in exports:
        raise UsageError("mfa verify reads the code from stdin: give the export as a file")
    if seed_prompt:
        subject = "the seed you entered"
        seed = TotpSeed(_read_line(env, "TOTP seed or otpauth:// URI (hidden): ", hidden=True))
    else:
        target = _pick(exports, account, source_format)
        if target.totp is None:  # _pick only returns accounts with a seed
            raise UsageError("mfa verify: that account has no TOTP seed")
        subject, seed = target.subject, target.totp
    subject, seed = _one_setup(subject, seed, account)
    try:
        config_ = parse_totp(seed)
    except OtpauthError as exc:
        raise InputError(f"{subject}: {exc}; set the authenticator up again") from None
    if config_.steam:
        raise UsageError("mfa verify supports standard TOTP apps, not Steam Guard codes")
    for problem in config_.problems:
        env.info(f"note: {problem.message}")
    typed = _read_line(env, f"Code your app shows for {subject}: ", hidden=not show_code)
    try:
        result = verify_code(config_, typed, datetime.now(UTC))
    except TotpEngineError as exc:
        raise InputError(f"{subject}: {exc}; set the authenticator up again") from None
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
        raise InputError(f"{subject}: {exc}; export the accounts from the app again") from None
    if len(inside) > 1 and wanted:
        key = wanted.strip().casefold()
        inside = [m for m in inside if key in m.label.casefold()] or inside
    if len(inside) > 1:
        names = ", ".join(m.label for m in inside[:10])
        raise UsageError(
            f"{subject} is a Google Authenticator export of {len(inside)} accounts ({names});"
            " choose one with --account"
        )
    return f"{subject} › {inside[0].label}", inside[0].seed


def _report(env: Environment, subject: str, result: Verification, digits: int) -> int:
    from privaudit.tfa.totp import WINDOW  # noqa: PLC0415

    if result.matched and result.period == 0:  # HOTP: counters, not clocks
        ahead = result.offset or 0
        env.echo(f"{subject}: the code matches; the app is set up right.")
        env.echo(
            "counter: the app is at the stored counter"
            if ahead == 0
            else f"counter: the app is {ahead} press(es) ahead of the stored counter"
        )
        return int(ExitCode.OK)
    if result.matched:
        offset = result.offset or 0
        drift = (
            "the clocks agree"
            if offset == 0
            else f"the app is {abs(offset)} step(s) ({abs(result.seconds or 0)} s)"
            f" {'ahead' if offset > 0 else 'behind'}, within the ±{WINDOW} allowed"
        )
        env.echo(f"{subject}: the code matches; the app is set up right.")
        env.echo(f"clock offset: {offset:+d} step(s): {drift}")
        return int(ExitCode.OK)
    env.echo(f"{subject}: the code does NOT match.")
    if not result.well_formed:
        env.echo(f"That is not a {digits}-digit code: type only the digits the app shows.")
    elif result.period == 0:
        env.echo(
            "It is none of the next few counter-based (HOTP) codes: the app may be far ahead"
            " of the stored counter, or hold another account's secret."
        )
    elif result.offset is not None:
        direction = "ahead of" if result.offset > 0 else "behind"
        env.echo(
            f"It is the code of {abs(result.offset)} steps ({abs(result.seconds or 0)} s)"
            f" {direction} this computer's clock (offset {result.offset:+d}): one of the"
            " clocks is wrong. Turn on automatic date and time on the phone and here."
        )
    elif result.matches_defaults_at is not None:
        env.echo(
            "It matches the default settings (SHA1, 6 digits, 30 s): your app ignored this"
            " setup's algorithm/digits/period. Use an app that honours them, or set up 2FA"
            " again with default settings."
        )
    else:
        env.echo("Likely causes:")
        for cause in LIKELY_CAUSES:
            env.echo(f"  - {cause}")
    return int(ExitCode.POLICY)
