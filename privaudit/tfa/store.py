"""The downloaded dataset on disk, and choosing which dataset an audit uses.

The copy is one file (the 2fa.directory JSON wrapped with its fetch date, URL
and SHA-256), written atomically: a reader sees the old copy or the new one.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from privaudit.errors import InputError
from privaudit.i18n import N_
from privaudit.paths import data_dir
from privaudit.settings import TfaSettings
from privaudit.store.atomic import ensure_private_dir, verify_private_dir, write_atomic
from privaudit.text import sanitize
from privaudit.tfa.dataset import (
    MAX_DATASET_BYTES,
    Dataset,
    DatasetError,
    load_builtin,
    parse_services,
)

STORE_FORMAT: Final = "privaudit-tfa-download/1"


def stored_path() -> Path:
    return data_dir() / "tfa" / "2fa-directory.json"


@dataclass(frozen=True, slots=True)
class StoredInfo:
    fetched: str
    url: str
    entries: int
    sha256: str


def save_download(raw: bytes, data: Any, *, url: str, fetched: datetime, entries: int) -> Path:
    path = stored_path()
    ensure_private_dir(path.parent.parent)
    ensure_private_dir(path.parent)
    doc = {
        "format": STORE_FORMAT,
        "fetched": fetched.isoformat(timespec="seconds"),
        "url": url,
        "sha256": hashlib.sha256(raw).hexdigest(),
        "entries": entries,
        "data": data,
    }
    write_atomic(path, json.dumps(doc, separators=(",", ":")).encode("utf-8"))
    return path


def _read_stored(path: Path) -> tuple[dict[str, Any], StoredInfo]:
    where = str(path)
    try:
        verify_private_dir(path.parent.parent)
        verify_private_dir(path.parent)
    except InputError as exc:
        raise DatasetError(str(exc)) from None
    try:
        if path.stat().st_size > MAX_DATASET_BYTES * 2:
            raise DatasetError(f"{where}: too large; run 'privaudit data update' again")
        doc = json.loads(path.read_bytes())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise DatasetError(
            f"{where}: unreadable; run 'privaudit data update' again or delete the file"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != STORE_FORMAT:
        raise DatasetError(f"{where}: not a privaudit dataset copy; run 'privaudit data update'")
    fetched, url = doc.get("fetched"), doc.get("url")
    if not isinstance(fetched, str) or not isinstance(url, str):
        raise DatasetError(f"{where}: no fetch date; run 'privaudit data update' again")
    # Shown by 'data status': text from a file goes through the sanitiser like any other.
    info = StoredInfo(
        sanitize(fetched, max_length=40),
        sanitize(url, max_length=500),
        _count(doc.get("entries")),
        sanitize(str(doc.get("sha256", "")), max_length=64),
    )
    return doc, info


def _count(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def stored_info() -> StoredInfo | None:
    path = stored_path()
    if not path.is_file():
        return None
    return _read_stored(path)[1]


def load_stored() -> Dataset | None:
    """The downloaded copy, or None when there is none; DatasetError when it is unusable."""
    path = stored_path()
    if not path.is_file():
        return None
    doc, info = _read_stored(path)
    services, bad = parse_services(doc.get("data"), where=str(path))
    return Dataset(tuple(services), origin=N_("downloaded"), date=info.fetched[:10], skipped=bad)


def choose_dataset(settings: TfaSettings) -> tuple[Dataset, str | None]:
    """The dataset an audit uses, and a notice when a downloaded copy had to be ignored."""
    if settings.dataset == "built-in":
        return load_builtin(), None
    try:
        stored = load_stored()
    except DatasetError as exc:
        return load_builtin(), f"2FA data: {exc}; used the built-in dataset instead"
    return (stored, None) if stored is not None else (load_builtin(), None)
