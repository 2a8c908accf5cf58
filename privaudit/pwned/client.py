"""The Pwned Passwords range client: async httpx, several small pools, retries.

Design, from measurements (docs/performance.md): one httpx pool slows down
above ~30 connections because httpcore rescans its connection list on every
request, so concurrency is spread over several pools of `PER_POOL`
connections, one worker task per slot. Over HTTPS each pool speaks HTTP/2
when `h2` is installed, multiplexing its streams on one connection.
Each distinct prefix is fetched once per run.
"""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections.abc import Awaitable, Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from privaudit import __version__
from privaudit.pwned.cache import RangeCache
from privaudit.pwned.lookup import LookupFailure
from privaudit.pwned.parse import RangeData

if TYPE_CHECKING:
    import httpx

DEFAULT_API_URL = "https://api.pwnedpasswords.com"
PROJECT_URL = "https://github.com/privaudit/privaudit"
USER_AGENT = f"privaudit/{__version__} (+{PROJECT_URL})"
PER_POOL = 10
"""Connections per httpx pool: below the size where httpcore's pool scans get costly."""
DEFAULT_CONCURRENCY = 40
"""Measured on 2 cores against a 30 ms loopback server (docs/performance.md)."""

_HEADERS = {"User-Agent": USER_AGENT, "Add-Padding": "true", "Accept-Encoding": "gzip"}
Sleep = Callable[[float], Awaitable[None]]
TransportFactory = Callable[[], "httpx.AsyncBaseTransport"]


@dataclass(frozen=True, slots=True)
class ClientOptions:
    base_url: str = DEFAULT_API_URL
    concurrency: int = DEFAULT_CONCURRENCY
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    deadline: float = 120.0
    """Overall limit for all lookups of one run, retries included."""
    retries: int = 3
    backoff_base: float = 0.25
    backoff_cap: float = 8.0
    retry_after_cap: float = 30.0
    per_pool: int = PER_POOL
    """Connections per pool; the benchmark varies it to show why it is small."""


def _retry_after(value: str | None, now: float) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now)


def _http2_available() -> bool:
    try:
        import h2  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


