"""The hash list: the user's fingerprints, in the data folder (0600 in 0700).

JSON, versioned, written atomically. It holds hashes, quality, size, the
label the user chose and, only with --keep-names, the file name: never pixels,
thumbnails or EXIF.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any, Final

from privaudit.errors import InputError
from privaudit.media.fingerprint import Fingerprint, FrameHash
from privaudit.paths import data_dir
from privaudit.store.atomic import ensure_private_dir, write_atomic

FORMAT: Final = "privaudit-media-hashes"
VERSION: Final = 1


def default_path() -> Path:
    return data_dir() / "media" / "hashes.json"


def load(path: Path | None = None) -> list[Fingerprint]:
    path = path or default_path()
    if not path.exists():
        return []
    problem = InputError(
        f"cannot read the hash list {path}: it is not a privaudit {FORMAT} v{VERSION} file; "
        "move it away and fingerprint your files again"
    )
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        valid = doc.get("format") == FORMAT and doc.get("version") == VERSION
        entries = [_from_dict(entry) for entry in doc["entries"]] if valid else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise problem from None
    if entries is None:
        raise problem
    return entries


def save(entries: list[Fingerprint], path: Path | None = None) -> Path:
    path = path or default_path()
    ensure_private_dir(path.parent.parent)
    ensure_private_dir(path.parent)
    doc = {"format": FORMAT, "version": VERSION, "entries": [to_dict(e) for e in entries]}
    write_atomic(path, (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return path


def merge(old: list[Fingerprint], new: list[Fingerprint]) -> tuple[list[Fingerprint], int]:
    """Add `new` entries; a file already in the list (same SHA-256) is kept once."""
    seen = {e.sha256 for e in old}
    added: list[Fingerprint] = []
    for entry in new:
        if entry.sha256 not in seen:
            seen.add(entry.sha256)
            added.append(entry)
    return [*old, *added], len(added)


def to_dict(entry: Fingerprint) -> dict[str, Any]:
    raw = asdict(entry)
    raw["frames"] = [asdict(f) for f in entry.frames]
    return {k: v for k, v in raw.items() if v not in (None, {}, [])}


def _from_dict(raw: dict[str, Any]) -> Fingerprint:
    frames = tuple(FrameHash(**f) for f in raw.get("frames", ()))
    fields = {k: v for k, v in raw.items() if k != "frames"}
    return Fingerprint(**fields, frames=frames)
