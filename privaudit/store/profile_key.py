"""A secret per profile, so keys that leave the machine cannot be guessed back.

A finding's `key` is a hash of its check id and subject label ("Mail (alice)").
Reports and the history hold the label itself, so there the key reveals
nothing more; a webhook does not carry labels, and an unsalted hash would let
its receiver try "Mail (alice)", "Bank (bob)"... until one matched. So keys
sent out are HMAC-SHA256 of the local key under a random 256-bit secret kept
0600 in the data folder, one per profile: stable from run to run (the
receiver can still follow a problem), unlinkable across profiles.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import stat
from pathlib import Path

from privaudit.errors import InputError
from privaudit.paths import data_dir
from privaudit.store.atomic import FILE_MODE, ensure_private_dir

_KEY_BYTES = 32


def key_path(profile: str, folder: Path | None = None) -> Path:
    digest = hashlib.sha256(profile.encode("utf-8")).hexdigest()[:16]
    return (folder or data_dir() / "keys") / f"{digest}.key"


def profile_secret(profile: str, folder: Path | None = None) -> bytes:
    """The profile's secret, made on first use (0600, in a verified 0700 folder)."""
    path = key_path(profile, folder)
    ensure_private_dir(path.parent)
    secret = _read(path)
    if secret is not None:
        return secret
    fresh = secrets.token_bytes(_KEY_BYTES)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, FILE_MODE)
    except FileExistsError:  # another run made it first: use theirs
        secret = _read(path)
        if secret is None:
            raise InputError(
                f"the profile key {path} is damaged; delete it and run again"
            ) from None
        return secret
    with os.fdopen(fd, "wb") as fh:
        fh.write(fresh.hex().encode("ascii"))
        fh.flush()
        os.fsync(fh.fileno())
    return fresh


def _read(path: Path) -> bytes | None:
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise InputError(f"cannot read the profile key {path} ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode) or stat.S_IMODE(info.st_mode) & 0o077:
            raise InputError(
                f"refusing the profile key {path}: it must be a file only you can read (0600)"
            )
        raw = fh.read(_KEY_BYTES * 2 + 1)
    with contextlib.suppress(ValueError):
        if len(raw) == _KEY_BYTES * 2:
            return bytes.fromhex(raw.decode("ascii"))
    return None


def outbound_key(secret: bytes, key: str) -> str:
    """A finding key as it may leave the machine: keyed, 16 hex like the local one."""
    return hmac.new(secret, key.encode("utf-8"), hashlib.sha256).hexdigest()[:16]
