"""Per-client rate limits, kept in memory only and keyed so no address is held.

A token bucket per client: ``burst`` requests at once, then one every
``per_seconds``. The key is an HMAC of the address under a random key made for
each session, so even the server's memory holds no IP address, and nothing of
it survives the session.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

MAX_CLIENTS = 4096
"""Buckets kept at most; full buckets (idle clients) are dropped first."""


@dataclass(frozen=True)
class Rate:
    burst: int
    per_seconds: float


@dataclass
class _Bucket:
    tokens: float
    at: float


class RateLimiter:
    def __init__(self, rate: Rate, clock: Callable[[], float] = time.monotonic) -> None:
        self._rate = rate
        self._clock = clock
        self._key = secrets.token_bytes(32)
        self._buckets: dict[bytes, _Bucket] = {}
        self._lock = threading.Lock()

    def _client(self, address: str) -> bytes:
        return hmac.new(self._key, address.encode("utf-8"), hashlib.sha256).digest()[:16]

    def retry_after(self, address: str) -> int:
        """0 if the request may go ahead (and count it), else seconds to wait."""
        now = self._clock()
        key = self._client(address)
        with self._lock:
            bucket = self._buckets.get(key)
            if bucket is None:
                if len(self._buckets) >= MAX_CLIENTS:
                    self._prune(now)
                bucket = self._buckets[key] = _Bucket(float(self._rate.burst), now)
            refill = (now - bucket.at) / self._rate.per_seconds
            bucket.tokens = min(float(self._rate.burst), bucket.tokens + refill)
            bucket.at = now
            if bucket.tokens >= 1:
                bucket.tokens -= 1
                return 0
            return max(1, math.ceil((1 - bucket.tokens) * self._rate.per_seconds))

    def _prune(self, now: float) -> None:
        full = [
            k
            for k, b in self._buckets.items()
            if b.tokens + (now - b.at) / self._rate.per_seconds >= self._rate.burst
        ]
        for key in full or list(self._buckets)[: MAX_CLIENTS // 2]:
            del self._buckets[key]
