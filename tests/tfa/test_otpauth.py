"""otpauth/seed validation before pyotp: a malformed corpus and the quality rules."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.secret import TotpSeed
from privaudit.tfa.otpauth import Level, OtpauthError, parse_totp
from privaudit.tfa.totp import TotpEngineError, self_test

S160 = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # 32 chars = 160 bits
S128 = "JBSWY3DPEHPK3PXPJBSWY3DPEE"  # 26 chars -> 128 bits
S80 = "JBSWY3DPEHPK3PXP"  # the demo's GitHub seed: 80 bits
NOW = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)

# Each URI is malformed in one way; the message must name the rule, never the secret.
MALFORMED = [
    ("", "empty"),
    ("   ", "empty"),
    ("not base32!", "not Base32"),
    ("JBSWY3DP1", "not Base32"),  # 1 is not in the Base32 alphabet
    ("JBSWY3DPE", "impossible Base32 length"),  # 9 characters
    ("JBSWY3DPEHPK3PX=P", "not Base32"),  # padding in the middle
    ("otpauth://totp/Ex:alice?issuer=Ex", "no secret"),
    ("otpauth://totp/Ex:alice?secret=&issuer=Ex", "no secret"),
    (f"otpauth://totp/Ex:alice?secret={S160}&secret={S128}", "repeats the 'secret'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&digits=6&digits=8", "repeats the 'digits'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&period=0", "'period'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&period=-30", "'period'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&period=1e9", "'period'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&period=99999999999999999999", "'period'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&digits=5", "'digits'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&digits=9", "'digits'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&digits=six", "'digits'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&digits=%D9%A6", "'digits'"),  # Arabic-Indic 6
    (f"otpauth://totp/Ex:alice?secret={S160}&algorithm=MD5", "'algorithm'"),
    (f"otpauth://totp/Ex:alice?secret={S160}&issuer=Other", "issuer in the label differs"),
    (f"otpauth://hotp/Ex:alice?secret={S160}", "HOTP.*no 'counter'"),
    (f"otpauth://hotp/Ex:alice?secret={S160}&counter=", "HOTP.*no 'counter'"),
    (f"otpauth://hotp/Ex:alice?secret={S160}&counter=-1", "'counter'"),
    (f"otpauth://hotp/Ex:alice?secret={S160}&counter={2**64}", "'counter'"),
    (f"otpauth://hotp/Ex:alice?secret={S160}&counter=1&counter=2", "repeats the 'counter'"),
    (f"otpauth://push/Ex:alice?secret={S160}", "type must be 'totp'"),
    (f"otpauth://totp/Ex:alice?secret={S160}x", "Base32 length"),
    (f"otpauth://totp/Ex:alice?secret={S160}0", "not Base32"),
    ("otpauth://totp/Ex:alice?secret=" + "A" * 5000, "longer than"),
    ("otpauth://[::1", "cannot be parsed"),
    (f"https://example.com/?secret={S160}", "not an otpauth"),
]


@pytest.mark.parametrize(("text", "message"), MALFORMED)
def test_malformed_corpus_is_rejected_with_a_secret_free_message(text: str, message: str) -> None:
    with pytest.raises(OtpauthError, match=message) as info:
        parse_totp(TotpSeed(text))
    assert S160 not in str(info.value)
    assert S128 not in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        S160,
        S160.lower(),
        "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp",
        S128 + "======",
        f"otpauth://totp/Example:alice@example.com?secret={S160}&issuer=Example",
        f"otpauth://totp/alice?secret={S160.lower()}",
        f"otpauth://totp/Ex%3AInc:alice?secret={S160}&issuer=Ex%3AInc",
        f"OTPAUTH://TOTP/Ex:alice?SECRET={S160}&ISSUER=Ex",
    ],
)
def test_accepted_forms(text: str) -> None:
    config = parse_totp(TotpSeed(text))
    assert config.bits >= 128
    assert config.secret.reveal().isupper()
    self_test(config, NOW)


def test_bits_thresholds() -> None:
    assert parse_totp(TotpSeed(S160)).problems == ()
    warn = parse_totp(TotpSeed(S128)).problems
    assert [(p.level, p.code) for p in warn] == [(Level.WARN, "short-secret")]
    fail = parse_totp(TotpSeed(S80)).problems
    assert [(p.level, p.code) for p in fail] == [(Level.FAIL, "short-secret")]
    assert parse_totp(TotpSeed(S80)).bits == 80


@pytest.mark.parametrize(
    "query", ["algorithm=SHA256", "algorithm=sha512", "digits=8", "digits=7", "period=60"]
)
def test_non_default_parameters_warn(query: str) -> None:
    config = parse_totp(TotpSeed(f"otpauth://totp/Ex:a?secret={S160}&{query}"))
    assert [p.code for p in config.problems] == ["non-default"]
    assert config.non_default
    self_test(config, NOW)


def test_explicit_defaults_do_not_warn() -> None:
    uri = f"otpauth://totp/Ex:a?secret={S160}&algorithm=SHA1&digits=6&period=30&issuer=Ex"
    assert parse_totp(TotpSeed(uri)).problems == ()


def test_secret_stays_masked() -> None:
    config = parse_totp(TotpSeed(S160))
    assert S160 not in repr(config)
    assert S160 not in str(config)


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=80),
        st.builds(lambda q: "otpauth://totp/Ex:a?" + q, st.text(max_size=80)),
        st.builds(
            lambda p, d, a: (
                f"otpauth://totp/Ex:a?secret={S160}&period={p}&digits={d}&algorithm={a}"
            ),
            st.text(max_size=6),
            st.text(max_size=3),
            st.text(max_size=7),
        ),
    )
)
def test_only_otpauth_errors_escape_and_pyotp_never_raises_after_validation(text: str) -> None:
    try:
        config = parse_totp(TotpSeed(text))
    except OtpauthError:
        return
    with contextlib.suppress(TotpEngineError):  # a finding, never a traceback
        self_test(config, NOW)
