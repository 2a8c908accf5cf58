"""Secrets refuse every casual way out; untrusted text loses its tricks."""

from __future__ import annotations

import copy
import json
import logging
import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.accounts import Account, host_of
from privaudit.model import CheckMeta, Finding, Severity, Status
from privaudit.secret import MASK, Secret, TotpSeed, run_key
from privaudit.text import sanitize, sanitize_block
from tests.conftest import CANARY_PASSWORD, CANARY_TOTP


def test_secret_never_shows_itself(caplog: pytest.LogCaptureFixture) -> None:
    secret = Secret(CANARY_PASSWORD)
    shown = [
        str(secret),
        repr(secret),
        f"{secret}",
        f"{secret!r}",
        "%s" % secret,
        format(secret, ">40"),
    ]
    logging.getLogger("t").warning("value %s %r", secret, secret)
    for text in [*shown, caplog.text]:
        assert CANARY_PASSWORD not in text
    assert MASK in str(secret)
    assert secret.reveal() == CANARY_PASSWORD


def test_secret_cannot_be_pickled_copied_or_serialised() -> None:
    secret = TotpSeed(CANARY_TOTP)
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.deepcopy(secret)
    with pytest.raises(TypeError):
        json.dumps({"x": secret})
    with pytest.raises(AttributeError):
        secret._value = "other"  # type: ignore[misc]


def test_secret_equality_is_identity_and_fingerprints_group() -> None:
    a, b, c = Secret("same"), Secret("same"), Secret("other")
    assert a != b  # no == on secret values
    assert a.same_as(b) and not a.same_as(c)
    key = run_key()
    assert a.fingerprint(key) == b.fingerprint(key) != c.fingerprint(key)
    assert a.fingerprint(key) != a.fingerprint(run_key())  # useless outside the run


def test_findings_and_accounts_reject_secrets() -> None:
    meta = CheckMeta("TS101", "t", "c", Severity.LOW, "t", "w", "f")
    with pytest.raises(TypeError):
        meta.finding(Status.FAIL, Secret("x"), "m")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        meta.finding(Status.FAIL, "s", "m", details={"pw": Secret("x")})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        Finding("TS101", Status.FAIL, "s", "m", details={"x": [1]})  # type: ignore[dict-item]
    with pytest.raises(TypeError):
        Account("x", password="plain")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("plain", "plain"),
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("\x1b]8;;https://evil\x07link\x1b]8;;\x07", "link"),
        ("moc.\u202eknab", "moc.knab"),
        ("line1\nline2\r\n\tline3", "line1 line2 line3"),
        ("zero\u200bwidth", "zerowidth"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("c1\x9b31m", "c131m"),
        ("[/bold] stays", "[/bold] stays"),
    ],
)
def test_sanitize(raw: str, clean: str) -> None:
    assert sanitize(raw) == clean


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_sanitize_leaves_no_controls_or_bidi(text: str) -> None:
    import unicodedata

    out = sanitize(text)
    assert len(out) <= 200
    assert all(unicodedata.category(c) not in ("Cc", "Cs", "Co", "Cn") for c in out)
    assert not set(out) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
    assert sanitize(out) == out  # idempotent


def test_sanitize_block_keeps_lines() -> None:
    assert sanitize_block("1. Open\x1b[2J settings\n2. Tap\u202e Privacy") == (
        "1. Open settings\n2. Tap Privacy"
    )


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://Accounts.Google.com/signin", "accounts.google.com"),
        ("github.com", "github.com"),
        ("http://user:pw@example.org:8080/x", "example.org"),
        ("https://example.com.", "example.com"),
        ("", None),
        ("http://[::1", None),
    ],
)
def test_host_of(url: str, host: str | None) -> None:
    assert host_of(url) == host