class RangeFetcher:
    """Fetch range responses for many prefixes, with cache, retries and a deadline."""

    def __init__(
        self,
        options: ClientOptions,
        *,
        cache: RangeCache | None = None,
        transport_factory: TransportFactory | None = None,
        sleep: Sleep = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
        wall_clock: Callable[[], float] | None = None,
    ) -> None:
        self.options = options
        self.cache = cache
        self.transport_factory = transport_factory
        self.sleep = sleep
        self.jitter = jitter
        self.host = urlsplit(options.base_url).hostname or options.base_url
        self._wall = wall_clock
        self.requests = 0
        self._writer: ThreadPoolExecutor | None = None
        self.malformed_lines = 0
        """Lines ignored because they were not `SUFFIX:COUNT` (counted, never trusted)."""

    def _pool(self) -> httpx.AsyncBaseTransport:
        """One connection pool. Requests go straight to httpx's transport: the
        AsyncClient layer above it (cookies, auth, redirects, header merging) cost
        a third of the CPU per request and does nothing a range lookup needs."""
        import httpx  # noqa: PLC0415  # only online runs load the HTTP stack

        if self.transport_factory is not None:
            return self.transport_factory()
        o = self.options
        per_pool = min(o.per_pool, max(1, o.concurrency))
        return httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=per_pool, max_keepalive_connections=per_pool),
            http2=o.base_url.startswith("https://") and _http2_available(),
            trust_env=False,
        )

    async def _get(
        self, pool: httpx.AsyncBaseTransport, url: str, headers: dict[str, str]
    ) -> httpx.Response:
        import httpx  # noqa: PLC0415

        o = self.options
        timeout = {"connect": o.connect_timeout, "read": o.read_timeout}
        request = httpx.Request(
            "GET",
            url,
            headers={**_HEADERS, **headers},
            extensions={"timeout": {**timeout, "write": o.read_timeout, "pool": o.read_timeout}},
        )
        response = await pool.handle_async_request(request)
        try:
            await response.aread()
        finally:
            await response.aclose()
        return response

    async def fetch(self, prefixes: Iterable[str]) -> dict[str, RangeData | LookupFailure]:
        results: dict[str, RangeData | LookupFailure] = {}
        todo: list[str] = []
        for prefix in dict.fromkeys(prefixes):
            entry = self.cache.get(prefix) if self.cache else None
            if entry is not None and self.cache and entry.fresh(self.cache.now(), self.cache.ttl):
                results[prefix] = RangeData(entry.body)
            else:
                todo.append(prefix)
        if not todo:
            return results
        # Cache writes go to one background thread, off the event loop: a file
        # write costs ~1 ms, which 10,000 answers would otherwise add up serially.
        writer = None
        if self.cache is not None and self.cache.prepare():
            writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="privaudit-cache")
        self._writer = writer
        workers = max(1, min(self.options.concurrency, len(todo)))
        pools = [self._pool() for _ in range(math.ceil(workers / self.options.per_pool))]
        queue: asyncio.Queue[str] = asyncio.Queue()
        for prefix in todo:
            queue.put_nowait(prefix)

        async def work(pool: httpx.AsyncBaseTransport) -> None:
            while not queue.empty():
                prefix = queue.get_nowait()
                results[prefix] = await self._fetch_one(pool, prefix)

        try:
            async with asyncio.timeout(self.options.deadline):
                await asyncio.gather(*(work(pools[i % len(pools)]) for i in range(workers)))
        except TimeoutError:
            reason = f"{self.host} gave no answer within the {self.options.deadline:g} s deadline"
            for prefix in todo:
                results.setdefault(prefix, LookupFailure(reason))
        finally:
            await asyncio.gather(*(p.aclose() for p in pools), return_exceptions=True)
            if writer is not None:
                await asyncio.to_thread(writer.shutdown, wait=True)
            self._writer = None
        return results

    async def _fetch_one(
        self, pool: httpx.AsyncBaseTransport, prefix: str
    ) -> RangeData | LookupFailure:
        import httpx  # noqa: PLC0415

        o = self.options
        entry = self.cache.get(prefix) if self.cache else None
        headers = {"If-None-Match": entry.etag} if entry is not None and entry.etag else {}
        url = f"{o.base_url.rstrip('/')}/range/{prefix}"
        attempt = 0
        while True:
            attempt += 1
            wait_hint: float | None = None
            try:
                self.requests += 1
                response = await self._get(pool, url, headers)
            except httpx.TimeoutException:
                problem = f"{self.host} timed out"
            except httpx.TransportError:
                problem = f"could not reach {self.host}"
            else:
                status = response.status_code
                if status == 200:
                    return self._accept(prefix, response)
                if status == 304 and entry is not None:
                    if self.cache is not None and self._writer is not None:
                        self._writer.submit(self.cache.touch, prefix, entry)
                    return RangeData(entry.body)
                if status != 429 and status < 500:
                    return LookupFailure(f"{self.host} answered HTTP {status}")
                problem = f"{self.host} answered HTTP {status}"
                now = self._wall() if self._wall else _time()
                wait_hint = _retry_after(response.headers.get("Retry-After"), now)
            if attempt > o.retries:
                tries = "1 attempt" if attempt == 1 else f"{attempt} attempts"
                return LookupFailure(f"{problem} ({tries})")
            delay = min(o.backoff_cap, o.backoff_base * 2 ** (attempt - 1))
            delay *= 0.5 + self.jitter() / 2  # jitter: retries of many workers spread out
            if wait_hint is not None:
                delay = max(delay, min(wait_hint, o.retry_after_cap))
            await self.sleep(delay)

    def _accept(self, prefix: str, response: httpx.Response) -> RangeData | LookupFailure:
        body = response.content.decode("utf-8", errors="replace")
        data = RangeData(body)
        if not data.looks_like_range():
            # Not a range answer at all (a captive portal, a wrong URL): unknown, not "clean".
            return LookupFailure(f"{self.host} sent something that is not a range answer")
        self.malformed_lines += data.quick_malformed()
        if self.cache is not None and self._writer is not None:
            self._writer.submit(self.cache.put, prefix, body, response.headers.get("ETag"))
        return data


def _time() -> float:
    return time.time()
