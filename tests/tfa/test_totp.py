"""Code verification: RFC 6238 vectors, the ±1 step window, offsets, DST, naive times."""

from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from privaudit.secret import TotpSeed
from privaudit.tfa.otpauth import parse_totp
from privaudit.tfa.totp import code_for, counter_at, verify_code

# RFC 6238 appendix B: the ASCII key "12345678901234567890" for SHA1.
RFC_KEY = base64.b32encode(b"12345678901234567890").decode().rstrip("=")
RFC_URI = f"otpauth://totp/RFC:test?secret={RFC_KEY}&digits=8"


@pytest.mark.parametrize(
    ("unix", "code"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
    ],
)
def test_rfc_6238_vectors(unix: int, code: str) -> None:
    config = parse_totp(TotpSeed(RFC_URI))
    when = datetime.fromtimestamp(unix, UTC)
    assert code_for(config, counter_at(when, 30)) == code
    result = verify_code(config, code, when)
    assert result.matched
    assert result.offset == 0


def _config() -> object:
    return parse_totp(TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"))


@pytest.mark.parametrize("offset", [-1, 0, 1])
def test_one_step_either_way_is_accepted_and_reported(offset: int) -> None:
    config = parse_totp(TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"))
    now = datetime(2026, 11, 24, 23, 0, 10, tzinfo=UTC)
    code = code_for(config, counter_at(now, 30) + offset)
    result = verify_code(config, code, now)
    assert result.matched
    assert result.offset == offset
    assert result.seconds == offset * 30


@pytest.mark.parametrize("offset", [-5, 2, 40])
def test_drift_beyond_the_window_is_refused_but_measured(offset: int) -> None:
    config = parse_totp(TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"))
    now = datetime(2026, 11, 24, 23, 0, 10, tzinfo=UTC)
    result = verify_code(config, code_for(config, counter_at(now, 30) + offset), now)
    assert not result.matched
    assert result.offset == offset


def test_dst_change_same_instant_same_step() -> None:
    """01:30 UTC on 25 Oct 2026, the EU fall-back night: 02:30 in Berlin happens twice."""
    config = parse_totp(TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"))
    utc = datetime(2026, 10, 25, 1, 30, tzinfo=UTC)
    berlin = ZoneInfo("Europe/Berlin")
    second_0230 = datetime(2026, 10, 25, 2, 30, fold=1, tzinfo=berlin)  # CET, after the change
    first_0230 = datetime(2026, 10, 25, 2, 30, fold=0, tzinfo=berlin)  # CEST, an hour earlier
    # Aware comparisons across zones treat fold=1 as unequal (PEP 495): compare instants.
    assert second_0230.timestamp() == utc.timestamp()
    assert counter_at(second_0230, 30) == counter_at(utc, 30)
    assert counter_at(first_0230, 30) == counter_at(utc, 30) - 120
    code = code_for(config, counter_at(utc, 30))
    assert verify_code(config, code, second_0230).offset == 0
    # The fixed-offset spelling of the same instant agrees too.
    assert counter_at(utc.astimezone(timezone(timedelta(hours=1))), 30) == counter_at(utc, 30)


def test_naive_times_are_refused() -> None:
    config = parse_totp(TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"))
    with pytest.raises(ValueError, match="timezone-aware"):
        verify_code(config, "123456", datetime(2026, 10, 25, 2, 30))


@pytest.mark.parametrize("typed", ["12345", "abcdef", "１２３４５６", "12 34 5", ""])
def test_malformed_codes_are_reported_as_such(typed: str) -> None:
    config = parse_totp(TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"))
    result = verify_code(config, typed, datetime(2026, 11, 24, tzinfo=UTC))
    assert not result.matched
    assert not result.well_formed


def test_spaces_in_a_code_are_ignored() -> None:
    config = parse_totp(TotpSeed("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"))
    now = datetime(2026, 11, 24, tzinfo=UTC)
    code = code_for(config, counter_at(now, 30))
    assert verify_code(config, f"{code[:3]} {code[3:]}", now).matched


def test_app_ignoring_non_default_settings_is_diagnosed() -> None:
    secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
    config = parse_totp(TotpSeed(f"otpauth://totp/Ex:a?secret={secret}&digits=8&period=60"))
    plain = parse_totp(TotpSeed(secret))
    now = datetime(2026, 11, 24, 23, 0, 10, tzinfo=UTC)
    app_code = code_for(plain, counter_at(now, 30))
    result = verify_code(config, app_code, now)
    assert not result.matched
    assert result.matches_defaults_at == 0
