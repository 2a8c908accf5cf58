"""A local cache of range responses, keyed by prefix only.

A cached file holds what the API would answer anyone asking for that prefix:
no account, no password, no suffix of ours. Entries live `ttl` seconds, then
are revalidated with their ETag (`If-None-Match` -> 304 keeps the body).
Files are 0600 in a 0700 folder, written atomically.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from privaudit.errors import PrivauditError
from privaudit.paths import cache_dir
from privaudit.store.atomic import ensure_private_dir, write_atomic

CACHE_FORMAT = "privaudit-range-cache 1"
_PREFIX = re.compile(r"^[0-9A-F]{5}$")
DEFAULT_TTL = 7 * 86400


@dataclass(frozen=True, slots=True)
class CacheEntry:
    body: str
    etag: str | None
    fetched_at: float

    def fresh(self, now: float, ttl: float) -> bool:
        return 0 <= now - self.fetched_at < ttl


class RangeCache:
    def __init__(
        self, folder: Path, *, ttl: float = DEFAULT_TTL, now: Callable[[], float] = time.time
    ) -> None:
        self.folder = folder
        self.ttl = ttl
        self.now = now

    def _path(self, prefix: str) -> Path:
        if not _PREFIX.match(prefix):
            raise ValueError("cache keys are 5 uppercase hex characters")
        return self.folder / f"{prefix}.range"

    def get(self, prefix: str) -> CacheEntry | None:
        """The entry, fresh or stale; None if absent or unreadable (then refetched)."""
        path = self._path(prefix)
        try:
            if path.is_symlink():
                return None
            raw = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        head, sep, body = raw.partition("\n")
        if not sep:
            return None
        try:
            meta = json.loads(head)
            if meta.get("format") != CACHE_FORMAT:
                return None
            etag = meta.get("etag")
            return CacheEntry(
                body, etag if isinstance(etag, str) else None, float(meta["fetched_at"])
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def prepare(self) -> bool:
        """Create the private folder; False if it cannot be (the run goes on uncached)."""
        try:
            ensure_private_dir(self.folder)
        except (OSError, PrivauditError):
            return False
        return True

    def put(self, prefix: str, body: str, etag: str | None) -> None:
        """Store an answer (call `prepare` once first). Thread-safe: one file per prefix."""
        path = self._path(prefix)
        meta = {"format": CACHE_FORMAT, "fetched_at": self.now(), "etag": etag}
        # A cache that cannot be written costs speed, never correctness.
        with contextlib.suppress(OSError, PrivauditError):
            write_atomic(path, (json.dumps(meta) + "\n" + body).encode("utf-8"), durable=False)

    def touch(self, prefix: str, entry: CacheEntry) -> None:
        """A 304 confirmed the body: restart its time to live."""
        self.put(prefix, entry.body, entry.etag)

    def clear(self) -> int:
        """Delete every entry; return how many there were."""
        removed = 0
        if not self.folder.is_dir() or self.folder.is_symlink():
            return 0
        for path in self.folder.iterdir():
            if path.suffix in (".range", ".tmp") and path.is_file():
                path.unlink()
                removed += path.suffix == ".range"
        return removed


def default_cache_folder() -> Path:
    return cache_dir() / "pwned-range"
