"""Codes computed by privaudit itself: RFC 4226 and RFC 6238 vectors, pyotp as a
reference for every secret length pyotp accepts, short secrets pyotp refuses,
HOTP setups and Google Authenticator migration exports."""

from __future__ import annotations

import base64
import contextlib
from datetime import UTC, datetime

import pyotp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.accounts import Account
from privaudit.context import AuditContext
from privaudit.model import Status
from privaudit.secret import TotpSeed
from privaudit.tfa.migration import decode_migration, encode_migration
from privaudit.tfa.otpauth import Level, OtpauthError, parse_totp
from privaudit.tfa.totp import code_for, counter_at, hotp, verify_code

RFC4226_KEY = b"12345678901234567890"
# RFC 4226 appendix D: HOTP values for counters 0..9 with the key above.
RFC4226_CODES = [
    "755224", "287082", "359152", "969429", "338314",
    "254676", "287922", "162583", "399871", "520489",
]  # fmt: skip
# RFC 6238 appendix B, with each algorithm's own seed length.
RFC6238_KEYS = {
    "SHA1": RFC4226_KEY,
    "SHA256": b"12345678901234567890123456789012",
    "SHA512": b"1234567890123456789012345678901234567890123456789012345678901234",
}
RFC6238 = [
    (59, {"SHA1": "94287082", "SHA256": "46119246", "SHA512": "90693936"}),
    (1111111109, {"SHA1": "07081804", "SHA256": "68084774", "SHA512": "25091201"}),
    (1111111111, {"SHA1": "14050471", "SHA256": "67062674", "SHA512": "99943326"}),
    (1234567890, {"SHA1": "89005924", "SHA256": "91819424", "SHA512": "93441116"}),
    (2000000000, {"SHA1": "69279037", "SHA256": "90698825", "SHA512": "38618901"}),
    (20000000000, {"SHA1": "65353130", "SHA256": "77737706", "SHA512": "47863826"}),
]
GOOGLE_EXAMPLE = "JBSWY3DPEHPK3PXP"  # the Key URI format wiki's example: 80 bits


def _b32(key: bytes) -> str:
    return base64.b32encode(key).decode().rstrip("=")


@pytest.mark.parametrize(("counter", "code"), list(enumerate(RFC4226_CODES)))
def test_rfc_4226_vectors(counter: int, code: str) -> None:
    assert hotp(RFC4226_KEY, counter) == code
    config = parse_totp(TotpSeed(f"otpauth://hotp/RFC:t?secret={_b32(RFC4226_KEY)}&counter=0"))
    assert code_for(config, counter) == code


@pytest.mark.parametrize(("unix", "codes"), RFC6238)
@pytest.mark.parametrize("algorithm", ["SHA1", "SHA256", "SHA512"])
def test_rfc_6238_vectors_every_algorithm(unix: int, codes: dict[str, str], algorithm: str) -> None:
    secret = _b32(RFC6238_KEYS[algorithm])
    uri = f"otpauth://totp/RFC:t?secret={secret}&digits=8&algorithm={algorithm}"
    config = parse_totp(TotpSeed(uri))
    when = datetime.fromtimestamp(unix, UTC)
    assert code_for(config, counter_at(when, 30)) == codes[algorithm]
    assert verify_code(config, codes[algorithm], when).matched


@settings(max_examples=100, deadline=None)
@given(
    key=st.binary(min_size=16, max_size=64),
    counter=st.integers(min_value=0, max_value=2**40),
    digits=st.sampled_from([6, 7, 8]),
    algorithm=st.sampled_from(["SHA1", "SHA256", "SHA512"]),
)
def test_agrees_with_pyotp_wherever_pyotp_accepts_the_secret(
    key: bytes, counter: int, digits: int, algorithm: str
) -> None:
    import hashlib

    reference = pyotp.HOTP(_b32(key), digits=digits, digest=getattr(hashlib, algorithm.lower()))
    assert hotp(key, counter, digits=digits, algorithm=algorithm) == reference.at(counter)


def test_googles_example_key_and_16_character_secrets_can_be_verified() -> None:
    config = parse_totp(TotpSeed(GOOGLE_EXAMPLE))
    assert config.bits == 80
    assert [(p.level, p.code) for p in config.problems] == [(Level.FAIL, "short-secret")]
    with pytest.raises(ValueError, match="at least"):  # what stopped `mfa verify` before
        pyotp.TOTP(GOOGLE_EXAMPLE).now()
    now = datetime(2026, 12, 1, 21, 0, 5, tzinfo=UTC)
    code = hotp(base64.b32decode(GOOGLE_EXAMPLE), counter_at(now, 30))
    assert verify_code(config, code, now).matched


