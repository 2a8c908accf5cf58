"""SHA-1 of the exact UTF-8 bytes, split into the 5-character prefix that may
leave the machine and the 35-character suffix that never does."""

from __future__ import annotations

import hashlib

PREFIX_LEN = 5
HASH_LEN = 40


def sha1_hex(password: str) -> str:
    """Uppercase SHA-1 of the UTF-8 bytes, with no Unicode normalisation.

    Normalising would hash a different password from the one the user has:
    "é" typed as one code point and as e + combining accent are two passwords.
    """
    return hashlib.sha1(password.encode("utf-8"), usedforsecurity=False).hexdigest().upper()


def range_key(full_hash: str) -> tuple[str, str]:
    """(prefix, suffix) of an uppercase SHA-1 hex digest."""
    if len(full_hash) != HASH_LEN:
        raise ValueError("expected a 40-character SHA-1 hex digest")
    return full_hash[:PREFIX_LEN], full_hash[PREFIX_LEN:]
