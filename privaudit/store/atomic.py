"""Atomic, private file writes.

A report, cache entry or answer file is either the old one or the new one,
never half of each: write a temporary file in the same folder, fsync it, then
rename over the target. Files are created 0600; privaudit's own folders 0700.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from privaudit.errors import InputError

FILE_MODE = 0o600
DIR_MODE = 0o700


# `.{name}.{12 hex}.tmp`: what write_atomic leaves behind when it is killed mid-write.
_TEMP_NAME = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")
STALE_TEMP_SECONDS = 3600
"""A temp file untouched this long belongs to a write that died (kill -9, power loss)."""
_swept: set[str] = set()


def ensure_private_dir(path: Path) -> Path:
    """Create privaudit's own folder (0700), or verify it, before anything in it is used.

    Missing parents are created 0700 too (so a new PRIVAUDIT_HOME is private);
    an existing folder must be a real folder (not a symlink) owned by this
    user, and is tightened to 0700 if the umask or someone else widened it.
    Stale temp files of interrupted writes in it are removed. Call this before
    reading from the folder as well as before writing: another user must not
    be able to plant files privaudit would trust.
    """
    path = Path(path)
    missing: list[Path] = []
    probe = path
    while not os.path.lexists(probe) and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            pass  # another run made it meanwhile: verified below
        except OSError as exc:
            raise InputError(f"cannot create folder {folder}: {exc.strerror}") from None
        with contextlib.suppress(OSError):
            folder.chmod(DIR_MODE)  # mkdir's mode is narrowed by the umask, never widened
    _verify(path)
    _sweep_stale_temp(path)
    return path


def verify_private_dir(path: Path) -> bool:
    """Before reading from one of privaudit's folders: False when it does not exist,
    True when it is a real folder of this user (tightened to 0700 if needed);
    InputError otherwise. Creates nothing."""
    path = Path(path)
    if not os.path.lexists(path):
        return False
    _verify(path)
    return True


def _verify(path: Path) -> None:
    try:
        info = path.lstat()
    except OSError as exc:
        raise InputError(f"cannot use folder {path}: {exc.strerror}") from None
    if stat.S_ISLNK(info.st_mode):
        raise InputError(f"refusing to use {path}: it is a symbolic link")
    if not stat.S_ISDIR(info.st_mode):
        raise InputError(f"cannot use {path}: it is not a folder; move it away")
    if hasattr(os, "geteuid") and info.st_uid != os.geteuid():
        raise InputError(
            f"refusing to use {path}: it belongs to another user (uid {info.st_uid});"
            " remove it, or point PRIVAUDIT_HOME at a folder of your own"
        )
    if stat.S_IMODE(info.st_mode) & 0o077:
        try:
            path.chmod(DIR_MODE)
        except OSError as exc:
            raise InputError(f"cannot make {path} private (0700): {exc.strerror}") from None


def _sweep_stale_temp(folder: Path) -> None:
    key = str(folder)
    if key in _swept:  # once per folder per process: a cache folder holds thousands
        return
    _swept.add(key)
    cutoff = time.time() - STALE_TEMP_SECONDS
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if not _TEMP_NAME.match(entry.name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                    Path(entry.path).unlink()


def check_output_path(path: Path) -> Path:
    """Refuse, before any work, a target that is not a regular file or a new path.

    Replacing a device, FIFO or socket would break whatever uses it (as root,
    `--output /dev/null` would replace the system's), and /proc and /sys are
    the kernel's. Raises InputError (exit 2) naming what the path is.
    """
    from privaudit.files import is_virtual  # noqa: PLC0415

    path = Path(path)
    try:
        info = path.lstat()
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror}") from None
    if info is not None and stat.S_ISLNK(info.st_mode):
        raise InputError(
            f"refusing to write {path}: it is a symbolic link; remove it or pick another path"
        )
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise InputError(f"cannot write {path}: it is a folder; give a file name")
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise InputError(
            f"refusing to write {path}: it is {kind}, not a regular file; give a file name"
        )
    if is_virtual(path.parent) or is_virtual(path):
        raise InputError(f"refusing to write {path}: it is a system folder; give another path")
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


@contextlib.contextmanager
def atomic_writer(path: Path, *, mode: int = FILE_MODE, durable: bool = True) -> Iterator[BinaryIO]:
    """A private file that replaces `path` in one step when the block ends; if the
    block raises, `path` is untouched and nothing is left behind.

    `durable=False` skips the fsyncs (still atomic, not crash-proof): for caches,
    where losing an entry costs a refetch and 10,000 fsyncs would cost a minute.
    """
    path = check_output_path(Path(path))
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
            yield fh
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


def write_atomic(path: Path, data: bytes, *, mode: int = FILE_MODE, durable: bool = True) -> None:
    """Replace `path` with `data` in one step; the file ends up with `mode`."""
    with atomic_writer(path, mode=mode, durable=durable) as fh:
        fh.write(data)


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
