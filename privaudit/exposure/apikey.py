"""The user's HIBP API key for `--check-emails`: never from argv.

In order: a file the user names (it must be 0600, like an SSH key), an
environment variable the user names, the OS keyring (`keyring`, service
"privaudit", entry "hibp-api-key"), then a hidden prompt on a terminal.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Final

from privaudit.errors import ConfigError, UsageError
from privaudit.secret import Secret

KEYRING_SERVICE: Final = "privaudit"
KEYRING_ENTRY: Final = "hibp-api-key"
NO_KEY: Final = (
    "--check-emails needs your HIBP API key (https://haveibeenpwned.com/API/Key): store it"
    " with 'privaudit data hibp-key', or pass --hibp-key-file FILE (mode 0600) or"
    " --hibp-key-env NAME, or run in a terminal to be asked"
)


def _clean(value: str, where: str) -> Secret:
    key = value.strip()
    if not key or any(c.isspace() for c in key) or len(key) > 128:
        raise ConfigError(f"{where} does not hold one HIBP API key (one line, no spaces)")
    return Secret(key)


def key_from_file(path: Path) -> Secret:
    try:
        info = path.lstat()
    except OSError:
        raise UsageError(f"--hibp-key-file {path}: no such file") from None
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"--hibp-key-file {path}: not a regular file (symlinks are refused)")
    if stat.S_IMODE(info.st_mode) & 0o077:
        raise UsageError(
            f"--hibp-key-file {path}: readable by other users; run 'chmod 600 {path}' first"
        )
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise UsageError(f"--hibp-key-file {path}: unreadable or not UTF-8 text") from None
    return _clean(text, f"--hibp-key-file {path}")


def key_from_keyring() -> Secret | None:
    try:
        import keyring  # noqa: PLC0415
        import keyring.errors  # noqa: PLC0415
    except ImportError:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, KEYRING_ENTRY)
    except keyring.errors.KeyringError:
        return None  # no usable backend (a server without a desktop keyring)
    return _clean(value, "the keyring's hibp-api-key entry") if value else None


def save_to_keyring(key: Secret) -> None:
    import keyring  # noqa: PLC0415
    import keyring.errors  # noqa: PLC0415

    try:
        keyring.set_password(KEYRING_SERVICE, KEYRING_ENTRY, _clean(key.reveal(), "key").reveal())
    except keyring.errors.KeyringError as exc:
        raise ConfigError(
            f"no usable OS keyring ({type(exc).__name__}): keep the key in a 0600 file and"
            " pass --hibp-key-file instead"
        ) from None


def find_api_key(
    *,
    key_file: Path | None,
    env_name: str | None,
    prompt: Callable[[str], str] | None,
) -> Secret:
    """The key from the first source that has one; UsageError when none does."""
    if key_file is not None:
        return key_from_file(key_file)
    if env_name is not None:
        value = os.environ.get(env_name)
        if not value:
            raise UsageError(f"--hibp-key-env {env_name}: that environment variable is not set")
        return _clean(value, f"environment variable {env_name}")
    stored = key_from_keyring()
    if stored is not None:
        return stored
    if prompt is not None:
        return _clean(prompt("HIBP API key (hidden): "), "the key typed")
    raise UsageError(NO_KEY)
