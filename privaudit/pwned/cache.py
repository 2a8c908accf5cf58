"""A local cache of range answers, keyed by API base URL and prefix.

A cached file holds what that API answered for one 5-character prefix: the
public list of every suffix seen under it (hundreds, with padding), exactly as
received (gzip-compressed if it came so), and validated again when read. It
names no account. It does hold, among those hundreds, the suffix of any of the
user's passwords that is breached (docs/privacy.md). Answers of different
servers (the API, a mirror) live in different folders, so one server's answer
never stands in for another's. Entries live `ttl` seconds, then are revalidated
with their ETag (`If-None-Match` -> 304 keeps the body). Files are 0600 in a
0700 folder, written atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import queue
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from privaudit.errors import PrivauditError
from privaudit.store.atomic import ensure_private_dir, write_atomic

CACHE_FORMAT = "privaudit-range-cache 2"
_PREFIX = re.compile(r"^[0-9A-F]{5}$")
DEFAULT_TTL = 7 * 86400


@dataclass(frozen=True, slots=True)
class CacheEntry:
    body: bytes
    etag: str | None
    fetched_at: float
    gzip: bool = False

    def fresh(self, now: float, ttl: float) -> bool:
        return 0 <= now - self.fetched_at < ttl


def api_key(base_url: str) -> str:
    """The folder name for one API base URL."""
    return hashlib.sha256(base_url.rstrip("/").encode("utf-8")).hexdigest()[:16]


class RangeCache:
    def __init__(
        self,
        root: Path,
        base_url: str = "https://api.pwnedpasswords.com",
        *,
        ttl: float = DEFAULT_TTL,
        now: Callable[[], float] = time.time,
    ) -> None:
        self.root = root
        self.base_url = base_url.rstrip("/")
        self.folder = root / api_key(base_url)
        self.ttl = ttl
        self.now = now

    def _path(self, prefix: str) -> Path:
        if not _PREFIX.match(prefix):
            raise ValueError("cache keys are 5 uppercase hex characters")
        return self.folder / f"{prefix}.range"

    def get(self, prefix: str) -> CacheEntry | None:
        """The entry, fresh or stale; None if absent, unreadable or another API's."""
        path = self._path(prefix)
        try:
            if self.root.is_symlink() or self.folder.is_symlink() or path.is_symlink():
                return None
            raw = path.read_bytes()
        except OSError:
            return None
        head, sep, body = raw.partition(b"\n")
        if not sep:
            return None
        try:
            meta = json.loads(head)
            if meta.get("format") != CACHE_FORMAT or meta.get("api") != self.base_url:
                return None
            etag = meta.get("etag")
            return CacheEntry(
                body,
                etag if isinstance(etag, str) else None,
                float(meta["fetched_at"]),
                meta.get("encoding") == "gzip",
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def prepare(self) -> bool:
        """Create the private folders; False if they cannot be (the run goes on uncached)."""
        try:
            ensure_private_dir(self.root)
            ensure_private_dir(self.folder)
        except (OSError, PrivauditError):
            return False
        return True

    def put(self, prefix: str, body: bytes, etag: str | None, gzip: bool = False) -> None:
        """Store an answer (call `prepare` once first). Thread-safe: one file per prefix."""
        path = self._path(prefix)
        meta = {"format": CACHE_FORMAT, "api": self.base_url, "fetched_at": self.now(),
                "etag": etag, "encoding": "gzip" if gzip else "identity"}  # fmt: skip
        # A cache that cannot be written costs speed, never correctness.
        with contextlib.suppress(OSError, PrivauditError):
            write_atomic(path, json.dumps(meta).encode("utf-8") + b"\n" + body, durable=False)

    def clear(self) -> int:
        """Delete every entry of every API; return how many there were."""
        if not self.root.is_dir() or self.root.is_symlink():
            return 0
        removed = 0
        for folder in [self.root, *self.root.iterdir()]:
            if not folder.is_dir() or folder.is_symlink():
                continue
            for path in folder.iterdir():
                if path.suffix in (".range", ".tmp") and path.is_file():
                    path.unlink()
                    removed += path.suffix == ".range"
        return removed


class RangeWriter:
    """Writes cache entries from one background thread, off the event loop (a file
    write costs ~1 ms). The queue is bounded: when the disk falls behind, entries
    are dropped (a later run refetches them) instead of piling up in memory."""

    def __init__(self, cache: RangeCache, *, backlog: int = 256) -> None:
        self._cache = cache
        self._queue: queue.Queue[tuple[str, bytes, str | None, bool] | None] = queue.Queue(backlog)
        self._thread = threading.Thread(target=self._run, name="privaudit-cache", daemon=True)
        self._thread.start()

    def put(self, prefix: str, body: bytes, etag: str | None, gzip: bool) -> None:
        with contextlib.suppress(queue.Full):
            self._queue.put_nowait((prefix, body, etag, gzip))

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            self._cache.put(*item)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()


def default_cache_folder() -> Path:
    from privaudit.paths import cache_dir  # noqa: PLC0415

    return cache_dir() / "pwned-range"
