"""Cached email-lookup answers, keyed by a keyed hash of the address, never the address.

The HMAC key is random, made once and kept beside the cache (0600): the file
names cannot be matched against a list of addresses without it, and deleting
the folder forgets everything. Entries hold only HIBP's public breach metadata.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Final

from privaudit.exposure.breaches import Breach, breach_record, parse_breach
from privaudit.store.atomic import ensure_private_dir, write_atomic

CACHE_FORMAT: Final = "privaudit-email-cache/1"
DEFAULT_TTL: Final = 86400.0
"""A day: new breaches are added a few times a week; re-asking sooner costs rate limit."""


class EmailCache:
    def __init__(
        self, folder: Path, *, ttl: float = DEFAULT_TTL, now: Callable[[], float] = time.time
    ) -> None:
        self.folder = folder
        self.ttl = ttl
        self.now = now
        self._key: bytes | None = None

    def _hmac_key(self) -> bytes:
        if self._key is None:
            ensure_private_dir(self.folder)
            path = self.folder / "hmac.key"
            key = b""
            with contextlib.suppress(OSError):
                key = path.read_bytes() if not path.is_symlink() else b""
            if len(key) != 32:
                key = secrets.token_bytes(32)
                write_atomic(path, key)
            self._key = key
        return self._key

    def _path(self, address: str) -> Path:
        digest = hmac.new(self._hmac_key(), address.encode("utf-8"), hashlib.sha256)
        return self.folder / f"{digest.hexdigest()}.json"

    def get(self, address: str) -> tuple[Breach, ...] | None:
        path = self._path(address)
        try:
            if path.is_symlink():
                return None
            doc = json.loads(path.read_bytes())
        except (OSError, ValueError):
            return None
        if not isinstance(doc, dict) or doc.get("format") != CACHE_FORMAT:
            return None
        fetched = doc.get("fetched")
        records = doc.get("breaches")
        if not isinstance(fetched, int | float) or not isinstance(records, list):
            return None
        if not 0 <= self.now() - fetched < self.ttl:
            return None
        breaches = [parse_breach(r) for r in records]
        if any(b is None for b in breaches):
            return None
        return tuple(b for b in breaches if b is not None)

    def put(self, address: str, breaches: tuple[Breach, ...]) -> None:
        doc = {
            "format": CACHE_FORMAT,
            "fetched": self.now(),
            "breaches": [breach_record(b) for b in breaches],
        }
        write_atomic(self._path(address), json.dumps(doc).encode("utf-8"), durable=False)
