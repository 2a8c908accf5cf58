"""Fixtures for the 2FA tests: small datasets, Bitwarden exports, a loopback HTTP server."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from privaudit.tfa.dataset import load_builtin
from privaudit.tfa.match import Directory


@pytest.fixture(scope="session")
def builtin_directory() -> Directory:
    return Directory(load_builtin())


def v3_entries(count: int = 3) -> list[Any]:
    """A small 2fa.directory v3 all.json (array of [name, entry])."""
    base: list[Any] = [
        [
            "Example Mail",
            {
                "domain": "examplemail.test",
                "tfa": ["sms", "totp", "u2f"],
                "documentation": "https://examplemail.test/2fa",
                "keywords": ["email"],
            },
        ],
        [
            "Example Bank",
            {
                "domain": "examplebank.co.uk",
                "additional-domains": ["ebank.test"],
                "tfa": ["sms"],
                "keywords": ["banking"],
            },
        ],
        ["No 2FA Shop", {"domain": "noshop.test", "keywords": ["retail"]}],
    ]
    for i in range(len(base), count):
        base.append(
            [f"Filler {i}", {"domain": f"filler{i}.test", "tfa": ["totp"], "keywords": ["other"]}]
        )
    return base[:count] if count < len(base) else base


def bitwarden_export(items: list[dict[str, Any]]) -> bytes:
    """A Bitwarden JSON export: items given as {name, uri, username, password, totp}."""
    out = []
    for i, item in enumerate(items):
        out.append(
            {
                "id": f"t-{i}",
                "type": 1,
                "name": item["name"],
                "login": {
                    "uris": [{"match": None, "uri": item["uri"]}] if item.get("uri") else [],
                    "username": item.get("username"),
                    "password": item.get("password", "correct horse battery staple 9!"),
                    "totp": item.get("totp"),
                },
            }
        )
    return json.dumps({"encrypted": False, "folders": [], "items": out}).encode()


@pytest.fixture
def write_export(tmp_path: Path) -> Callable[[list[dict[str, Any]]], Path]:
    def write(items: list[dict[str, Any]]) -> Path:
        path = tmp_path / "bitwarden.json"
        path.write_bytes(bitwarden_export(items))
        return path

    return write


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_length: int | None = None
    """Announce more bytes than sent to simulate a cut-off download."""


@dataclass
class LoopbackServer:
    url: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[bytes] = field(default_factory=list)


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1 that records every request it receives."""
    state = LoopbackServer(url="")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append(self.requestline.encode() + b"\n" + bytes(self.headers))
            route = state.routes.get(self.path, Route(404, b"not found"))
            self.send_response(route.status)
            length = route.content_length if route.content_length is not None else len(route.body)
            self.send_header("Content-Length", str(length))
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(route.body)
            self.wfile.flush()
            if route.content_length is not None:
                self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
