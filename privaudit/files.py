"""Opening files the user named: every way it can fail is one line that names the file.

Only regular files are read (`-` for stdin is handled by the callers): a FIFO
would block forever, a device such as /dev/zero never ends, and the virtual
files of /proc and /sys report a size of 0 whatever they hold. Reads are
bounded, so a file that grows while it is read still stops at the limit.
"""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path
from typing import BinaryIO

from privaudit.errors import InputError, PrivauditError
from privaudit.i18n import N_, _

# The names callers give `what` and their hints, marked here so they are translated
# wherever the message is built (a caller that already translated them is unchanged).
_NAMES = (
    N_("export"),
    N_("config file"),
    N_("report"),
    N_("breach corpus"),
    N_("2FA dataset file"),
    N_("check the path"),
    N_("check the path, or leave out --config"),
    N_("give a regular file, or pipe the export to stdin with --accounts -"),
)

_VIRTUAL_ROOTS = ("/proc", "/sys", "/dev")
# tmpfs: a good place for a plaintext export that must not hit disk (only compared with).
_RAM_FOLDER = "/dev/shm"  # noqa: S108


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return _("a named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("a device")
    if stat.S_ISSOCK(mode):
        return _("a socket")
    if stat.S_ISDIR(mode):
        return _("a folder")
    return _("not a regular file")


def io_error(path: object, exc: OSError) -> str:
    """The line for an OS error while reading `path`."""
    reason = exc.strerror or _("I/O error")
    return _("cannot read {path}: {reason}").format(path=path, reason=reason)


def is_virtual(path: Path) -> bool:
    """Whether `path` resolves into /proc, /sys or /dev (kernel files, not user data).

    /dev/shm is ordinary memory-backed storage, so it is not one of them.
    """
    real = os.path.realpath(path)
    if real == _RAM_FOLDER or real.startswith(_RAM_FOLDER + "/"):
        return False
    return any(real == root or real.startswith(root + "/") for root in _VIRTUAL_ROOTS)


def _refusal(path: Path, mode: int, what: str, pipe_hint: str | None) -> str | None:
    if stat.S_ISDIR(mode):
        return _folder(path, what)
    if stat.S_ISFIFO(mode) and pipe_hint:
        return _("cannot read {what} {path}: it is a named pipe (FIFO); {hint}").format(
            what=_(what), path=path, hint=_(pipe_hint)
        )
    if not stat.S_ISREG(mode):
        return _("cannot read {what} {path}: it is {kind}; give a regular file").format(
            what=_(what), path=path, kind=_kind(mode)
        )
    if is_virtual(path):
        return _("cannot read {what} {path}: it is a system file, not a {what}").format(
            what=_(what), path=path
        )
    return None


def _folder(path: Path, what: str) -> str:
    return _("{path} is a folder; give the {what} file itself").format(path=path, what=_(what))


def over_limit(name: object, limit: int) -> str:
    """The line for input past --max-input-size."""
    return _(
        "{name}: input is over the {limit}-byte limit; pass --max-input-size to raise it"
    ).format(name=name, limit=limit)


def open_user_file(
    path: Path,
    *,
    what: str,
    error: type[PrivauditError] = InputError,
    missing_hint: str = "check the path",
    max_bytes: int | None = None,
    pipe_hint: str | None = None,
) -> BinaryIO:
    """Open the regular file `path` for reading in binary mode, or raise `error`.

    `what` names the file in messages ("export", "config file", "report").
    With `max_bytes`, reading past that many bytes raises `error` too.
    `pipe_hint` says what to do instead when `path` is a named pipe.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)  # O_NONBLOCK: opening a FIFO must not wait for a writer
    except FileNotFoundError:
        raise error(
            _("{what} not found: {path} ({hint})").format(
                what=_(what), path=path, hint=_(missing_hint)
            )
        ) from None
    except IsADirectoryError:
        raise error(_folder(path, what)) from None
    except PermissionError:
        raise error(
            _("cannot read {what} {path}: permission denied").format(what=_(what), path=path)
        ) from None
    except OSError as exc:
        raise error(_read_error(what, path, exc.strerror)) from None
    try:
        refusal = _refusal(path, os.fstat(fd).st_mode, what, pipe_hint)
    except OSError:
        refusal = _read_error(what, path, None)
    if refusal:
        os.close(fd)
        raise error(refusal)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    raw = io.FileIO(fd, "rb", closefd=True)
    if max_bytes is None:
        return io.BufferedReader(raw)
    return io.BufferedReader(_Bounded(raw, max_bytes, str(path), error))


def _read_error(what: str, path: Path, strerror: str | None) -> str:
    return _("cannot read {what} {path}: {reason}").format(
        what=_(what), path=path, reason=strerror or _("I/O error")
    )


class _Bounded(io.RawIOBase):
    """A raw stream that delivers nothing past offset `limit` (seeking is passed through)."""

    def __init__(
        self, inner: io.FileIO, limit: int, name: str, error: type[PrivauditError]
    ) -> None:
        self._inner = inner
        self._limit = limit
        self._name = name
        self._error = error

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return self._inner.seekable()

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        return self._inner.seek(offset, whence)

    def tell(self) -> int:
        return self._inner.tell()

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        # One byte more than allowed is how the limit is noticed.
        allowed = max(self._limit - self._inner.tell(), 0) + 1
        try:
            count = self._inner.readinto(memoryview(buffer)[:allowed]) or 0
        except OSError as exc:
            raise self._error(io_error(self._name, exc)) from None
        if count == allowed:
            raise self._error(over_limit(self._name, self._limit))
        return count

    def close(self) -> None:
        self._inner.close()
        super().close()

    def fileno(self) -> int:
        return self._inner.fileno()
