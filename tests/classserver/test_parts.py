"""The class server's small parts: join codes, rate limits, the bind address, the QR code."""

from __future__ import annotations

import ipaddress

import pytest
import segno
from hypothesis import given
from hypothesis import strategies as st

from privaudit.classserver import address, codes
from privaudit.classserver.limits import Rate, RateLimiter
from privaudit.classserver.qr import qr_lines
from privaudit.errors import UsageError

CONFUSABLE = set("0O1IL2Z5S6G8BUV")


def test_join_codes_are_random_short_and_unambiguous() -> None:
    made = {codes.new_code() for _ in range(200)}
    assert len(made) == 200
    for code in made:
        assert len(code) == codes.LENGTH
        assert not CONFUSABLE & set(code)
        assert codes.normalise(code) == code
    assert not CONFUSABLE & set(codes.ALPHABET)
    assert len(codes.ALPHABET) ** codes.LENGTH > 50_000_000


def test_codes_are_typed_loosely_and_matched_exactly() -> None:
    assert codes.display("KMT3RX") == "KMT-3RX"
    for typed in ("KMT-3RX", "kmt3rx", " kmt 3rx ", "KMT_3RX"):
        assert codes.matches(typed, "KMT3RX")
    for typed in ("KMT3RA", "KMT3R", "KMT3RXX", "", "KMT3R0", "ＫＭＴ３ＲＸ"):
        assert not codes.matches(typed, "KMT3RX")


@given(st.text(max_size=20))
def test_normalise_never_accepts_a_character_outside_the_alphabet(text: str) -> None:
    code = codes.normalise(text)
    assert code is None or (len(code) == codes.LENGTH and set(code) <= set(codes.ALPHABET))


def test_the_rate_limit_is_a_token_bucket_per_client() -> None:
    now = [0.0]
    limiter = RateLimiter(Rate(burst=2, per_seconds=10), clock=lambda: now[0])
    assert [limiter.retry_after("a") for _ in range(3)] == [0, 0, 10]
    assert limiter.retry_after("b") == 0  # another device has its own bucket
    now[0] = 5
    assert limiter.retry_after("a") == 5
    now[0] = 10
    assert limiter.retry_after("a") == 0
    assert limiter.retry_after("a") == 10


def test_the_rate_limit_keeps_no_address_and_bounded_memory() -> None:
    limiter = RateLimiter(Rate(burst=1, per_seconds=1), clock=lambda: 0.0)
    for n in range(5000):
        limiter.retry_after(f"10.0.{n // 256}.{n % 256}")
    state = repr(limiter.__dict__)
    assert "10.0." not in state
    assert len(limiter._buckets) <= 4096


def test_the_default_address_is_a_real_one_never_every_interface() -> None:
    chosen = address.default_bind()
    assert not address.is_wildcard(chosen)
    ip = ipaddress.ip_address(chosen)
    assert not ip.is_unspecified


def test_bind_takes_an_address_not_a_name() -> None:
    assert address.check_bind("127.0.0.1") == "127.0.0.1"
    assert address.check_bind("[::1]") == "::1"
    assert address.is_wildcard(address.check_bind("0.0.0.0"))
    with pytest.raises(UsageError, match="not an IP address"):
        address.check_bind("classroom.local")
    assert address.url_host("::1") == "[::1]"


def _decode(lines: list[str]) -> list[list[bool]]:
    """The modules drawn, dark = True (light modules are the blocks)."""
    top = {"█": True, "▀": True, "▄": False, " ": False}
    bottom = {"█": True, "▀": False, "▄": True, " ": False}
    rows = []
    for line in lines:
        rows.append([not top[c] for c in line])
        rows.append([not bottom[c] for c in line])
    return rows


def test_the_qr_code_draws_exactly_segnos_modules() -> None:
    url = "http://192.168.1.20:8765/"
    lines = qr_lines(url)
    expected = [[bool(m) for m in row] for row in segno.make(url, error="m").matrix_iter(border=4)]
    assert _decode(lines)[: len(expected)] == expected
    assert all(len(line) == len(lines[0]) for line in lines)
    assert "\x1b" not in "".join(lines)
    coloured = qr_lines(url, colour=True)
    assert all(line.startswith("\x1b[97;40m") and line.endswith("\x1b[0m") for line in coloured)
