"""MFA101-103 and TOTP101-102 on hand-made contexts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from privaudit.accounts import Account, MfaMethod
from privaudit.checks.mfa import MissingMfa, RecoveryCodes, WeakMfaMethod
from privaudit.checks.totp import TotpSeedQuality, TotpSeedReuse
from privaudit.context import AuditContext
from privaudit.model import Finding, Severity, Status
from privaudit.secret import TotpSeed
from privaudit.tfa.match import Directory
from privaudit.tfa.methods import STRENGTH, Strength

S160 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def _run(check: object, directory: Directory | None, *accounts: Account) -> list[Finding]:
    ctx = AuditContext(accounts=accounts, tfa=directory)
    return list(check.run(ctx))  # type: ignore[attr-defined]


def _one(check: object, directory: Directory | None, account: Account) -> Finding:
    (finding,) = _run(check, directory, account)
    return finding


@pytest.mark.parametrize(
    ("url", "severity"),
    [
        ("https://accounts.google.com", Severity.CRITICAL),
        ("https://outlook.live.com", Severity.CRITICAL),
        ("https://bitwarden.com", Severity.CRITICAL),
        ("https://www.paypal.com", Severity.HIGH),
        ("https://www.dropbox.com", Severity.HIGH),
        ("https://www.instagram.com", Severity.HIGH),
        ("https://www.patreon.com", Severity.HIGH),
        ("https://www.amazon.com", Severity.MEDIUM),
        ("https://store.steampowered.com", Severity.MEDIUM),
    ],
)
def test_missing_2fa_fails_with_severity_by_what_the_account_guards(
    builtin_directory: Directory, url: str, severity: Severity
) -> None:
    finding = _one(MissingMfa(), builtin_directory, Account(label="acct", urls=(url,)))
    assert finding.status is Status.FAIL
    assert finding.severity is severity
    assert finding.fix is not None
    assert "https://" in finding.fix
    assert finding.details["dataset"] == builtin_directory.label


def test_fix_links_the_services_own_documentation(builtin_directory: Directory) -> None:
    finding = _one(
        MissingMfa(), builtin_directory, Account(label="GH", urls=("https://github.com",))
    )
    assert finding.fix is not None
    assert "https://docs.github.com/" in finding.fix
    assert "security key" in finding.fix


@pytest.mark.parametrize(
    ("account", "status"),
    [
        (Account(label="Netflix", urls=("https://www.netflix.com",)), Status.SKIP),
        (Account(label="Router", urls=("http://192.168.0.1",)), Status.SKIP),
        (Account(label="Forum", urls=("https://forum.example.net",)), Status.UNANSWERED),
        (Account(label="Mystery"), Status.UNANSWERED),
        (
            Account(
                label="Forum", urls=("https://forum.example.net",), mfa=frozenset({MfaMethod.NONE})
            ),
            Status.WARN,
        ),
        (
            Account(label="Gmail", urls=("https://gmail.com",), mfa=frozenset({MfaMethod.NONE})),
            Status.FAIL,
        ),
        (
            Account(label="Gmail", urls=("https://gmail.com",), mfa=frozenset({MfaMethod.SMS})),
            Status.PASS,
        ),
        (Account(label="Gmail", urls=("https://gmail.com",), totp=TotpSeed(S160)), Status.PASS),
        (
            Account(label="Forum", urls=("https://forum.example.net",), totp=TotpSeed(S160)),
            Status.PASS,
        ),
    ],
)
def test_missing_mfa_outcomes(
    builtin_directory: Directory, account: Account, status: Status
) -> None:
    assert _one(MissingMfa(), builtin_directory, account).status is status


def test_unknown_services_are_never_a_pass(builtin_directory: Directory) -> None:
    finding = _one(MissingMfa(), builtin_directory, Account(label="X", urls=("https://x.example",)))
    assert finding.status is Status.UNANSWERED
    assert "privaudit mfa set" in finding.message


def test_without_an_injected_dataset_the_builtin_is_used() -> None:
    finding = _one(MissingMfa(), None, Account(label="G", urls=("https://gmail.com",)))
    assert finding.status is Status.FAIL
    assert finding.details["dataset"].startswith("built-in")


def _methods(*methods: MfaMethod) -> frozenset[MfaMethod]:
    return frozenset(methods)


def test_sms_only_warns_with_the_sim_swap_and_names_the_stronger_option(
    builtin_directory: Directory,
) -> None:
    account = Account(label="IG", urls=("https://instagram.com",), mfa=_methods(MfaMethod.SMS))
    finding = _one(WeakMfaMethod(), builtin_directory, account)
    assert finding.status is Status.WARN
    assert finding.severity is Severity.MEDIUM
    assert "SIM swap" in finding.message
    assert "authenticator app" in finding.message


def test_sms_only_on_an_email_account_is_high(builtin_directory: Directory) -> None:
    account = Account(label="G", urls=("https://gmail.com",), mfa=_methods(MfaMethod.CALL))
    finding = _one(WeakMfaMethod(), builtin_directory, account)
    assert finding.status is Status.WARN
    assert finding.severity is Severity.HIGH
    assert "security key" in finding.message


def test_email_only_warns(builtin_directory: Directory) -> None:
    account = Account(label="T", urls=("https://tiktok.com",), mfa=_methods(MfaMethod.EMAIL))
    finding = _one(WeakMfaMethod(), builtin_directory, account)
    assert finding.status is Status.WARN
    assert "email" in finding.message


def test_stronger_method_available_warns_low_and_names_it(builtin_directory: Directory) -> None:
    account = Account(label="GH", urls=("https://github.com",), totp=TotpSeed(S160))
    finding = _one(WeakMfaMethod(), builtin_directory, account)
    assert finding.status is Status.WARN
    assert finding.severity is Severity.LOW
    assert "security key" in finding.message


@pytest.mark.parametrize(
    ("url", "methods"),
    [
        ("https://github.com", _methods(MfaMethod.HARDWARE_KEY, MfaMethod.SMS)),
        ("https://instagram.com", _methods(MfaMethod.TOTP)),
        ("https://unknown.example", _methods(MfaMethod.PUSH)),
    ],
)
def test_strongest_available_passes(
    builtin_directory: Directory, url: str, methods: frozenset[MfaMethod]
) -> None:
    finding = _one(WeakMfaMethod(), builtin_directory, Account(label="a", urls=(url,), mfa=methods))
    assert finding.status is Status.PASS


def test_accounts_without_2fa_are_not_judged_by_mfa102_or_mfa103(
    builtin_directory: Directory,
) -> None:
    account = Account(label="G", urls=("https://gmail.com",))
    assert _run(WeakMfaMethod(), builtin_directory, account) == []
    assert _run(RecoveryCodes(), builtin_directory, account) == []


@pytest.mark.parametrize(
    ("answer", "status"), [(True, Status.PASS), (False, Status.WARN), (None, Status.UNANSWERED)]
)
def test_recovery_codes(builtin_directory: Directory, answer: bool | None, status: Status) -> None:
    account = Account(
        label="GH",
        urls=("https://github.com",),
        mfa=_methods(MfaMethod.TOTP),
        recovery_codes=answer,
    )
    finding = _one(RecoveryCodes(), builtin_directory, account)
    assert finding.status is status
    if status is not Status.PASS:
        assert finding.fix is not None
        assert "docs.github.com" in finding.fix


def test_strength_table_in_docs_matches_the_code() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "mfa.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([a-z-]+) \| (\d) \| ([a-z-]+) \|", text, re.MULTILINE)
    documented = {name: int(tier) for name, tier, _ in rows}
    assert documented == {m.value: int(s) for m, s in STRENGTH.items()}
    assert STRENGTH[MfaMethod.PASSKEY] > STRENGTH[MfaMethod.TOTP] > STRENGTH[MfaMethod.EMAIL]
    assert STRENGTH[MfaMethod.EMAIL] > STRENGTH[MfaMethod.SMS] == Strength.RESTRICTED


# TOTP101 / TOTP102


@pytest.mark.parametrize(
    ("seed", "status"),
    [
        (S160, Status.PASS),
        ("JBSWY3DPEHPK3PXPJBSWY3DPEE", Status.WARN),
        ("JBSWY3DPEHPK3PXP", Status.FAIL),
        ("not-base32!", Status.FAIL),
        (f"otpauth://totp/Ex:a?secret={S160}&period=0", Status.FAIL),
        (f"otpauth://totp/Ex:a?secret={S160}&algorithm=SHA512", Status.WARN),
        (f"otpauth://totp/Ex:a?secret={S160}&issuer=Ex", Status.PASS),
    ],
)
def test_totp_seed_quality(seed: str, status: Status) -> None:
    finding = _one(TotpSeedQuality(), None, Account(label="a", totp=TotpSeed(seed)))
    assert finding.status is status
    assert S160 not in finding.message
    assert S160.lower() not in finding.message.lower()


def test_same_seed_on_two_accounts_fails_both() -> None:
    accounts = (
        Account(label="A", totp=TotpSeed(S160)),
        Account(label="B", totp=TotpSeed(S160.lower())),  # the same secret, case folded
        Account(label="C", totp=TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXQ")),
        Account(label="D", totp=TotpSeed("broken!")),
    )
    findings = {f.subject: f for f in _run(TotpSeedReuse(), None, *accounts)}
    assert findings["A"].status is Status.FAIL
    assert "B" in findings["A"].message
    assert findings["B"].status is Status.FAIL
    assert findings["C"].status is Status.PASS
    assert "D" not in findings


def test_steam_guard_seeds_are_judged_on_the_secret_only() -> None:
    good = _one(TotpSeedQuality(), None, Account(label="s", totp=TotpSeed(f"steam://{S160}")))
    assert good.status is Status.PASS
    assert "Steam Guard" in good.message
    short = _one(TotpSeedQuality(), None, Account(label="s", totp=TotpSeed("steam://JBSWY3DP")))
    assert short.status is Status.FAIL
