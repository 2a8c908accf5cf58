"""The Pwned Passwords range client: fixed connections, one worker each, retries.

Design, from measurements (docs/performance.md): `concurrency` workers take
prefixes from one queue. Over plain HTTP/1.1 each worker drives its own
httpcore connection (no pool to search per request); over HTTPS with `h2`,
groups of `streams_per_connection` workers share one httpx transport, whose
requests are streams on one HTTP/2 connection. A run behind a proxy, or with an
injected transport (tests), goes through httpx transports too (`lanes.py`).
Each answer is read as it arrives into the counts of the suffixes asked for
(`stream.RangeReader`); bodies are not kept. Each distinct
prefix is fetched once per run.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from privaudit import __version__
from privaudit.i18n import Domain
from privaudit.pwned.cache import CacheEntry, RangeCache, RangeWriter
from privaudit.pwned.lanes import Lane, Reply, lanes_for
from privaudit.pwned.lookup import LookupFailure
from privaudit.pwned.options import DEFAULT_API_URL, DEFAULT_CONCURRENCY, ClientOptions
from privaudit.pwned.stream import RangeProblem, RangeReader

if TYPE_CHECKING:
    import httpx

# Why a lookup failed ends up in BR101 findings: the checks' domain translates it.
_ = Domain("checks").gettext
ngettext = Domain("checks").ngettext

__all__ = ["DEFAULT_API_URL", "DEFAULT_CONCURRENCY", "ClientOptions", "RangeFetcher"]

PROJECT_URL = "https://github.com/privaudit/privaudit"
USER_AGENT = f"privaudit/{__version__} (+{PROJECT_URL})"
HEADERS = {"User-Agent": USER_AGENT, "Add-Padding": "true", "Accept-Encoding": "gzip"}
Sleep = Callable[[float], Awaitable[None]]
TransportFactory = Callable[[], "httpx.AsyncBaseTransport"]
Counts = dict[str, int]


@dataclass(frozen=True, slots=True)
class _Retry:
    problem: str
    wait_hint: float | None = None


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


class RangeFetcher:
    """Fetch the counts of wanted suffixes for many prefixes: cache, retries, deadline."""

    def __init__(
        self,
        options: ClientOptions,
        *,
        cache: RangeCache | None = None,
        transport_factory: TransportFactory | None = None,
        sleep: Sleep = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.options = options
        self.cache = cache
        self.transport_factory = transport_factory
        self.sleep = sleep
        self.jitter = jitter
        self.host = urlsplit(options.base_url).hostname or options.base_url
        self._wall = wall_clock
        self._base = options.base_url.rstrip("/")
        self._writer: RangeWriter | None = None
        self._damaged: set[str] = set()
        self.requests = 0

    def _from_cache(self, prefix: str, suffixes: Collection[str]) -> Counts | None:
        """Counts from a fresh cache entry, re-validated; None to fetch instead."""
        entry = self.cache.get(prefix) if self.cache else None
        if entry is None or self.cache is None or not entry.fresh(self.cache.now(), self.cache.ttl):
            return None
        counts = self._read_entry(entry.body, entry.gzip, suffixes)
        if counts is None:
            self._damaged.add(prefix)  # refetched whole: its ETag is not asked to confirm it
        return counts

    def _read_entry(self, body: bytes, gzip: bool, suffixes: Collection[str]) -> Counts | None:
        reader = RangeReader(suffixes, gzip=gzip, limit=self.options.max_body_bytes)
        try:
            reader.feed(body)
            return reader.finish()
        except RangeProblem:
            return None  # a damaged or planted entry is refetched, never trusted

    async def fetch(
        self, wanted: Mapping[str, Collection[str]]
    ) -> dict[str, Counts | LookupFailure]:
        """{prefix: {suffix: count}} for every prefix of `wanted`, or why it is unknown."""
        results: dict[str, Counts | LookupFailure] = {}
        todo: list[str] = []
        # The folder is created or checked (0700, no symlink) before anything is
        # read from it; a cache that fails that check is not used at all.
        if self.cache is not None and not self.cache.prepare():
            self.cache = None
        for prefix, suffixes in wanted.items():
            counts = self._from_cache(prefix, suffixes)
            if counts is None:
                todo.append(prefix)
            else:
                results[prefix] = counts
        if not todo:
            return results
        o = self.options
        writer = RangeWriter(self.cache) if self.cache is not None else None
        self._writer = writer
        workers = max(1, min(o.concurrency, len(todo)))
        lanes = lanes_for(o, workers, self.transport_factory)
        queue = todo[::-1]  # workers pop from the end: the order users gave

        async def work(lane: Lane) -> None:
            while queue:
                prefix = queue.pop()
                results[prefix] = await self._fetch_one(lane, prefix, wanted[prefix])

        try:
            async with asyncio.timeout(o.deadline):
                await asyncio.gather(*(work(lane) for lane in lanes))
        except TimeoutError:
            reason = _("{host} gave no answer within the {seconds} s deadline").format(
                host=self.host, seconds=f"{o.deadline:g}"
            )
            for prefix in todo:
                results.setdefault(prefix, LookupFailure(reason))
        finally:
            await asyncio.gather(*(lane.aclose() for lane in lanes), return_exceptions=True)
            if writer is not None:
                await asyncio.to_thread(writer.close)
            self._writer = None
        return results

    async def _fetch_one(
        self, lane: Lane, prefix: str, suffixes: Collection[str]
    ) -> Counts | LookupFailure:
        o = self.options
        entry = self.cache.get(prefix) if self.cache and prefix not in self._damaged else None
        headers = dict(HEADERS)
        if entry is not None and entry.etag:
            headers["If-None-Match"] = entry.etag
        attempt = 0
        while True:
            attempt += 1
            self.requests += 1
            outcome = await self._attempt(lane, prefix, suffixes, entry, headers)
            if not isinstance(outcome, _Retry):
                return outcome
            if attempt > o.retries:
                tries = ngettext("{n} attempt", "{n} attempts", attempt).format(n=attempt)
                return LookupFailure(f"{outcome.problem} ({tries})")
            delay = min(o.backoff_cap, o.backoff_base * 2 ** (attempt - 1))
            delay *= 0.5 + self.jitter() / 2  # jitter: retries of many workers spread out
            if outcome.wait_hint is not None:
                delay = max(delay, min(outcome.wait_hint, o.retry_after_cap))
            await self.sleep(delay)

    async def _attempt(
        self,
        lane: Lane,
        prefix: str,
        suffixes: Collection[str],
        entry: CacheEntry | None,
        headers: dict[str, str],
    ) -> Counts | LookupFailure | _Retry:
        try:
            reply = await lane.send(f"{self._base}/range/{prefix}", headers, self.options)
        except lane.errors as exc:
            return _Retry(lane.describe(exc, self.host, reading=False))
        try:
            status = reply.status
            if status == 200:
                return await self._accept(prefix, suffixes, reply)
            if status == 304 and entry is not None:
                counts = self._read_entry(entry.body, entry.gzip, suffixes)
                if counts is None:
                    headers.pop("If-None-Match", None)
                    return _Retry(
                        _("{host} confirmed a cached answer that is damaged").format(host=self.host)
                    )
                if self._writer is not None:
                    self._writer.put(prefix, entry.body, entry.etag, entry.gzip)
                return counts
            if status != 429 and status < 500:
                return LookupFailure(
                    _("{host} answered HTTP {status}").format(host=self.host, status=status)
                )
            hint = _retry_after(reply.header("retry-after"), self._wall())
            said = _("{host} answered HTTP {status}").format(host=self.host, status=status)
            return _Retry(said, hint)
        except RangeProblem as exc:
            # Not retried: a mirror's junk or a captive portal answers the same again.
            return LookupFailure(
                _("{host} sent an answer that cannot be trusted: {problem}").format(
                    host=self.host, problem=exc
                )
            )
        except lane.errors as exc:
            return _Retry(lane.describe(exc, self.host, reading=True))
        finally:
            with contextlib.suppress(*lane.errors):
                await reply.close()

    async def _accept(self, prefix: str, suffixes: Collection[str], reply: Reply) -> Counts:
        encoding = (reply.header("content-encoding") or "identity").strip().lower()
        if encoding not in ("identity", "gzip"):
            raise RangeProblem(f"it uses an encoding privaudit did not ask for ({encoding[:20]})")
        gzip = encoding == "gzip"
        reader = RangeReader(suffixes, gzip=gzip, limit=self.options.max_body_bytes)
        kept: list[bytes] | None = [] if self._writer is not None else None
        async for chunk in reply.chunks():
            reader.feed(chunk)
            if kept is not None:
                kept.append(chunk)
        counts = reader.finish()
        if kept is not None and self._writer is not None:
            self._writer.put(prefix, b"".join(kept), reply.header("etag"), gzip)
        return counts
