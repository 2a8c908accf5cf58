"""One-time codes computed by privaudit itself (RFC 4226 HOTP, RFC 6238 TOTP).

Codes come from the secret `otpauth.parse_totp` validated, whatever its length:
OTP libraries refuse secrets under 112 or 128 bits, yet real services issue 80-bit
ones (Google's documented example key is 16 Base32 characters), and those are
exactly the setups a user needs checked. TOTP101 still reports such secrets as
weak. Times must be timezone-aware: a naive datetime is read as local time and is
an hour off around DST changes.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from privaudit.i18n import Domain
from privaudit.tfa.otpauth import (
    DEFAULT_ALGORITHM,
    DEFAULT_DIGITS,
    DEFAULT_PERIOD,
    MAX_COUNTER,
    TotpConfig,
)

# TotpEngineError messages end up in TOTP101 findings: the checks' domain translates them.
_ = Domain("checks").gettext

WINDOW: Final = 1
"""RFC 6238 section 5.2: accept at most one step of drift either way."""
DIAGNOSE_STEPS: Final = 40
"""How far (±20 minutes at 30 s) to look, only to explain a wrong code."""
HOTP_LOOK_AHEAD: Final = 10
"""RFC 4226 section 7.4: how many presses ahead of the stored counter a code may be."""
_DIGESTS: Final[dict[str, Callable[..., Any]]] = {
    "SHA1": hashlib.sha1,
    "SHA256": hashlib.sha256,
    "SHA512": hashlib.sha512,
}


class TotpEngineError(Exception):
    """No code can be computed for this setup (the message is secret-free)."""


def counter_at(when: datetime, period: int) -> int:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("a timezone-aware time is required (naive times are off at DST changes)")
    return int(when.timestamp()) // period


def hotp(key: bytes, counter: int, *, digits: int = DEFAULT_DIGITS, algorithm: str = "SHA1") -> str:
    """RFC 4226 section 5.3: HMAC of the 8-byte counter, dynamic truncation, modulo."""
    if not 0 <= counter <= MAX_COUNTER:
        raise TotpEngineError(_("the counter is outside RFC 4226's 8-byte range"))
    mac = hmac.new(key, counter.to_bytes(8, "big"), _DIGESTS[algorithm]).digest()
    offset = mac[-1] & 0x0F
    binary = int.from_bytes(mac[offset : offset + 4], "big") & 0x7FFF_FFFF
    return str(binary % 10**digits).zfill(digits)


def code_for(
    config: TotpConfig,
    counter: int,
    *,
    algorithm: str | None = None,
    digits: int | None = None,
    period: int | None = None,
) -> str:
    del period  # the counter already encodes the time step
    return hotp(
        config.key(),
        counter,
        digits=digits or config.digits,
        algorithm=algorithm or config.algorithm,
    )


def self_test(config: TotpConfig, when: datetime) -> None:
    """Compute one code, so a setup that cannot give codes is reported, not crashed on."""
    if config.counter is not None:
        code_for(config, config.counter)
        return
    try:
        counter = counter_at(when, config.period)
    except (ValueError, OverflowError, ZeroDivisionError) as exc:
        raise TotpEngineError(
            _("cannot compute the time step ({error})").format(error=type(exc).__name__)
        ) from None
    code_for(config, counter)


@dataclass(frozen=True, slots=True)
class Verification:
    matched: bool
    offset: int | None = None
    """Steps between the app's code and now: +1 = the app is one step ahead."""
    period: int = DEFAULT_PERIOD
    well_formed: bool = True
    """False when the typed text is not a code of the expected length."""
    matches_defaults_at: int | None = None
    """Offset at which the code matches SHA1/6 digits/30 s: the app ignored the URI's settings."""

    @property
    def seconds(self) -> int | None:
        return None if self.offset is None else self.offset * self.period


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


def _offsets(limit: int) -> list[int]:
    out = [0]
    for step in range(1, limit + 1):
        out += [-step, step]
    return out


def verify_hotp(config: TotpConfig, typed: str) -> Verification:
    """An HOTP code is good at the stored counter or a few presses ahead (RFC 4226 7.4)."""
    assert config.counter is not None
    code = "".join(typed.split())
    if not (code.isascii() and code.isdigit()) or len(code) != config.digits:
        return Verification(False, period=0, well_formed=False)
    last = min(config.counter + HOTP_LOOK_AHEAD, MAX_COUNTER)
    for counter in range(config.counter, last + 1):
        if _same(code_for(config, counter), code):
            return Verification(True, counter - config.counter, period=0)
    return Verification(False, None, period=0)


def verify_code(
    config: TotpConfig, typed: str, when: datetime, *, window: int = WINDOW
) -> Verification:
    """Check the code an authenticator app shows against the seed at `when` (aware UTC)."""
    if config.counter is not None:
        return verify_hotp(config, typed)
    code = "".join(typed.split())
    counter = counter_at(when, config.period)
    if not (code.isascii() and code.isdigit()):
        return Verification(False, period=config.period, well_formed=False)
    if len(code) == config.digits:
        for offset in _offsets(DIAGNOSE_STEPS):
            if _same(code_for(config, counter + offset), code):
                return Verification(abs(offset) <= window, offset, config.period)
    if config.non_default and len(code) == DEFAULT_DIGITS:
        base = counter_at(when, DEFAULT_PERIOD)
        for offset in _offsets(window):
            candidate = code_for(
                config,
                base + offset,
                algorithm=DEFAULT_ALGORITHM,
                digits=DEFAULT_DIGITS,
                period=DEFAULT_PERIOD,
            )
            if _same(candidate, code):
                return Verification(False, None, config.period, matches_defaults_at=offset)
    return Verification(False, None, config.period, well_formed=len(code) == config.digits)
