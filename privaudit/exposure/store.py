"""Downloaded copies of the breach catalogue and the passkeys directory.

Each copy is one file (the raw JSON wrapped with its fetch date, URL and
SHA-256), written atomically by `store/atomic.py`. A damaged copy is never
used: the audit falls back to the built-in snapshot and says so.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from privaudit.exposure.breaches import BreachCatalogue, parse_breaches
from privaudit.exposure.breaches import load_builtin as builtin_breaches
from privaudit.exposure.passkeys import PasskeyDirectory, parse_directory
from privaudit.exposure.passkeys import load_builtin as builtin_passkeys
from privaudit.i18n import _
from privaudit.paths import data_dir
from privaudit.store.atomic import ensure_private_dir, write_atomic
from privaudit.tfa.dataset import DatasetError

STORE_FORMAT: Final = "privaudit-exposure-download/1"
KINDS: Final = {"breaches": "breach catalogue", "passkeys": "passkeys directory"}
MAX_STORED_BYTES: Final = 64 * 1024 * 1024


def stored_path(kind: str) -> Path:
    return data_dir() / "exposure" / f"{kind}.json"


def save_download(kind: str, raw: bytes, data: Any, *, url: str, fetched: datetime) -> Path:
    path = stored_path(kind)
    ensure_private_dir(path.parent.parent)
    ensure_private_dir(path.parent)
    doc = {
        "format": STORE_FORMAT,
        "kind": kind,
        "fetched": fetched.isoformat(timespec="seconds"),
        "url": url,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "data": data,
    }
    write_atomic(path, json.dumps(doc, separators=(",", ":")).encode("utf-8"))
    return path


def _read(kind: str) -> tuple[Any, str] | None:
    """(data, fetch date) of the stored copy; None when there is none."""
    path = stored_path(kind)
    if not path.is_file():
        return None
    where = str(path)
    try:
        if path.stat().st_size > MAX_STORED_BYTES:
            raise DatasetError(f"{where}: too large")
        doc = json.loads(path.read_bytes())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise DatasetError(f"{where}: unreadable") from None
    if not isinstance(doc, dict) or doc.get("format") != STORE_FORMAT or doc.get("kind") != kind:
        raise DatasetError(f"{where}: not a privaudit {KINDS[kind]} copy")
    fetched = doc.get("fetched")
    return doc.get("data"), fetched[:10] if isinstance(fetched, str) else "?"


def _notice(kind: str, exc: DatasetError) -> str:
    return (
        f"{KINDS[kind]}: {exc}; used the built-in snapshot instead"
        " (run 'privaudit data update' again)"
    )


def choose_breaches() -> tuple[BreachCatalogue, str | None]:
    try:
        stored = _read("breaches")
        if stored is not None:
            breaches, _bad = parse_breaches(stored[0], where=str(stored_path("breaches")))
            label = _("HIBP catalogue of {n} breaches, downloaded {date}").format(
                n=len(breaches), date=stored[1]
            )
            return BreachCatalogue(breaches, label=label), None
    except DatasetError as exc:
        return builtin_breaches(), _notice("breaches", exc)
    return builtin_breaches(), None


def choose_passkeys() -> tuple[PasskeyDirectory, str | None]:
    try:
        stored = _read("passkeys")
        if stored is not None:
            entries = parse_directory(stored[0], where=str(stored_path("passkeys")))
            label = _("passkeys directory ({n} services), downloaded {date}").format(
                n=len(entries), date=stored[1]
            )
            return PasskeyDirectory(entries, label=label), None
    except DatasetError as exc:
        return builtin_passkeys(), _notice("passkeys", exc)
    return builtin_passkeys(), None
