"""One audit per profile at a time: a second scheduled run exits 3 and touches nothing.

An advisory `flock` on a file in the data folder. The kernel drops it when the
process ends, however it ends, so a killed run never leaves a stale lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from privaudit.errors import InputError, LockedError
from privaudit.paths import data_dir
from privaudit.store.atomic import ensure_private_dir, open_private


def lock_path(profile: str, folder: Path | None = None) -> Path:
    """The lock file of a profile (named by a hash: profile names may be paths)."""
    digest = hashlib.sha256(profile.encode("utf-8")).hexdigest()[:16]
    return (folder or data_dir() / "locks") / f"{digest}.lock"


@contextlib.contextmanager
def profile_lock(profile: str, folder: Path | None = None) -> Iterator[Path]:
    path = lock_path(profile, folder)
    ensure_private_dir(path.parent)
    try:
        fd = open_private(path, os.O_RDWR)
    except OSError as exc:
        raise InputError(f"cannot open the lock file {path} ({exc.strerror})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LockedError(
                f"another privaudit run is auditing profile {profile!r} (lock {path});"
                " nothing was done: wait for it to finish, then run again"
            ) from None
        yield path
    finally:
        os.close(fd)  # closing releases the lock
