"""TOTP codes through pyotp, after `otpauth.parse_totp` has validated the setup.

Every exception pyotp can raise on odd input becomes a `TotpEngineError` with a
message that names the exception type only, never the seed. Times must be
timezone-aware: a naive datetime is read as local time and is an hour off
around DST changes.
"""

from __future__ import annotations

import binascii
import hashlib
import hmac
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from privaudit.tfa.otpauth import (
    DEFAULT_ALGORITHM,
    DEFAULT_DIGITS,
    DEFAULT_PERIOD,
    TotpConfig,
)

PYOTP_ERRORS: Final = (binascii.Error, ZeroDivisionError, ValueError, OverflowError, TypeError)
WINDOW: Final = 1
"""RFC 6238 section 5.2: accept at most one step of drift either way."""
DIAGNOSE_STEPS: Final = 40
"""How far (±20 minutes at 30 s) to look, only to explain a wrong code."""
_DIGESTS: Final[dict[str, Callable[..., Any]]] = {
    "SHA1": hashlib.sha1,
    "SHA256": hashlib.sha256,
    "SHA512": hashlib.sha512,
}


class TotpEngineError(Exception):
    """pyotp could not compute a code for this setup (message is secret-free)."""


def counter_at(when: datetime, period: int) -> int:
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError("a timezone-aware time is required (naive times are off at DST changes)")
    return int(when.timestamp()) // period


def _engine(config: TotpConfig, algorithm: str, digits: int, period: int) -> Any:
    import pyotp  # noqa: PLC0415  # only TOTP work pays for the import

    try:
        return pyotp.TOTP(
            config.secret.reveal(), digits=digits, digest=_DIGESTS[algorithm], interval=period
        )
    except PYOTP_ERRORS as exc:
        raise TotpEngineError(f"pyotp rejected the setup ({type(exc).__name__})") from None


def code_for(
    config: TotpConfig,
    counter: int,
    *,
    algorithm: str | None = None,
    digits: int | None = None,
    period: int | None = None,
) -> str:
    engine = _engine(
        config, algorithm or config.algorithm, digits or config.digits, period or config.period
    )
    try:
        return str(engine.generate_otp(counter))
    except PYOTP_ERRORS as exc:
        raise TotpEngineError(f"pyotp could not compute a code ({type(exc).__name__})") from None


def self_test(config: TotpConfig, when: datetime) -> None:
    """Compute one code, so a setup pyotp chokes on is reported, not crashed on."""
    try:
        counter = counter_at(when, config.period)
    except (ValueError, OverflowError, ZeroDivisionError) as exc:
        raise TotpEngineError(f"cannot compute the time step ({type(exc).__name__})") from None
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


def verify_code(
    config: TotpConfig, typed: str, when: datetime, *, window: int = WINDOW
) -> Verification:
    """Check the code an authenticator app shows against the seed at `when` (aware UTC)."""
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
