"""The pseudonymous learner token: random per device and per class, derived from nothing personal.

token = HMAC-SHA256(a random 32-byte secret made on this device, "privaudit-share-v1" + the
class scope), cut to 128 bits. The scope is the class code the trainer gives, or the day
when there is none, so tokens of two classes cannot be linked and the token says nothing
about who shares. The secret and a per-token round counter live in one 0600 file in
privaudit's data folder; deleting it gives the device a new identity.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import unicodedata
from pathlib import Path
from typing import Final

from privaudit.classroom import DOMAIN
from privaudit.errors import InputError
from privaudit.paths import data_dir
from privaudit.store.atomic import ensure_private_dir, write_atomic

_ = DOMAIN.gettext

STATE_FILE: Final = "learner.json"
MAX_CODE_LENGTH: Final = 64
_LABEL: Final = b"privaudit-share-v1\x00"


def normalize_code(code: str) -> str:
    """A class code as typed on a board: case, spaces and dashes do not matter."""
    cleaned = unicodedata.normalize("NFKC", code).casefold()
    cleaned = "".join(ch for ch in cleaned if ch.isalnum())
    if not cleaned or len(code) > MAX_CODE_LENGTH:
        raise InputError(
            _("the class code is not valid: use 1 to {n} letters or digits").format(
                n=MAX_CODE_LENGTH
            )
        )
    return cleaned


def scope_for(code: str | None, day: str) -> str:
    """What the token is per: the class code, else the day of the share."""
    return "code:" + normalize_code(code) if code is not None else "day:" + day


def token(secret: bytes, scope: str) -> str:
    return hmac.new(secret, _LABEL + scope.encode(), hashlib.sha256).hexdigest()[:32]


def _state_path(folder: Path | None) -> Path:
    return (folder or data_dir() / "classroom") / STATE_FILE


def _load(path: Path) -> tuple[bytes, dict[str, int]]:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return secrets.token_bytes(32), {}
    except OSError as exc:
        raise InputError(
            _("cannot read {path}: {why}").format(path=path, why=exc.strerror)
        ) from None
    try:
        state = json.loads(raw)
        secret = bytes.fromhex(state["secret"])
        rounds = {str(k): int(v) for k, v in state["rounds"].items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        secret, rounds = b"", {}
    if len(secret) != 32:
        raise InputError(
            _("{path} is damaged; delete it (your next share starts as a new learner)").format(
                path=path
            )
        )
    return secret, rounds


def next_token(scope: str, *, folder: Path | None = None) -> tuple[str, int]:
    """This device's token for `scope` and the round of this share (1 the first time)."""
    path = _state_path(folder)
    ensure_private_dir(path.parent)
    secret, rounds = _load(path)
    mine = token(secret, scope)
    rounds[mine] = min(999, rounds.get(mine, 0) + 1)
    state = {"secret": secret.hex(), "rounds": rounds}
    write_atomic(path, json.dumps(state, sort_keys=True).encode())
    return mine, rounds[mine]
