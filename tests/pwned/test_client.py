"""The range client end to end against the loopback server: faults, cache, headers."""

from __future__ import annotations

import asyncio
import re
import stat
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

import httpx

from privaudit import __version__
from privaudit.pwned.cache import RangeCache, api_key
from privaudit.pwned.client import ClientOptions, RangeFetcher, _retry_after
from privaudit.pwned.lookup import LookupFailure
from privaudit.pwned.online import OnlineLookup
from tests.pwned.conftest import BREACHED, Fault, HibpServer, SleepRecorder, fetcher_for, sha1


def lookup(server: HibpServer, sleeps: SleepRecorder, passwords: list[str], **kw: object):  # type: ignore[no-untyped-def]
    fetcher = fetcher_for(server, sleeps, **kw)
    result = asyncio.run(OnlineLookup(fetcher).lookup([sha1(p) for p in passwords]))
    return {p: result[sha1(p)] for p in passwords}, fetcher


def test_counts_headers_and_one_request_per_prefix(
    hibp_server: HibpServer, sleeps: SleepRecorder
) -> None:
    # Two passwords that share a prefix (found by search) and the breached ones.
    base = [f"shared-{i}" for i in range(5000)]
    by_prefix: dict[str, str] = {}
    pair = None
    for pw in base:
        prior = by_prefix.setdefault(sha1(pw)[:5], pw)
        if prior != pw:
            pair = (prior, pw)
            break
    assert pair is not None
    passwords = [*BREACHED, *pair, "not-in-any-breach-xyz"]
    counts, _fetcher = lookup(hibp_server, sleeps, passwords)
    for pw, count in BREACHED.items():
        assert counts[pw] == count
    assert counts[pair[0]] == counts[pair[1]] == 0
    assert counts["not-in-any-breach-xyz"] == 0
    prefixes = hibp_server.paths()
    assert len(prefixes) == len(set(prefixes)) == len({sha1(p)[:5] for p in passwords})
    for request in hibp_server.requests:
        assert re.fullmatch(r"GET /range/[0-9A-F]{5} HTTP/1\.1", request.line)
        headers = {k.lower(): v for k, v in request.headers}
        assert headers["add-padding"] == "true"
        assert headers["user-agent"].startswith(f"privaudit/{__version__} (+https://")
    assert not sleeps.delays


def test_429_honours_retry_after(hibp_server: HibpServer, sleeps: SleepRecorder) -> None:
    hibp_server.fail(Fault("status", 429, retry_after="7"))
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"])
    assert counts["P@ssw0rd"] == BREACHED["P@ssw0rd"]
    assert sleeps.delays == [7.0]


def test_retry_after_is_capped(hibp_server: HibpServer, sleeps: SleepRecorder) -> None:
    hibp_server.fail(Fault("status", 429, retry_after="86400"))
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"], retry_after_cap=5.0)
    assert counts["P@ssw0rd"] == BREACHED["P@ssw0rd"]
    assert sleeps.delays == [5.0]


def test_5xx_is_retried_with_capped_exponential_backoff(
    hibp_server: HibpServer, sleeps: SleepRecorder
) -> None:
    hibp_server.fail(Fault("status", 500), Fault("status", 503), Fault("status", 503))
    counts, _ = lookup(hibp_server, sleeps, ["hunter2"], backoff_base=1.0, backoff_cap=3.0)
    assert counts["hunter2"] == 3
    assert sleeps.delays == [1.0, 2.0, 3.0]  # jitter pinned to its maximum


def test_jitter_spreads_retries(hibp_server: HibpServer) -> None:
    hibp_server.fail(Fault("status", 503))
    sleeps = SleepRecorder()
    fetcher = fetcher_for(hibp_server, sleeps, backoff_base=1.0)
    fetcher.jitter = lambda: 0.0
    asyncio.run(OnlineLookup(fetcher).lookup([sha1("hunter2")]))
    assert sleeps.delays == [0.5]


def test_retries_run_out_into_a_failure_never_a_count(
    hibp_server: HibpServer, sleeps: SleepRecorder
) -> None:
    hibp_server.fail(*[Fault("status", 503)] * 4)
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"], retries=3)
    failure = counts["P@ssw0rd"]
    assert isinstance(failure, LookupFailure)
    assert "HTTP 503" in failure.reason
    assert "4 attempts" in failure.reason
    assert len(hibp_server.requests) == 4


def test_other_4xx_is_not_retried(hibp_server: HibpServer, sleeps: SleepRecorder) -> None:
    hibp_server.fail(Fault("status", 404))
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"])
    assert isinstance(counts["P@ssw0rd"], LookupFailure)
    assert len(hibp_server.requests) == 1
    assert not sleeps.delays


def test_slow_response_past_the_timeout_is_retried(
    hibp_server: HibpServer, sleeps: SleepRecorder
) -> None:
    hibp_server.fail(Fault("slow", seconds=1.5))
    counts, _ = lookup(hibp_server, sleeps, ["Summer2024!"], read_timeout=0.3)
    assert counts["Summer2024!"] == BREACHED["Summer2024!"]
    assert len(hibp_server.requests) == 2


def test_always_slow_ends_as_a_timeout_failure(
    hibp_server: HibpServer, sleeps: SleepRecorder
) -> None:
    hibp_server.fail(*[Fault("slow", seconds=0.8)] * 2)
    counts, _ = lookup(hibp_server, sleeps, ["Summer2024!"], read_timeout=0.2, retries=1)
    failure = counts["Summer2024!"]
    assert isinstance(failure, LookupFailure)
    assert "timed out" in failure.reason


