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


def probe_lock(profile: str, folder: Path | None = None) -> None:
    """Raise LockedError now if another run holds the profile's lock; create nothing.

    Lets a second scheduled run stop before it reads (or prompts for) anything,
    while a run that then fails on its inputs leaves no lock file behind: the
    real lock is taken only once the inputs are good.
    """
    path = lock_path(profile, folder)
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return  # no lock file yet (or unusable: profile_lock will say so)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise _locked(profile, path) from None
    finally:
        os.close(fd)


def _locked(profile: str, path: Path) -> LockedError:
    return LockedError(
        f"another privaudit run is auditing profile {profile!r} (lock {path});"
        " nothing was done: wait for it to finish, then run again"
    )


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
            raise _locked(profile, path) from None
        yield path
    finally:
        os.close(fd)  # closing releases the lock
