"""A real Pwned Passwords range server on 127.0.0.1, for end-to-end tests.

It serves `GET /range/{PREFIX}` from a generated corpus (plus deterministic
filler lines, like the real API's hundreds per prefix), pads answers when asked
(`Add-Padding: true`), supports ETag / If-None-Match, adds configurable latency,
and injects faults on demand: an HTTP status (429 with Retry-After, 500, 503,
404...), a response slower than the client's timeout, a dropped connection, or
malformed lines. It records every request line and header it receives.
"""

from __future__ import annotations

import gzip
import hashlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from privaudit.pwned.client import ClientOptions, RangeFetcher
from tests.conftest import CANARY_PASSWORD


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest().upper()


BREACHED = {
    "P@ssw0rd": 52_000,
    "Summer2024!": 18_742,
    "password": 9_500_000,
    "hunter2": 3,
}
"""Passwords in the test corpus, with their counts. CANARY_PASSWORD is never in it."""


@dataclass
class Fault:
    """One answer that goes wrong. `kind`: "status", "slow", "drop", "malformed",
    "html"; or "rewrite" (the lines, or a raw body, from `rewrite`), optionally
    sent with a Content-Length `short_by` bytes too long, without Content-Length
    (`close_delimited`, the end of the body is the end of the connection), or
    gzip-encoded (`gzip`; `raw_gzip` sends those bytes as the encoded body)."""

    kind: str
    status: int = 503
    retry_after: str | None = None
    seconds: float = 0.0
    rewrite: Callable[[list[str]], list[str] | bytes] | None = None
    short_by: int = 0
    close_delimited: bool = False
    gzip: bool = False
    raw_gzip: bytes | None = None


@dataclass
class Recorded:
    line: str
    headers: list[tuple[str, str]]

    @property
    def text(self) -> str:
        return self.line + "\n" + "\n".join(f"{k}: {v}" for k, v in self.headers)


@dataclass
class HibpServer:
    corpus: dict[str, int]
    filler: int = 20
    latency: float = 0.0
    faults: dict[str | None, list[Fault]] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fail(self, *faults: Fault, prefix: str | None = None) -> None:
        """Queue faults for the next requests (for one prefix, or any)."""
        with self.lock:
            self.faults.setdefault(prefix, []).extend(faults)

    def _next_fault(self, prefix: str) -> Fault | None:
        with self.lock:
            for key in (prefix, None):
                queue = self.faults.get(key)
                if queue:
                    return queue.pop(0)
        return None

    def range_lines(self, prefix: str, padding: bool) -> list[str]:
        rng = random.Random(prefix)
        entries = {h[5:]: c for h, c in self.corpus.items() if h.startswith(prefix)}
        for _ in range(self.filler):
            entries.setdefault(f"{rng.getrandbits(140):035X}", rng.randint(1, 500))
        if padding:
            for _ in range(rng.randint(5, 15)):
                entries.setdefault(f"{rng.getrandbits(140):035X}", 0)
        return [f"{s}:{c}" for s, c in sorted(entries.items())]

    def paths(self) -> list[str]:
        return [r.line.split(" ")[1] for r in self.requests]


def _handler(server: HibpServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def _send_rewritten(self, fault: Fault, lines: list[str]) -> None:
            assert fault.rewrite is not None or fault.raw_gzip is not None
            out = fault.rewrite(lines) if fault.rewrite is not None else b""
            body = out if isinstance(out, bytes) else "\r\n".join(out).encode("utf-8")
            if fault.gzip:
                body = fault.raw_gzip if fault.raw_gzip is not None else gzip.compress(body)
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            if fault.gzip:
                self.send_header("Content-Encoding", "gzip")
            if fault.close_delimited:
                self.send_header("Connection", "close")
                self.close_connection = True
            else:
                self.send_header("Content-Length", str(len(body) + fault.short_by))
            self.end_headers()
            self.wfile.write(body)
            if fault.short_by:
                self.wfile.flush()
                self.close_connection = True

        def do_GET(self) -> None:
            with server.lock:
                server.requests.append(Recorded(self.requestline, list(self.headers.items())))
            if server.latency:
                time.sleep(server.latency)
            path = self.path
            if path.startswith("http://"):  # absolute form: we are being used as a proxy
                path = "/" + path.split("/", 3)[3]
            parts = path.split("/")
            if len(parts) != 3 or parts[1] != "range" or len(parts[2]) != 5:
                self._send(400, b"The hash prefix was not in a valid format")
                return
            prefix = parts[2].upper()
            fault = server._next_fault(prefix)
            if fault and fault.kind == "status":
                extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                self._send(fault.status, b"error", extra)
                return
            if fault and fault.kind == "drop":
                self.close_connection = True
                self.connection.close()
                return
            if fault and fault.kind == "slow":
                time.sleep(fault.seconds)
            if fault and fault.kind == "html":
                self._send(200, b"<html><body>Please log in to the Wi-Fi</body></html>")
                return
            padding = self.headers.get("Add-Padding", "").lower() == "true"
            lines = server.range_lines(prefix, padding)
            if fault and fault.kind == "malformed":
                lines[1:1] = ["NOT-A-HASH:12", "ZZZZ", "0123456789ABCDEF0123456789ABCDEF012:xx"]
            if fault and fault.kind == "rewrite":
                self._send_rewritten(fault, lines)
                return
            body = ("\r\n".join(lines)).encode("ascii")
            etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, b"", {"ETag": etag})
                return
            self._send(200, body, {"ETag": etag})

    return Handler


def make_corpus(extra: int = 300, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    corpus = {sha1(pw): count for pw, count in BREACHED.items()}
    for _ in range(extra):
        corpus[f"{rng.getrandbits(160):040X}"] = rng.randint(1, 1000)
    assert sha1(CANARY_PASSWORD) not in corpus
    return corpus


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that timed out or a dropped connection is the point of the test


@pytest.fixture
def hibp_server() -> Iterator[HibpServer]:
    state = HibpServer(corpus=make_corpus())
    httpd = _Quiet(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    httpd.block_on_close = False
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.daemon = True
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


class SleepRecorder:
    """Stands in for asyncio.sleep: records each backoff delay, waits no time."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, seconds: float) -> None:
        self.delays.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


def fetcher_for(
    server: HibpServer, sleeps: SleepRecorder, cache: object = None, **options: object
) -> RangeFetcher:
    defaults: dict[str, object] = {
        "base_url": server.url,
        "connect_timeout": 2.0,
        "read_timeout": 2.0,
        "deadline": 30.0,
        "retries": 3,
    }
    defaults.update(options)
    return RangeFetcher(
        ClientOptions(**defaults),  # type: ignore[arg-type]
        cache=cache,  # type: ignore[arg-type]
        sleep=sleeps,
        jitter=lambda: 1.0,
    )
