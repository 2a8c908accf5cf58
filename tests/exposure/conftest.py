"""A loopback stand-in for haveibeenpwned.com and the passkeys API, for end-to-end tests.

Serves `GET /api/v3/breaches` (real records from privaudit's snapshot plus
generated filler, like the real catalogue's hundreds), `GET /passkeys/all.json`,
and `GET /api/v3/breachedaccount/{address}` with key checks (401), 404 for
unknown addresses, and queued faults: any status (429 with `retry-after`, 403,
503), a slow answer, a dropped connection. It records every request line and
header it receives, so tests can prove what left the machine.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

GOOD_KEY = "0123456789abcdef0123456789abcdef"


def snapshot_breaches() -> list[dict[str, Any]]:
    doc = json.loads((resources.files("privaudit.exposure") / "data/breaches.json").read_bytes())
    return list(doc["breaches"])


def catalogue(filler: int = 320) -> list[dict[str, Any]]:
    """The snapshot's real records plus made-up ones on .test domains (never real sites)."""
    records = snapshot_breaches()
    base = records[0]
    for i in range(filler):
        records.append(
            {**base, "Name": f"Filler{i}", "Title": f"Filler {i}", "Domain": f"filler{i}.test"}
        )
    return records


def passkeys_directory(filler: int = 120) -> dict[str, Any]:
    doc = json.loads((resources.files("privaudit.exposure") / "data/passkeys.json").read_bytes())
    entries = dict(doc["entries"])
    for i in range(filler):
        entries[f"site{i}.test"] = {"name": f"Site {i}", "passwordless": "allowed"}
    return entries


@dataclass
class Fault:
    status: int = 503
    retry_after: str | None = None
    slow: float = 0.0
    drop: bool = False


@dataclass
class Recorded:
    line: str
    headers: list[tuple[str, str]]

    @property
    def path(self) -> str:
        return self.line.split(" ")[1]

    @property
    def text(self) -> str:
        return self.line + "\n" + "\n".join(f"{k}: {v}" for k, v in self.headers)


@dataclass
class ExposureServer:
    breaches: list[dict[str, Any]] = field(default_factory=catalogue)
    passkeys: dict[str, Any] = field(default_factory=passkeys_directory)
    accounts: dict[str, list[str]] = field(default_factory=dict)
    """address -> names of breaches (from `breaches`) it is in."""
    faults: list[Fault] = field(default_factory=list)
    requests: list[Recorded] = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def api(self) -> str:
        return f"{self.url}/api/v3"

    def fail(self, *faults: Fault) -> None:
        with self.lock:
            self.faults.extend(faults)

    def account_requests(self) -> list[Recorded]:
        return [r for r in self.requests if "/breachedaccount/" in r.path]


def _handler(server: ExposureServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            with server.lock:
                server.requests.append(Recorded(self.requestline, list(self.headers.items())))
                fault = server.faults.pop(0) if server.faults else None
            path = urlsplit(self.path).path
            if fault is not None:
                if fault.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                if fault.slow:
                    time.sleep(fault.slow)
                else:
                    extra = {"retry-after": fault.retry_after} if fault.retry_after else {}
                    self._send(fault.status, {"statusCode": fault.status}, extra)
                    return
            if path == "/api/v3/breaches":
                self._send(200, server.breaches)
            elif path == "/passkeys/all.json":
                self._send(200, server.passkeys)
            elif path.startswith("/api/v3/breachedaccount/"):
                self._account(unquote(path.rsplit("/", 1)[1]))
            else:
                self._send(404, b"")

        def _account(self, address: str) -> None:
            if self.headers.get("hibp-api-key") != GOOD_KEY:
                self._send(401, {"statusCode": 401, "message": "Access denied"})
                return
            names = server.accounts.get(address.lower())
            if not names:
                self._send(404, b"")
                return
            self._send(200, [b for b in server.breaches if b["Name"] in names])

    return Handler


class _Quiet(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture
def exposure_server() -> Iterator[ExposureServer]:
    state = ExposureServer()
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


class Sleeps:
    """Stands in for time.sleep and the clock: records waits, advances time instantly."""

    def __init__(self) -> None:
        self.now = 0.0
        self.waits: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.waits.append(seconds)
        self.now += seconds

    def clock(self) -> float:
        return self.now


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()
