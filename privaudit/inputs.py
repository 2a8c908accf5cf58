"""Bring the accounts of one audit together: profile, exports and stdin passwords."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence

from privaudit.accounts import Account
from privaudit.errors import InputError, UsageError
from privaudit.secret import Secret


def _same_site(profile: Account, imported: Account) -> bool:
    for want in profile.domains:
        for host in imported.domains:
            if host == want or host.endswith("." + want) or want.endswith("." + host):
                return True
    return profile.label.casefold() == imported.label.casefold()


def apply_to_matching(
    entries: Sequence[Account],
    targets: Sequence[Account],
    matches: Callable[[Account, Account], bool],
    combine: Callable[[Account, Account], Account],
) -> list[Account]:
    """`targets` with each entry combined into every target it matches; entries that
    match nothing are appended, so they are audited on their own."""
    merged = list(targets)
    for entry in entries:
        matched = False
        for i, account in enumerate(merged):
            if matches(entry, account):
                matched = True
                merged[i] = combine(entry, account)
        if not matched:
            merged.append(entry)
    return merged


def _profile_matches(entry: Account, account: Account) -> bool:
    if not _same_site(entry, account):
        return False
    return not (entry.username and account.username and entry.username != account.username)


def _add_declared(entry: Account, account: Account) -> Account:
    recovery = account.recovery_codes if entry.recovery_codes is None else entry.recovery_codes
    return dataclasses.replace(account, mfa=account.mfa | entry.mfa, recovery_codes=recovery)


def merge_profile(profile: Sequence[Account], imported: Sequence[Account]) -> list[Account]:
    """Apply the 2FA the user declared in the profile to matching imported logins.

    An export cannot show a second factor kept elsewhere (SMS, a security key, a
    separate authenticator app); the profile can. Profile entries that match no
    imported login are audited on their own, without a password.
    """
    return apply_to_matching(profile, imported, _profile_matches, _add_declared)


def attach_passwords(accounts: Sequence[Account], lines: Iterable[str]) -> list[Account]:
    """Give the profile's accounts, in order, the passwords read from stdin (one a line)."""
    passwords = [line.rstrip("\r\n") for line in lines]
    while passwords and passwords[-1] == "":
        passwords.pop()
    # Only the profile's own accounts take a line: a `mfa set` declaration is a
    # fact about 2FA, never a login that waits for a password.
    targets = [i for i, a in enumerate(accounts) if a.password is None and a.source == "profile"]
    if len(passwords) != len(targets):
        names = ", ".join(accounts[i].label for i in targets[:10])
        more = f" and {len(targets) - 10} more" if len(targets) > 10 else ""
        expected = f" ({names}{more})" if targets else ""
        raise InputError(
            f"--password-stdin: got {len(passwords)} line(s) for {len(targets)} profile account(s)"
            f" without a password{expected}; give one password per line, in profile order"
        )
    out = list(accounts)
    for index, password in zip(targets, passwords, strict=True):
        out[index] = dataclasses.replace(
            out[index], password=Secret(password) if password else None
        )
    return out


def password_lines(data: bytes, option: str = "--password-stdin") -> list[str]:
    """Passwords piped one a line, the same for every command that reads them.

    Only a newline ends a line: a form feed or a Unicode line separator may be
    part of a password. A carriage return before the newline and empty lines at
    the end are dropped.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"{option}: input is not UTF-8 text") from None
    lines = [line.rstrip("\r") for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines
