"""Validate a TOTP/HOTP seed or otpauth:// URI before any code is computed from it.

Every value is checked here (RFC 4226/6238 and the Key URI format): 40-bit secrets,
non-Base32 text, `period=0`, duplicate parameters. Secrets below 128 bits are
accepted for computing codes (real services issue 80-bit ones) but reported as
problems. Messages name the problem, never the value: the seed is a secret.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Final
from urllib.parse import parse_qsl, unquote, urlsplit

from privaudit.i18n import Domain
from privaudit.secret import TotpSeed

# OtpauthError messages end up in TOTP101 findings: the checks' domain translates them.
_ = Domain("checks").gettext


MIN_BITS: Final = 128
"""RFC 4226 section 4: the shared secret must be at least 128 bits..."""
RECOMMENDED_BITS: Final = 160
"""...and 160 bits is recommended."""
MAX_URI_LENGTH: Final = 4096
ALGORITHMS: Final = ("SHA1", "SHA256", "SHA512")
DEFAULT_ALGORITHM: Final = "SHA1"
DEFAULT_DIGITS: Final = 6
DEFAULT_PERIOD: Final = 30
_BASE32: Final = re.compile(r"^[A-Z2-7]+$")
_VALID_BASE32_TAILS: Final = frozenset({0, 2, 4, 5, 7})
_SECURITY_PARAMS: Final = frozenset(
    {"secret", "issuer", "algorithm", "digits", "period", "counter"}
)
MAX_COUNTER: Final = 2**64 - 1
"""RFC 4226 section 5.1: the counter is an 8-byte value."""


class OtpauthError(ValueError):
    """The seed or URI cannot be used at all. The message is safe to show."""


class Level(StrEnum):
    FAIL = "fail"
    WARN = "warn"


@dataclass(frozen=True, slots=True)
class Problem:
    level: Level
    code: str
    message: str


@dataclass(frozen=True, slots=True)
class TotpConfig:
    secret: TotpSeed
    """Normalised Base32 (upper case, no spaces or padding), still masked."""
    bits: int
    algorithm: str = DEFAULT_ALGORITHM
    digits: int = DEFAULT_DIGITS
    period: int = DEFAULT_PERIOD
    issuer: str | None = None
    from_uri: bool = False
    steam: bool = False
    """A Steam Guard seed (`steam://`): 5-character codes of its own, not RFC 6238."""
    counter: int | None = None
    """Set for an HOTP (RFC 4226, counter-based) seed: the next counter value."""
    problems: tuple[Problem, ...] = field(default=())

    @property
    def hotp(self) -> bool:
        return self.counter is not None

    def key(self) -> bytes:
        """The raw shared secret, for computing codes only (never shown or stored)."""
        padded = self.secret.reveal() + "=" * (-len(self.secret.reveal()) % 8)
        return base64.b32decode(padded)

    @property
    def non_default(self) -> bool:
        return (self.algorithm, self.digits, self.period) != (
            DEFAULT_ALGORITHM,
            DEFAULT_DIGITS,
            DEFAULT_PERIOD,
        )


def normalise_secret(text: str) -> tuple[str, int]:
    """Base32 with spaces stripped, case folded and padding optional -> (secret, bits)."""
    cleaned = "".join(text.split()).upper().rstrip("=")
    if not cleaned:
        raise OtpauthError(_("the TOTP secret is empty"))
    if not _BASE32.match(cleaned):
        raise OtpauthError(_("the TOTP secret is not Base32 (only letters A-Z and digits 2-7)"))
    if len(cleaned) % 8 not in _VALID_BASE32_TAILS:
        raise OtpauthError(
            _("the TOTP secret has an impossible Base32 length (is a character missing?)")
        )
    padded = cleaned + "=" * (-len(cleaned) % 8)
    try:
        key = base64.b32decode(padded)
    except (binascii.Error, ValueError):
        raise OtpauthError(_("the TOTP secret is not valid Base32")) from None
    return cleaned, len(key) * 8


def _int_param(name: str, value: str, lo: int, hi: int) -> int:
    if not value.isascii() or not value.isdigit():
        raise OtpauthError(
            _("'{name}' must be a whole number from {lo} to {hi}").format(name=name, lo=lo, hi=hi)
        )
    number = int(value)
    if not lo <= number <= hi:
        raise OtpauthError(
            _("'{name}' must be a whole number from {lo} to {hi}").format(name=name, lo=lo, hi=hi)
        )
    return number


def _parse_uri(text: str) -> tuple[str, dict[str, str], str | None]:
    """(secret, parameters, issuer from the label)."""
    if len(text) > MAX_URI_LENGTH:
        raise OtpauthError(
            _("the otpauth URI is longer than {n} characters").format(n=MAX_URI_LENGTH)
        )
    try:
        parts = urlsplit(text)
    except ValueError:
        raise OtpauthError(_("the otpauth URI cannot be parsed")) from None
    if parts.scheme.lower() != "otpauth":
        raise OtpauthError(_("not an otpauth:// URI"))
    kind = parts.netloc.lower()
    if kind not in {"totp", "hotp"}:
        raise OtpauthError(_("the otpauth URI type must be 'totp' or 'hotp'"))
    label = parts.path[1:]
    label_issuer = None
    if ":" in label:  # split before unquoting: %3A is part of a name
        label_issuer = unquote(label.split(":", 1)[0]).strip() or None
    params: dict[str, str] = {}
    try:
        pairs = parse_qsl(parts.query, keep_blank_values=True, strict_parsing=False)
    except ValueError:
        raise OtpauthError(_("the otpauth URI parameters cannot be parsed")) from None
    for key, value in pairs:
        name = key.lower()
        if name in _SECURITY_PARAMS and name in params:
            raise OtpauthError(
                _("the otpauth URI repeats the '{name}' parameter").format(name=name)
            )
        params[name] = value
    secret = params.get("secret", "")
    if not secret:
        raise OtpauthError(_("the otpauth URI has no secret"))
    if kind == "hotp" and not params.get("counter"):
        # The Key URI format makes it required: without it the app and the service
        # cannot agree on which code comes next.
        raise OtpauthError(_("the counter-based (HOTP) URI has no 'counter' (RFC 4226 needs one)"))
    params["type"] = kind
    return secret, params, label_issuer


def parse_totp(seed: TotpSeed) -> TotpConfig:
    """Validate `seed` (a bare Base32 secret or an otpauth URI); raise OtpauthError if unusable."""
    text = seed.reveal().strip()
    if text[:8].lower() == "steam://":  # Bitwarden's notation for Steam Guard
        secret, bits = normalise_secret(text[8:])
        return _with_problems(TotpConfig(TotpSeed(secret), bits, steam=True))
    if "://" not in text:
        secret, bits = normalise_secret(text)
        return _with_problems(TotpConfig(TotpSeed(secret), bits))
    raw_secret, params, label_issuer = _parse_uri(text)
    secret, bits = normalise_secret(raw_secret)
    algorithm = params.get("algorithm", DEFAULT_ALGORITHM).strip().upper() or DEFAULT_ALGORITHM
    if algorithm not in ALGORITHMS:
        raise OtpauthError(_("'algorithm' must be SHA1, SHA256 or SHA512"))
    digits = DEFAULT_DIGITS
    if params.get("digits"):
        digits = _int_param("digits", params["digits"], 6, 8)
    period = DEFAULT_PERIOD
    if params.get("period"):
        period = _int_param("period", params["period"], 1, 86_400)
    counter = None
    if params["type"] == "hotp":
        counter = _int_param("counter", params["counter"], 0, MAX_COUNTER)
    issuer = params.get("issuer", "").strip() or None
    if label_issuer and issuer and label_issuer != issuer:
        raise OtpauthError(_("the issuer in the label differs from the one in the 'issuer' part"))
    config = TotpConfig(
        TotpSeed(secret),
        bits,
        algorithm=algorithm,
        digits=digits,
        period=period,
        issuer=issuer or label_issuer,
        from_uri=True,
        counter=counter,
    )
    return _with_problems(config)


def _with_problems(config: TotpConfig) -> TotpConfig:
    problems: list[Problem] = []
    if config.bits < MIN_BITS:
        problems.append(
            Problem(
                Level.FAIL,
                "short-secret",
                f"the secret has only {config.bits} bits (at least {MIN_BITS} needed, RFC 4226)",
            )
        )
    elif config.bits < RECOMMENDED_BITS:
        problems.append(
            Problem(
                Level.WARN,
                "short-secret",
                f"the secret has {config.bits} bits ({RECOMMENDED_BITS} recommended, RFC 4226)",
            )
        )
    unusual = []
    if config.algorithm != DEFAULT_ALGORITHM:
        unusual.append(f"algorithm {config.algorithm}")
    if config.digits != DEFAULT_DIGITS:
        unusual.append(f"{config.digits} digits")
    if config.period != DEFAULT_PERIOD and not config.hotp:
        unusual.append(f"a {config.period}-second period")
    if unusual:
        problems.append(
            Problem(
                Level.WARN,
                "non-default",
                "uses " + ", ".join(unusual) + ": many authenticator apps ignore these and show"
                " codes that never work",
            )
        )
    return TotpConfig(
        config.secret,
        config.bits,
        algorithm=config.algorithm,
        digits=config.digits,
        period=config.period,
        issuer=config.issuer,
        from_uri=config.from_uri,
        steam=config.steam,
        counter=config.counter,
        problems=tuple(problems),
    )
