"""Secrets that cannot leak by accident.

A `Secret` holds a password (a `TotpSeed` a TOTP secret) and refuses every
casual way out: str(), repr(), f-strings, logging, pickling, JSON, equality.
Code that truly needs the value calls `reveal()`, which is easy to grep for.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Final, NoReturn

MASK: Final = "********"
_guarded = False


def _guard() -> None:
    """The first secret loaded turns core dumps off for the rest of the process."""
    global _guarded  # noqa: PLW0603  # once per process
    from privaudit.procguard import no_core_dumps  # noqa: PLC0415

    no_core_dumps()
    _guarded = True


class Secret:
    """A masked string. Compare with `same_as`, fingerprint with `fingerprint`."""

    __slots__ = ("_value",)
    _value: str

    def __init__(self, value: str) -> None:
        if not isinstance(value, str):
            raise TypeError("Secret takes a str")
        if not _guarded:
            _guard()
        object.__setattr__(self, "_value", value)

    def reveal(self) -> str:
        """The plain value: only for hashing and strength estimation, never for output."""
        return self._value

    def fingerprint(self, key: bytes) -> str:
        """A keyed hash (HMAC-SHA256) that groups equal secrets within one run.

        The key is random per run (`run_key()`), so fingerprints are useless
        outside that run and never stored.
        """
        return hmac.new(key, self._value.encode("utf-8"), hashlib.sha256).hexdigest()

    def same_as(self, other: Secret) -> bool:
        return hmac.compare_digest(self._value.encode("utf-8"), other._value.encode("utf-8"))

    def __len__(self) -> int:
        return len(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({MASK!r})"

    def __str__(self) -> str:
        return MASK

    def __format__(self, spec: str) -> str:
        return MASK

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError("Secret is immutable")

    def __eq__(self, other: object) -> bool:
        # Equality by value would invite `==` on secrets (timing) and dict keys.
        return self is other

    def __hash__(self) -> int:
        return id(self)

    def __reduce__(self) -> NoReturn:
        raise TypeError("a Secret cannot be pickled or copied out of the process")


class TotpSeed(Secret):
    """A TOTP shared secret or otpauth:// URI, masked like a password."""

    __slots__ = ()


def run_key() -> bytes:
    """A fresh random key for `Secret.fingerprint`, valid for one audit run."""
    return secrets.token_bytes(32)
