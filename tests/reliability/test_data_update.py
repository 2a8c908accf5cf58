"""`data update`: every redirect hop checked before it is followed, and an update that
removes 2FA or drops many services shown and refused unless accepted."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from privaudit.tfa.dataset import load_builtin
from privaudit.tfa.review import compare
from privaudit.tfa.store import stored_path
from tests.tfa.conftest import v3_entries, write_export

__all__ = ["write_export"]


@dataclass
class Server:
    url: str = ""
    bodies: dict[str, bytes] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)


@pytest.fixture
def server() -> Iterator[Server]:
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits.append(self.path)
            if self.path in state.redirects:
                self.send_response(302)
                self.send_header("Location", state.redirects[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = state.bodies.get(self.path, b"not found")
            self.send_response(200 if self.path in state.bodies else 404)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture(autouse=True)
def _small_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVAUDIT_TFA_MIN_ENTRIES", "10")


def _entries(count: int, *, google: list[str] | None = None) -> bytes:
    entries: list[Any] = v3_entries(count)
    if google is not None:
        entries.append(["Google", {"domain": "google.com", "tfa": google, "keywords": ["email"]}])
    return json.dumps(entries).encode()


def _update(cli, url: str, *extra: str):  # type: ignore[no-untyped-def]
    return cli("data", "update", "--url", url, *extra)


@pytest.mark.parametrize(
    "target", ["http://example.com/all.json", "ftp://127.0.0.1/all.json", "file:///etc/passwd"]
)
def test_a_redirect_off_https_is_refused_before_it_is_followed(
    cli, server: Server, target: str
) -> None:  # type: ignore[no-untyped-def]
    server.redirects["/all.json"] = target
    result = _update(cli, server.url + "/all.json")
    assert result.code == 2
    assert "must use https://" in result.err
    assert not stored_path().exists()


def test_every_hop_is_checked_and_loopback_hops_are_followed(cli, server: Server) -> None:  # type: ignore[no-untyped-def]
    server.bodies["/final.json"] = _entries(20)
    server.redirects["/a"] = "/b"
    server.redirects["/b"] = server.url + "/final.json"
    result = _update(cli, server.url + "/a")
    assert result.code == 0, result.err
    assert server.hits == ["/a", "/b", "/final.json"]


def test_a_redirect_loop_stops(cli, server: Server) -> None:  # type: ignore[no-untyped-def]
    server.redirects["/loop"] = "/loop"
    result = _update(cli, server.url + "/loop")
    assert result.code != 0
    assert "redirected more than" in result.err
    assert len(server.hits) == 6


def test_an_update_removing_2fa_from_google_is_refused_then_accepted(
    cli, server: Server, write_export
) -> None:  # type: ignore[no-untyped-def]
    server.bodies["/good"] = _entries(20, google=["sms", "totp", "u2f"])
    assert _update(cli, server.url + "/good").code == 0
    before = stored_path().read_bytes()
    server.bodies["/evil"] = _entries(20, google=[])
    refused = _update(cli, server.url + "/evil")
    assert refused.code == 2
    assert "no longer offer 2FA (google.com)" in refused.err
    assert "--accept-changes" in refused.err
    assert stored_path().read_bytes() == before, "the last good copy is kept"
    # The audit still sees Gmail's 2FA: a FAIL, not a SKIP.
    export = write_export([{"name": "Gmail", "uri": "https://mail.google.com"}])
    audit = cli("audit", "-a", str(export), "-f", "json", "--select", "MFA101", "--offline")
    assert json.loads(audit.out)["findings"][0]["status"] == "fail"

    accepted = _update(cli, server.url + "/evil", "--accept-changes")
    assert accepted.code == 0, accepted.err
    assert "accepted as asked" in accepted.err
    assert stored_path().read_bytes() != before


def test_even_a_first_download_cannot_remove_2fa_the_builtin_data_knows(
    cli, server: Server
) -> None:  # type: ignore[no-untyped-def]
    server.bodies["/evil"] = _entries(20, google=[])
    result = _update(cli, server.url + "/evil")
    assert result.code == 2
    assert "google.com" in result.err
    assert not stored_path().exists()


def test_dropping_more_than_5_percent_of_services_is_refused(cli, server: Server) -> None:  # type: ignore[no-untyped-def]
    server.bodies["/full"] = _entries(40)
    assert _update(cli, server.url + "/full").code == 0
    server.bodies["/shrunk"] = _entries(30)
    result = _update(cli, server.url + "/shrunk")
    assert result.code == 2
    assert "drops 10 of 40 services (25%" in result.err
    server.bodies["/pruned"] = _entries(39)  # one dead site pruned: normal
    assert _update(cli, server.url + "/pruned").code == 0


def test_compare_counts_what_a_user_would_lose() -> None:
    builtin = load_builtin().services
    same = compare(builtin, builtin, builtin)
    assert not same.suspicious
    without_google = [s for s in builtin if s.domain != "google.com"]
    dropped = compare(without_google, builtin, builtin)
    assert dropped.removed == ("google.com",)
    assert dropped.lost_2fa == ("google.com",), "dropping a major 2FA service is losing its 2FA"
    assert dropped.suspicious
    obscure = [s for s in builtin if s.offers_2fa][-1]
    tiny = compare(
        without_google,
        [
            *without_google,
            obscure.__class__(name="Dead", domain="dead.test", methods=obscure.methods),
        ],
        builtin,
    )
    assert tiny.removed == ("dead.test",)
    assert not tiny.suspicious, "a dead site pruned is normal"
