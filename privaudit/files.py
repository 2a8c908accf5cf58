"""Opening files the user named: every way it can fail is one line that names the file."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from privaudit.errors import InputError, PrivauditError


def open_user_file(
    path: Path,
    *,
    what: str,
    error: type[PrivauditError] = InputError,
    missing_hint: str = "check the path",
) -> BinaryIO:
    """Open `path` for reading in binary mode, or raise `error` saying what went wrong.

    `what` names the file in messages ("export", "config file", "report").
    """
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise error(f"{what} not found: {path} ({missing_hint})") from None
    except IsADirectoryError:
        raise error(f"{path} is a folder; give the {what} file itself") from None
    except PermissionError:
        raise error(f"cannot read {what} {path}: permission denied") from None
    except OSError as exc:
        raise error(f"cannot read {what} {path}: {exc.strerror or 'I/O error'}") from None
