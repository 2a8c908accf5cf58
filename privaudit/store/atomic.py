"""Atomic, private file writes.

A report, cache entry or answer file is either the old one or the new one,
never half of each: write a temporary file in the same folder, fsync it, then
rename over the target. Files are created 0600; privaudit's own folders 0700.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from privaudit.errors import InputError

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create privaudit's own folder (0700) or tighten it; refuse a symlink."""
    if path.is_symlink():
        raise InputError(f"refusing to use {path}: it is a symbolic link")
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        path.chmod(DIR_MODE)
    return path


def open_private(path: Path, flags: int, *, mode: int = FILE_MODE) -> int:
    """Open a file privaudit owns, creating it with `mode`, never through a symbolic link.

    The one place that opens such files (reports, caches, answers, history, locks,
    indexes): the mode is set again on the open descriptor because the umask may
    have narrowed it and an existing file may be wider. Returns the descriptor;
    OSError (PermissionError, FileExistsError with O_EXCL) is the caller's to word.
    """
    if path.is_symlink():
        raise InputError(f"refusing to use {path}: it is a symbolic link; remove it")
    fd = os.open(path, flags | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), mode)
    try:
        if stat.S_IMODE(os.fstat(fd).st_mode) != mode:
            os.fchmod(fd, mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def write_atomic(path: Path, data: bytes, *, mode: int = FILE_MODE, durable: bool = True) -> None:
    """Replace `path` with `data` in one step; the file ends up with `mode`.

    `durable=False` skips the fsyncs (still atomic, not crash-proof): for caches,
    where losing an entry costs a refetch and 10,000 fsyncs would cost a minute.
    """
    path = Path(path)
    if path.is_symlink():
        raise InputError(
            f"refusing to write {path}: it is a symbolic link; remove it or pick another path"
        )
    if path.is_dir():
        raise InputError(f"cannot write {path}: it is a folder; give a file name")
    folder = path.parent if str(path.parent) else Path()
    if not folder.is_dir():
        raise InputError(f"cannot write {path}: folder {folder} does not exist; create it first")
    tmp = folder / f".{path.name}.{secrets.token_hex(6)}.tmp"
    try:
        fd = open_private(tmp, os.O_WRONLY | os.O_EXCL, mode=mode)
    except PermissionError:
        raise InputError(f"cannot write {path}: permission denied") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        raise
    if durable:
        _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable; not every platform can open a folder.
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