def test_hotp_uri_is_a_valid_setup_audited_on_rfc_4226_rules() -> None:
    from privaudit.checks.totp import TotpSeedQuality

    good = f"otpauth://hotp/Ex:alice?secret={_b32(RFC4226_KEY)}&counter=5&issuer=Ex"
    weak = f"otpauth://hotp/Ex:bob?secret={GOOGLE_EXAMPLE}&counter=5"
    missing = f"otpauth://hotp/Ex:carol?secret={_b32(RFC4226_KEY)}"
    accounts = tuple(
        Account(label=n, totp=TotpSeed(u))
        for n, u in [("Good", good), ("Weak", weak), ("NoCounter", missing)]
    )
    found = {f.subject: f for f in TotpSeedQuality().run(AuditContext(accounts=accounts))}
    assert found["Good"].status is Status.PASS
    assert "counter-based (HOTP)" in found["Good"].message
    assert found["Good"].details["type"] == "hotp"
    assert found["Weak"].status is Status.FAIL and "80 bits" in found["Weak"].message
    assert found["NoCounter"].status is Status.FAIL
    assert "no 'counter'" in found["NoCounter"].message


def test_hotp_codes_verify_at_or_ahead_of_the_counter() -> None:
    config = parse_totp(TotpSeed(f"otpauth://hotp/E:a?secret={_b32(RFC4226_KEY)}&counter=5"))
    assert config.counter == 5
    when = datetime(2026, 12, 1, tzinfo=UTC)
    result = verify_code(config, RFC4226_CODES[7], when)
    assert result.matched and result.offset == 2
    assert not verify_code(config, RFC4226_CODES[4], when).matched  # already used


SECRET_A = bytes(range(20))
SECRET_B = b"\xff" * 10  # 80 bits: weak
MIGRATION = encode_migration(
    [
        (SECRET_A, "alice@example.com", "Example", 1, 1, 2, 0),
        (SECRET_B, "bob", "Weak Co", 0, 0, 2, 0),
        (RFC4226_KEY, "counter", "HOTP Co", 1, 1, 1, 3),
    ]
)


def test_migration_payload_decodes_every_account() -> None:
    accounts = decode_migration(TotpSeed(MIGRATION))
    assert [a.label for a in accounts] == [
        "Example: alice@example.com",
        "Weak Co: bob",
        "HOTP Co: counter",
    ]
    first, second, third = (parse_totp(a.seed) for a in accounts)
    assert (first.bits, first.issuer, first.key()) == (160, "Example", SECRET_A)
    assert second.bits == 80
    assert third.counter == 3 and code_for(third, 3) == RFC4226_CODES[3]


def test_a_migration_seed_is_audited_account_by_account_and_never_printed() -> None:
    from privaudit.checks.totp import TotpSeedQuality, TotpSeedReuse

    plain = Account(label="Elsewhere", totp=TotpSeed(_b32(SECRET_A)))
    account = Account(label="Authenticator", username="me", totp=TotpSeed(MIGRATION))
    ctx = AuditContext(accounts=(account, plain))
    quality = {f.subject: f.status for f in TotpSeedQuality().run(ctx)}
    assert quality == {
        "Authenticator (me) › Example: alice@example.com": Status.PASS,
        "Authenticator (me) › Weak Co: bob": Status.FAIL,
        "Authenticator (me) › HOTP Co: counter": Status.PASS,
        "Elsewhere": Status.PASS,
    }
    reuse = {f.subject: f.status for f in TotpSeedReuse().run(ctx)}
    assert reuse["Elsewhere"] is Status.FAIL  # same secret as alice's entry in the export
    assert reuse["Authenticator (me) › Example: alice@example.com"] is Status.FAIL
    everything = repr(list(TotpSeedQuality().run(ctx))) + repr(list(TotpSeedReuse().run(ctx)))
    data = MIGRATION.split("data=", 1)[1]
    for secret in (data, data[:40], _b32(SECRET_A), _b32(SECRET_B)):
        assert secret not in everything


@pytest.mark.parametrize(
    ("uri", "message"),
    [
        ("otpauth-migration://offline?data=", "exactly one 'data'"),
        ("otpauth-migration://offline", "exactly one 'data'"),
        ("otpauth-migration://online?data=AAAA", "offline"),
        ("otpauth-migration://offline?data=!!!!", "not Base64"),
        ("otpauth-migration://offline?data=CgA%3D", "no secret"),  # one empty account
        ("otpauth-migration://offline?data=EAE%3D", "holds no accounts"),
        ("otpauth-migration://offline?data=CgUKAwAB", "cut short"),
        ("otpauth-migration://offline?data=" + "A" * 20_000, "longer than"),
        ("otpauth-migration://offline?data=Bw%3D%3D", "not a Google Authenticator"),
    ],
)
def test_bad_migration_payloads_are_refused_with_a_clear_reason(uri: str, message: str) -> None:
    with pytest.raises(OtpauthError, match=message):
        decode_migration(TotpSeed(uri))


@settings(max_examples=200, deadline=None)
@given(payload=st.binary(max_size=300))
def test_arbitrary_payloads_raise_only_otpauth_errors(payload: bytes) -> None:
    from urllib.parse import quote

    uri = "otpauth-migration://offline?data=" + quote(base64.b64encode(payload).decode(), safe="")
    try:
        accounts = decode_migration(TotpSeed(uri))
    except OtpauthError:
        return
    for account in accounts:
        with contextlib.suppress(OtpauthError):
            parse_totp(account.seed)


def test_too_many_accounts_are_refused() -> None:
    many = encode_migration([(SECRET_A, f"a{i}", "X", 1, 1, 2, 0) for i in range(201)])
    with pytest.raises(OtpauthError, match="more than 200"):
        decode_migration(TotpSeed(many))
