"""PW101, PW102, MFA101 and the strength estimator."""

from __future__ import annotations

import dataclasses

from privaudit.accounts import Account, MfaMethod
from privaudit.checks.context_words import context_words
from privaudit.checks.mfa import MissingMfa
from privaudit.checks.passwords import ReusedPassword, WeakPassword
from privaudit.context import AuditContext
from privaudit.model import Severity, Status
from privaudit.secret import Secret, TotpSeed
from privaudit.strength import MAX_ANALYSED, Strength, ZxcvbnEstimator, estimate


def account(label: str, password: str | None, **kw: object) -> Account:
    return Account(label, password=Secret(password) if password is not None else None, **kw)  # type: ignore[arg-type]


def judge(*accounts: Account) -> dict[str, tuple[Status, Severity | None, str]]:
    ctx = AuditContext(accounts=accounts)
    return {f.subject: (f.status, f.severity, f.message) for f in WeakPassword().run(ctx)}


def test_weak_password_rules() -> None:
    results = judge(
        account("Tiny", "Ab1!xyz"),
        account("Forum", "forumlover2019", urls=("https://forum.example",)),
        account("Shop", "password123"),
        account("Short", "k9#Vq2!mZ7"),
        account("Short+2FA", "k9#Vq2!mZ7", mfa=frozenset({MfaMethod.TOTP})),
        account("Long", "vivid-Otter-lamp-92-orbit"),
    )
    assert results["Tiny"][:2] == (Status.FAIL, Severity.CRITICAL)
    assert results["Forum"][0] is Status.FAIL and "site's name" in results["Forum"][2]
    assert results["Shop"][0] is Status.FAIL and "easy to guess" in results["Shop"][2]
    assert results["Short"][:2] == (Status.WARN, Severity.MEDIUM)
    assert results["Short+2FA"][0] is Status.PASS
    assert results["Long"][0] is Status.PASS


def test_username_is_a_context_word() -> None:
    results = judge(account("Site", "xX-samwise-Xx-1987!", username="samwise"))
    assert results["Site (samwise)"][0] is Status.FAIL


def test_length_counts_code_points() -> None:
    # Seven emoji: 28 UTF-8 bytes but 7 characters, so too short.
    results = judge(account("Emoji", "🔒🔑🐍🦊🌵🎲🧭"))
    assert results["Emoji"][:2] == (Status.FAIL, Severity.CRITICAL)


def test_context_words() -> None:
    words = context_words(
        Account("My Bank", username="sam.doe@example.com", urls=("https://www.mybank.co.uk/login",))
    )
    assert {"bank", "sam", "doe", "mybank", "sam.doe"} <= set(words) | {"sam.doe"}
    assert "www" not in words


def test_estimate_keeps_only_allowlisted_fields() -> None:
    password = "Tr0ub4dor&3-canary-field"
    result = estimate(password, ("canary",))
    assert isinstance(result, Strength)
    for value in dataclasses.astuple(result):
        assert password not in str(value)
        assert "Tr0ub4dor" not in str(value)


def test_empty_password_is_the_weakest() -> None:
    assert estimate("").score == 0


def test_long_passwords_are_bounded_and_rated_as_a_lower_bound() -> None:
    long_weak = "a" * 200
    result = estimate(long_weak)
    assert result.truncated and result.length == 200 and result.score <= 1
    long_strong = "correct-Horse-battery-staple-orbit-92-" * 4
    assert estimate(long_strong).score == 4


def test_parallel_and_sequential_estimates_agree() -> None:
    items = [(f"pw-{i}-Sunny{i % 7}", ("site",)) for i in range(320)]
    items += items[:40]  # duplicates are estimated once
    sequential = ZxcvbnEstimator(workers=1).estimate_many(items)
    parallel = ZxcvbnEstimator(workers=2).estimate_many(items)
    assert sequential == parallel
    assert len(parallel) == len(items)


def test_reuse_groups_without_revealing() -> None:
    ctx = AuditContext(
        accounts=(
            account("A", "same-Password-1"),
            account("B", "same-Password-1"),
            account("C", "other-Password-2"),
        )
    )
    results = {f.subject: f for f in ReusedPassword().run(ctx)}
    assert results["A"].status is Status.FAIL and "B" in results["A"].message
    assert results["C"].status is Status.PASS
    assert all("same-Password" not in f.message for f in results.values())


def test_reuse_in_four_or_more_accounts_is_critical() -> None:
    ctx = AuditContext(accounts=tuple(account(f"S{i}", "shared-pw-Xy9") for i in range(4)))
    assert {f.severity for f in ReusedPassword().run(ctx)} == {Severity.CRITICAL}


def test_missing_mfa() -> None:
    ctx = AuditContext(
        accounts=(
            Account("None"),
            Account("Declared none", mfa=frozenset({MfaMethod.NONE})),
            Account("SMS", mfa=frozenset({MfaMethod.SMS})),
            Account("Seed", totp=TotpSeed("JBSWY3DPEHPK3PXP")),
        )
    )
    results = {f.subject: f.status for f in MissingMfa().run(ctx)}
    # Services unknown to the 2FA data: a missing factor is never a pass
    # (tests/tfa/test_checks.py covers services the data knows).
    assert results == {
        "None": Status.UNANSWERED,
        "Declared none": Status.WARN,
        "SMS": Status.PASS,
        "Seed": Status.PASS,
    }


def test_max_analysed_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).parents[2] / "docs" / "checks.md").read_text()
    assert f"first {MAX_ANALYSED} characters" in doc
