"""The class server over loopback: what it accepts, what it refuses and how it answers."""

from __future__ import annotations

import json
import socket
import stat
import threading
import time
from pathlib import Path
from typing import Any

import httpx

from privaudit.classserver.collection import Collection, Outcome
from privaudit.classserver.limits import Rate
from privaudit.classserver.options import ServerOptions
from privaudit.classserver.server import ClassServer
from privaudit.classserver.session import ResultFolder
from tests.classserver.conftest import CODE, Running, share_doc
from tests.i18n.english import english_lines


def _error(response: httpx.Response) -> str:
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["x-content-type-options"] == "nosniff"
    body: dict[str, Any] = response.json()
    assert body["message"]
    return str(body["error"])


def test_a_valid_document_is_accepted_kept_and_written_privately(serve: Any) -> None:
    run: Running = serve()
    response = run.post(share_doc(1))
    assert response.status_code == 201
    assert response.json() == {"status": "accepted", "as": "before"}
    assert run.server.collection.documents() == [share_doc(1)]
    assert run.accepted == [(Outcome.BEFORE, 1, 0)]
    saved = run.folder / "learner-01-before.json"
    assert json.loads(saved.read_text("utf-8")) == share_doc(1)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(run.folder.stat().st_mode) == 0o700
    assert [p.name for p in run.folder.iterdir()] == ["learner-01-before.json"]


def test_the_code_may_be_in_the_path_and_is_typed_loosely(serve: Any) -> None:
    run: Running = serve()
    assert run.post(share_doc(1), code=None, path=f"/share/{CODE}").status_code == 201
    assert run.post(share_doc(2), code="kmt-3rx").status_code == 201
    assert run.post(share_doc(3), code=None, path="/share/kmt-3rx/").status_code == 201


def test_a_later_round_is_the_after_and_repeats_are_refused(serve: Any) -> None:
    run: Running = serve(post_rate=Rate(burst=50, per_seconds=1))
    assert run.post(share_doc(1, score=50)).json()["as"] == "before"
    again = run.post(share_doc(1, score=50))
    assert again.status_code == 409
    assert _error(again) == "duplicate"
    after = run.post(share_doc(1, round_=2, score=80))
    assert after.status_code == 201
    assert after.json()["as"] == "after"
    assert _error(run.post(share_doc(1, round_=2, score=90))) == "stale"
    assert _error(run.post(share_doc(1, round_=1, score=95))) == "stale"
    # a later round still replaces the after: the summary pairs first and last shares
    assert run.post(share_doc(1, round_=3, score=85)).json()["as"] == "after"
    assert run.server.collection.documents() == [
        share_doc(1, score=50),
        share_doc(1, round_=3, score=85),
    ]
    assert sorted(p.name for p in run.folder.iterdir()) == [
        "learner-01-after.json",
        "learner-01-before.json",
    ]
    saved = json.loads((run.folder / "learner-01-after.json").read_text("utf-8"))
    assert saved["round"] == 3


def test_malformed_documents_are_refused_with_400(serve: Any) -> None:
    run: Running = serve(post_rate=Rate(burst=50, per_seconds=1))
    no_learner = share_doc(1)
    del no_learner["learner"]
    for body in (
        b"{",
        b"\xff\xfe{}",
        b"[1, 2]",
        b'{"score": NaN}',
        json.dumps({"kind": "something-else"}).encode(),
        json.dumps(no_learner).encode(),
        b"[" * 5000 + b"]" * 5000,  # deeper than the parser goes
    ):
        response = run.post(body)
        assert response.status_code == 400, body[:40]
        assert _error(response) in ("invalid", "no-learner")
    assert run.server.collection.documents() == []
    assert not run.folder.exists()


def test_a_wrong_or_missing_code_is_refused(serve: Any) -> None:
    run: Running = serve(post_rate=Rate(burst=50, per_seconds=1))
    missing = run.post(share_doc(1), code=None)
    assert missing.status_code == 401
    assert _error(missing) == "no-code"
    for wrong in ("KMT3RA", "KMT3R", "not a code", "ÄÖÜ"):
        response = run.post(share_doc(1), code=None, path="/share/" + wrong)
        assert response.status_code in (403, 404), wrong
    assert _error(run.post(share_doc(1), code="KMT3RA")) == "wrong-code"
    assert run.server.collection.documents() == []