def test_dropped_connection_is_retried(hibp_server: HibpServer, sleeps: SleepRecorder) -> None:
    hibp_server.fail(Fault("drop"), Fault("drop"))
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"])
    assert counts["P@ssw0rd"] == BREACHED["P@ssw0rd"]
    assert len(sleeps.delays) == 2


def test_unreachable_server_is_a_failure(sleeps: SleepRecorder) -> None:
    server = HibpServer(corpus={}, url="http://127.0.0.1:9")
    counts, _ = lookup(server, sleeps, ["P@ssw0rd"], retries=2)
    failure = counts["P@ssw0rd"]
    assert isinstance(failure, LookupFailure)
    assert "could not reach 127.0.0.1" in failure.reason
    assert len(sleeps.delays) == 2


def test_overall_deadline(hibp_server: HibpServer) -> None:
    hibp_server.fail(*[Fault("slow", seconds=1.0)] * 3)
    counts, _ = lookup(hibp_server, asyncio.sleep, ["P@ssw0rd"], deadline=0.3)  # type: ignore[arg-type]
    failure = counts["P@ssw0rd"]
    assert isinstance(failure, LookupFailure)
    assert "deadline" in failure.reason


def test_malformed_lines_make_the_answer_unknown(
    hibp_server: HibpServer, sleeps: SleepRecorder
) -> None:
    # Once counted and skipped; a malformed line now means the answer is not trusted.
    hibp_server.fail(Fault("malformed"))
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"])
    failure = counts["P@ssw0rd"]
    assert isinstance(failure, LookupFailure)
    assert "line 2 is not SUFFIX:COUNT" in failure.reason


def test_an_answer_that_is_not_a_range_is_unknown(
    hibp_server: HibpServer, sleeps: SleepRecorder
) -> None:
    hibp_server.fail(Fault("html"))
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"])
    assert isinstance(counts["P@ssw0rd"], LookupFailure)


def test_cache_hit_expiry_and_304(
    hibp_server: HibpServer, sleeps: SleepRecorder, tmp_path: Path
) -> None:
    now = [1_000_000.0]
    cache = RangeCache(tmp_path / "cache", hibp_server.url, ttl=3600, now=lambda: now[0])
    passwords = ["P@ssw0rd", "fresh-password-zz"]
    first, _ = lookup(hibp_server, sleeps, passwords, cache=cache)
    assert len(hibp_server.requests) == 2
    # Hit: no request at all.
    second, _ = lookup(hibp_server, sleeps, passwords, cache=cache)
    assert second == first
    assert len(hibp_server.requests) == 2
    # Expired: revalidated with the ETag, answered 304, served from the cache.
    now[0] += 3601
    third, _ = lookup(hibp_server, sleeps, passwords, cache=cache)
    assert third == first
    revalidations = hibp_server.requests[2:]
    assert len(revalidations) == 2
    assert all(any(k.lower() == "if-none-match" for k, _ in r.headers) for r in revalidations)
    # The 304 restarted the time to live.
    fourth, _ = lookup(hibp_server, sleeps, passwords, cache=cache)
    assert fourth == first
    assert len(hibp_server.requests) == 4
    # Files: 0600 in 0700 folders, keyed by API base URL, then by prefix only.
    folder = tmp_path / "cache" / api_key(hibp_server.url)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(folder.parent.stat().st_mode) == 0o700
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == sorted(f"{sha1(p)[:5]}.range" for p in passwords)
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    assert cache.clear() == 2
    assert not list(folder.iterdir())


def test_a_corrupt_cache_entry_is_refetched(
    hibp_server: HibpServer, sleeps: SleepRecorder, tmp_path: Path
) -> None:
    cache = RangeCache(tmp_path / "cache", hibp_server.url)
    cache.prepare()
    (cache.folder / f"{sha1('P@ssw0rd')[:5]}.range").write_text("garbage")
    counts, _ = lookup(hibp_server, sleeps, ["P@ssw0rd"], cache=cache)
    assert counts["P@ssw0rd"] == BREACHED["P@ssw0rd"]
    assert len(hibp_server.requests) == 1


def test_many_prefixes_concurrently(hibp_server: HibpServer, sleeps: SleepRecorder) -> None:
    passwords = [f"bulk-{i}" for i in range(300)]
    counts, _ = lookup(hibp_server, sleeps, passwords, concurrency=25)
    assert all(c == 0 for c in counts.values())
    assert len(set(hibp_server.paths())) == len(hibp_server.paths())


def test_retry_after_forms() -> None:
    now = 1_700_000_000.0
    assert _retry_after("12", now) == 12.0
    when = format_datetime(datetime.fromtimestamp(now + 30, UTC), usegmt=True)
    assert _retry_after(when, now) == 30.0
    assert _retry_after("soon", now) is None
    assert _retry_after(None, now) is None


def test_an_injected_transport_replaces_the_network(sleeps: SleepRecorder) -> None:
    seen: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        suffix = sha1("P@ssw0rd")[5:]
        return httpx.Response(200, text=f"{suffix}:7\r\n{'0' * 35}:0\r\n")

    fetcher = RangeFetcher(
        ClientOptions(base_url="https://pwned.invalid"),
        transport_factory=lambda: httpx.MockTransport(answer),
        sleep=sleeps,
    )
    result = asyncio.run(OnlineLookup(fetcher).lookup([sha1("P@ssw0rd")]))
    assert result == {sha1("P@ssw0rd"): 7}
    assert seen == ["/range/21BD1"]
