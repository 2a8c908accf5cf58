"""WEB101 insecure-login-url, PW103 near-reused-password, MFA150 totp-in-same-vault."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.accounts import Account
from privaudit.checks.vault import (
    InsecureLoginUrl,
    NearReusedPassword,
    TotpInSameVault,
    password_base,
)
from privaudit.context import AuditContext
from privaudit.model import Finding, Severity, Status
from privaudit.secret import Secret, TotpSeed
from tests.conftest import CANARY_PASSWORD, CANARY_TOTP, assert_no_canary


def acct(
    label: str, password: str | None = "x-unrelated-Pw-1", url: str = "", totp: str | None = None
) -> Account:
    return Account(
        label=label,
        urls=(url,) if url else (),
        password=Secret(password) if password is not None else None,
        totp=TotpSeed(totp) if totp else None,
    )


def by_subject(findings: list[Finding]) -> dict[str, Finding]:
    return {f.subject: f for f in findings}


def test_web101_http_fails_https_passes_local_warns() -> None:
    ctx = AuditContext(accounts=(
        acct("Forum", url="http://forum.example.net/login"),
        acct("Bank", url="https://bank.example.com"),
        acct("Router", url="HTTP://192.168.0.1"),
        acct("Printer", url="http://printer.local"),
        acct("No URL"),
        acct("Bare", url="www.example.com"),
    ))  # fmt: skip
    found = by_subject(list(InsecureLoginUrl().run(ctx)))
    assert found["Forum"].status is Status.FAIL
    assert found["Bank"].status is Status.PASS
    assert found["Router"].status is Status.WARN
    assert found["Router"].severity is Severity.LOW
    assert found["Printer"].status is Status.WARN
    assert "No URL" not in found
    assert "Bare" not in found
    assert InsecureLoginUrl.meta.category == "web"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Summer2023!", "Summer2024!"),
        ("hunter2", "Hunter2!"),
        ("P@ssw0rd1", "Passw0rd!"),
        ("Spring2023Fun", "spring2024fun"),
        ("!!Dragonfly", "dragonfly99"),
    ],
)
def test_pw103_finds_variants(a: str, b: str) -> None:
    ctx = AuditContext(accounts=(acct("A", a), acct("B", b), acct("C", "tangerine-Orbit-77-quill")))
    found = by_subject(list(NearReusedPassword().run(ctx)))
    assert found["A"].status is Status.FAIL
    assert found["B"].status is Status.FAIL
    assert "B" in found["A"].message
    assert "A" in found["B"].message
    assert found["C"].status is Status.PASS
    for finding in found.values():
        assert a not in finding.message
        assert b not in finding.message


def test_pw103_leaves_identical_passwords_to_pw102() -> None:
    ctx = AuditContext(
        accounts=(acct("A", "Summer2024!"), acct("B", "Summer2024!"), acct("C", "Summer2023!"))
    )
    found = by_subject(list(NearReusedPassword().run(ctx)))
    assert found["A"].details["variants"] == 1  # only C; B is an exact copy
    assert found["C"].details["variants"] == 2


@pytest.mark.parametrize(
    ("a", "b"), [("abc1", "abc2"), ("12345678", "12345679"), ("Tree1", "Free1")]
)
def test_pw103_does_not_group_short_or_different_bases(a: str, b: str) -> None:
    ctx = AuditContext(accounts=(acct("A", a), acct("B", b)))
    assert all(f.status is Status.PASS for f in NearReusedPassword().run(ctx))


def test_pw103_never_shows_the_canary() -> None:
    ctx = AuditContext(accounts=(acct("A", CANARY_PASSWORD), acct("B", CANARY_PASSWORD + "7")))
    findings = list(NearReusedPassword().run(ctx))
    assert [f.status for f in findings] == [Status.FAIL, Status.FAIL]
    assert_no_canary(*(f.message for f in findings), *(str(dict(f.details)) for f in findings))


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=40))
def test_password_base_is_total(text: str) -> None:
    base = password_base(text)
    if base is not None:
        assert sum(c.isalpha() for c in base) >= 4


def test_mfa150_is_info_and_only_for_seeds_beside_passwords() -> None:
    ctx = AuditContext(accounts=(
        acct("GitHub", totp=CANARY_TOTP),
        acct("Mail"),
        acct("Seed only", password=None, totp=CANARY_TOTP),
    ))  # fmt: skip
    findings = list(TotpInSameVault().run(ctx))
    assert [f.subject for f in findings] == ["GitHub"]
    assert findings[0].status is Status.WARN
    assert TotpInSameVault.meta.severity is Severity.INFO
    assert Severity.INFO.weight == 0
    assert_no_canary(findings[0].message, canaries=(CANARY_TOTP,))