def test_only_json_is_accepted(serve: Any) -> None:
    run: Running = serve(post_rate=Rate(burst=50, per_seconds=1))
    for content_type in (
        "text/plain",
        "application/x-www-form-urlencoded",
        "",
        "application/jsonp",
    ):
        response = run.post(share_doc(1), headers={"Content-Type": content_type})
        assert response.status_code == 415, content_type
        assert _error(response) == "not-json"
    ok = run.post(share_doc(1), headers={"Content-Type": "Application/JSON; charset=utf-8"})
    assert ok.status_code == 201


def _raw(run: Running, head: bytes, body: bytes = b"") -> tuple[bytes, float]:
    """Send `head` and `body`, then read the answer: (its bytes, seconds it took)."""
    with socket.create_connection(("127.0.0.1", run.server.port), timeout=10) as sock:
        started = time.monotonic()
        sock.sendall(head + body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
        return answer, time.monotonic() - started


def _head(length: int, *extra: str) -> bytes:
    lines = [
        "POST /share HTTP/1.1",
        "Host: 127.0.0.1",
        "Content-Type: application/json",
        f"Privaudit-Join-Code: {CODE}",
        f"Content-Length: {length}",
        *extra,
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_an_oversized_body_is_refused_from_its_length_before_it_is_read(serve: Any) -> None:
    run: Running = serve()
    # 10 MB announced, 1 KB sent: the answer comes without waiting for the rest
    answer, seconds = _raw(run, _head(10_000_000), b" " * 1024)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b'"too-large"' in answer
    assert seconds < 5  # the server did not wait for 10 MB (its read timeout is 10 s)
    # and over HTTP: a client that sends the whole oversized body still hears 413
    big = run.post(b"[" + b" " * (16 * 1024) + b"]")
    assert big.status_code == 413
    assert _error(big) == "too-large"
    assert run.server.collection.documents() == []


def test_a_client_that_asks_first_is_refused_before_sending(serve: Any) -> None:
    run: Running = serve()
    with socket.create_connection(("127.0.0.1", run.server.port), timeout=10) as sock:
        sock.sendall(_head(1_000_000, "Expect: 100-continue"))
        answer = sock.recv(65536)
    assert answer.startswith(b"HTTP/1.1 413 ")
    assert b"100 Continue" not in answer
    with socket.create_connection(("127.0.0.1", run.server.port), timeout=10) as sock:
        body = json.dumps(share_doc(1)).encode()
        sock.sendall(_head(len(body), "Expect: 100-continue"))
        assert sock.recv(65536).startswith(b"HTTP/1.1 100 Continue")
        sock.sendall(body)
        answer = b""
        while chunk := sock.recv(65536):
            answer += chunk
    assert b"HTTP/1.1 201 " in answer


def test_a_body_without_a_length_is_refused(serve: Any) -> None:
    run: Running = serve()
    head = _head(0).replace(b"Content-Length: 0\r\n", b"Transfer-Encoding: chunked\r\n")
    answer, _ = _raw(run, head, b"5\r\nhello\r\n0\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 411 ")
    head = _head(0).replace(b"Content-Length: 0\r\n", b"")
    assert _raw(run, head)[0].startswith(b"HTTP/1.1 411 ")
    head = _head(0).replace(b"Content-Length: 0", b"Content-Length: -5")
    assert _raw(run, head)[0].startswith(b"HTTP/1.1 400 ")


def test_submissions_are_rate_limited_per_client(serve: Any) -> None:
    run: Running = serve(post_rate=Rate(burst=2, per_seconds=600))
    assert run.post(share_doc(1)).status_code == 201
    assert run.post(share_doc(2), code="KMT3RA").status_code == 403  # counted too
    limited = run.post(share_doc(3))
    assert limited.status_code == 429
    assert _error(limited) == "rate-limited"
    assert int(limited.headers["retry-after"]) > 0
    # wrong codes cannot be tried faster than the limit
    assert run.post(share_doc(3), code="KMT3RA").status_code == 429
    assert run.server.collection.documents() == [share_doc(1)]


def test_the_page_is_rate_limited_apart_from_submissions(serve: Any) -> None:
    run: Running = serve(page_rate=Rate(burst=2, per_seconds=600))
    assert [httpx.get(run.url + "/").status_code for _ in range(3)] == [200, 200, 429]
    assert run.post(share_doc(1)).status_code == 201


def test_other_paths_and_methods_are_json_errors(serve: Any) -> None:
    run: Running = serve()
    assert httpx.get(run.url + "/share").status_code == 404
    assert httpx.get(run.url + "/../etc/passwd").status_code == 404
    put = httpx.put(run.url + "/share", content=b"{}")
    assert put.status_code == 405
    assert "POST" in put.headers["allow"]
    assert _error(httpx.post(run.url + "/other", content=b"{}")) == "not-found"
    answer, _ = _raw(run, b"BREW /share HTTP/1.1\r\nHost: x\r\n\r\n")
    assert answer.startswith(b"HTTP/1.1 501 ")
    assert b"application/json" in answer


def test_connections_beyond_the_cap_are_closed_at_once(serve: Any) -> None:
    run: Running = serve(max_connections=2, timeout=5)
    idle = [socket.create_connection(("127.0.0.1", run.server.port), timeout=5) for _ in range(2)]
    try:
        time.sleep(0.2)
        with socket.create_connection(("127.0.0.1", run.server.port), timeout=5) as third:
            third.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert third.recv(1024) == b""  # closed without an answer
    finally:
        for sock in idle:
            sock.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:  # the two idle slots free up as those close
        try:
            if httpx.get(run.url + "/", timeout=5).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.05)
    else:
        raise AssertionError("the server did not recover its connection slots")


def test_nothing_about_the_client_is_kept_or_printed(serve: Any, capfd: Any) -> None:
    run: Running = serve(post_rate=Rate(burst=50, per_seconds=1))
    for n in range(3):
        run.post(share_doc(n + 1))
    run.post(b"{")
    run.post(share_doc(9), code="KMT3RA")
    httpx.get(run.url + "/")
    out, err = capfd.readouterr()
    assert "127.0.0.1" not in out + err
    for path in run.folder.iterdir():
        assert "127.0.0.1" not in path.read_text("utf-8")
    assert "127.0.0.1" not in repr(run.server.post_limit.__dict__)


def test_the_arrival_lines_are_in_the_servers_language(tmp_path: Path) -> None:
    """Each request runs in its own thread, which starts with the default language."""
    from privaudit.classserver import messages
    from privaudit.i18n import use_language

    lines: list[str] = []
    with use_language("es"):
        server = ClassServer(
            ("127.0.0.1", 0),
            ServerOptions(code=CODE, lang="es"),
            Collection(store=ResultFolder(tmp_path / "results")),
            on_accept=lambda *event: lines.append(messages.received(*event)),
        )
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}).start()
    try:
        run = Running(server=server, folder=tmp_path / "results")
        assert run.post(share_doc(1)).status_code == 201
    finally:
        server.shutdown()
        server.server_close()
    assert lines and lines[0].startswith("Llegó un primer resultado."), lines
    assert english_lines("\n".join(lines)) == []


def test_the_same_result_in_a_later_round_is_a_duplicate_and_the_count_is_the_files(
    serve: Any,
) -> None:
    run: Running = serve()
    assert run.post(share_doc(1, score=50)).json()["as"] == "before"
    copy = run.post(share_doc(1, round_=2, score=50))  # `audit --share-to` run twice
    assert copy.status_code == 409 and _error(copy) == "duplicate"
    assert run.post(share_doc(1, round_=3, score=70)).json()["as"] == "after"
    assert run.post(share_doc(1, round_=4, score=80)).json()["as"] == "after"  # replaces it
    store = run.server.collection.store
    assert isinstance(store, ResultFolder)
    assert store.written == len(list(run.folder.iterdir())) == 2
