"""Range answers that must never read as "not breached", caps, the cache's key,
and the network settings users rely on — each on the real loopback server.

Each test here reproduces a finding of the reliability review (issue 17): a
malformed, repeated, truncated, oversized or foreign answer made breached
passwords PASS; the cache ignored which server answered; plain http to another
host went unnoticed; the range client ignored SSL_CERT_FILE and proxies.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from privaudit.errors import UsageError
from privaudit.pwned.cache import RangeCache
from privaudit.pwned.factory import check_api_url
from privaudit.pwned.lookup import LookupFailure
from privaudit.pwned.online import OnlineLookup
from privaudit.pwned.transport import proxy_for
from privaudit.settings import PwnedSettings
from tests.conftest import CANARY_PASSWORD, assert_no_canary
from tests.pwned.conftest import (
    BREACHED,
    Fault,
    HibpServer,
    SleepRecorder,
    _handler,
    _Quiet,
    fetcher_for,
    make_corpus,
    sha1,
)
from tests.pwned.test_cli_breach import STRONG, audit, bitwarden_export, breach_findings

PW = "P@ssw0rd"
SUFFIX = sha1(PW)[5:]
CANARY_SUFFIX = sha1(CANARY_PASSWORD)[5:]


def one(server: HibpServer, sleeps: SleepRecorder, password: str = PW, **kw: object) -> object:
    fetcher = fetcher_for(server, sleeps, **kw)
    return asyncio.run(OnlineLookup(fetcher).lookup([sha1(password)]))[sha1(password)]


def unknown(result: object, *words: str) -> str:
    assert isinstance(result, LookupFailure), f"expected unknown, got {result!r}"
    for word in words:
        assert word in result.reason, result.reason
    assert SUFFIX not in result.reason and CANARY_SUFFIX not in result.reason
    return result.reason


@pytest.fixture
def export(tmp_path: Path) -> Path:
    logins = {"Mail": PW, "Bank": STRONG, "Shop": CANARY_PASSWORD, "Forum": "hunter2"}
    return bitwarden_export(tmp_path / "bw.json", logins)


def rewrite(fn):  # type: ignore[no-untyped-def]
    return Fault("rewrite", rewrite=fn)


# ------------------------------------------------------------------ malformed answers


def test_short_suffixes_after_a_valid_first_line(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: ls[:1] + [line[5:] for line in ls[1:]]))
    unknown(one(hibp_server, sleeps), "line 2 is not SUFFIX:COUNT")


@pytest.mark.parametrize("count", ["-42", "1A", "", "4 2", "+3", "0x10", "1e3", "٣"])
def test_a_count_that_is_not_decimal(hibp_server: HibpServer, sleeps, count: str) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: [f"{CANARY_SUFFIX}:{count}", *ls]))
    unknown(one(hibp_server, sleeps, CANARY_PASSWORD), "line 1")


def test_a_zero_copy_of_a_breached_line_first(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: [f"{SUFFIX}:0", *ls]))
    unknown(one(hibp_server, sleeps), "repeats a suffix")


def test_a_repeated_suffix_anywhere(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: [*ls, ls[0]]))
    unknown(one(hibp_server, sleeps), "repeats a suffix")


def test_html_after_valid_lines(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    page = ["<html><body>", "<p>Session expired</p>", "</body></html>"]
    hibp_server.fail(rewrite(lambda ls: ls[:1] + page))
    unknown(one(hibp_server, sleeps), "HTML")


def test_a_body_cut_mid_line_without_content_length(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    cut = Fault("rewrite", rewrite=lambda ls: "\r\n".join(ls).encode()[:-7], close_delimited=True)
    hibp_server.fail(cut)
    unknown(one(hibp_server, sleeps), "mid-line")


def test_a_whole_close_delimited_answer_is_read(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(Fault("rewrite", rewrite=lambda ls: ls, close_delimited=True))
    assert one(hibp_server, sleeps) == BREACHED[PW]


def test_a_body_shorter_than_its_content_length(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    short = Fault("rewrite", rewrite=lambda ls: ls, short_by=40)
    hibp_server.fail(short, short)
    unknown(one(hibp_server, sleeps, retries=1), "before the answer was complete", "2 attempts")


def test_an_empty_answer(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: b""))
    unknown(one(hibp_server, sleeps), "empty")


def test_every_answer_of_a_run_is_checked(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    # One bad answer among many: only its prefix is unknown, every other is counted.
    hibp_server.fail(rewrite(lambda ls: [*ls, "junk"]), prefix=sha1(PW)[:5])
    fetcher = fetcher_for(hibp_server, sleeps)
    passwords = [PW, "hunter2", "Summer2024!", "password"]
    result = asyncio.run(OnlineLookup(fetcher).lookup([sha1(p) for p in passwords]))
    unknown(result[sha1(PW)], "line")
    assert [result[sha1(p)] for p in passwords[1:]] == [BREACHED[p] for p in passwords[1:]]


def test_lower_case_and_lf_answers_are_accepted(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: "\n".join(ls).lower().encode() + b"\n"))
    assert one(hibp_server, sleeps) == BREACHED[PW]


# ------------------------------------------------------------------ size caps


def test_a_body_over_the_size_cap(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: ls * 1 + [f"{i:035X}:1" for i in range(3000)]))
    unknown(one(hibp_server, sleeps, max_body_bytes=64 * 1024), "size limit")


def test_a_gzip_answer_is_decoded(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(Fault("rewrite", rewrite=lambda ls: ls, gzip=True))
    assert one(hibp_server, sleeps) == BREACHED[PW]


def test_a_gzip_bomb_stops_at_the_cap(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    bomb = gzip.compress(b"0" * (64 << 20), compresslevel=9)  # 64 MiB in ~64 KB
    assert len(bomb) < 100_000
    hibp_server.fail(Fault("rewrite", gzip=True, raw_gzip=bomb))
    unknown(one(hibp_server, sleeps), "size limit")


def test_corrupt_gzip(hibp_server: HibpServer, sleeps) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(Fault("rewrite", gzip=True, raw_gzip=b"\x1f\x8b\x08\x00garbage"))
    unknown(one(hibp_server, sleeps), "gzip")


# ------------------------------------------------------------------ the CLI: exit 3, reason shown


def test_a_malformed_answer_is_an_error_in_the_report(cli, export, hibp_server: HibpServer) -> None:  # type: ignore[no-untyped-def]
    hibp_server.fail(rewrite(lambda ls: [*ls, "<html>"]), prefix=sha1(PW)[:5])
    result = audit(cli, export, "--pwned-api-url", hibp_server.url, "--select", "BR101")
    assert result.code == 3, result.err
    found = breach_findings(result)
    assert found["Mail"]["status"] == "error"
    assert "cannot be trusted" in json.dumps(found["Mail"])
    assert found["Forum"]["status"] == "fail"  # other prefixes still answered


def test_a_malformed_line_of_the_canary_never_reaches_the_report(
    cli, export, hibp_server: HibpServer
) -> None:  # type: ignore[no-untyped-def]
    bad = rewrite(lambda ls: [*ls, f"{CANARY_SUFFIX}:-42"])
    for fmt in ("json", "terminal"):
        hibp_server.fail(bad, prefix=sha1(CANARY_PASSWORD)[:5])
        result = cli("audit", "--accounts", str(export), "--format", fmt, "--no-input",
                     "--quiet", "--no-cache", "--pwned-api-url", hibp_server.url)  # fmt: skip
        assert result.code == 3, result.err
        assert_no_canary(result.out, result.err, canaries=(CANARY_PASSWORD, CANARY_SUFFIX))


# ------------------------------------------------------------------ the cache's key


def test_the_cache_is_keyed_by_api_url(sleeps, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with serve(HibpServer(corpus=make_corpus())) as real, serve(HibpServer(corpus={})) as mirror:
        mirror.filler = 5  # a mirror that lacks the breached line
        root = tmp_path / "cache"
        first = one(mirror, sleeps, cache=RangeCache(root, mirror.url))
        assert first == 0
        second = one(real, sleeps, cache=RangeCache(root, real.url))
        assert second == BREACHED[PW]  # not the mirror's cached answer
        assert len(real.requests) == 1
        assert one(mirror, sleeps, cache=RangeCache(root, mirror.url)) == 0
        assert len(mirror.requests) == 1  # its own entry served it
        assert len(list(root.rglob("*.range"))) == 2


def test_an_entry_of_another_api_or_a_tampered_entry_is_not_used(
    hibp_server: HibpServer, sleeps, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    cache = RangeCache(tmp_path / "cache", hibp_server.url)
    assert one(hibp_server, sleeps, cache=cache) == BREACHED[PW]
    entry = cache.folder / f"{sha1(PW)[:5]}.range"
    head, body = entry.read_bytes().split(b"\n", 1)
    meta = json.loads(head)
    # A planted answer that claims the password is clean: a :0 line first.
    entry.write_bytes(head + b"\n" + f"{SUFFIX}:0\r\n".encode() + body)
    assert one(hibp_server, sleeps, cache=cache) == BREACHED[PW]
    # An entry recorded for another API, copied into this API's folder.
    meta["api"] = "https://mirror.example"
    entry.write_bytes(json.dumps(meta).encode() + b"\n" + f"{SUFFIX}:0".encode())
    assert one(hibp_server, sleeps, cache=cache) == BREACHED[PW]
    assert len(hibp_server.requests) == 3


# ------------------------------------------------------------------ plain http, TLS roots, proxies


def test_plain_http_to_another_host_needs_consent(cli, export) -> None:  # type: ignore[no-untyped-def]
    result = audit(cli, export, "--pwned-api-url", "http://pwned.example.org")
    assert result.code == 2
    assert result.err.count("\n") == 1
    assert "--allow-insecure-url" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://pwned.example.org", True),
        ("http://127.0.0.1:8000", True),
        ("http://[::1]:8000", True),
        ("http://localhost:8000", True),
        ("http://pwned.example.org", False),
        ("http://10.0.0.5", False),
    ],
)
def test_which_urls_need_consent(url: str, allowed: bool) -> None:
    if allowed:
        check_api_url(PwnedSettings(api_url=url))
    else:
        with pytest.raises(UsageError, match="allow-insecure-url"):
            check_api_url(PwnedSettings(api_url=url))
        check_api_url(PwnedSettings(api_url=url, allow_insecure_url=True))


def test_the_proxy_settings_are_honoured(cli, export, hibp_server: HibpServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # The loopback server stands in for a corporate proxy: requests reach it in
    # absolute form, for a host that does not exist.
    monkeypatch.setenv("HTTP_PROXY", hibp_server.url)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    api = "http://pwned.invalid"
    result = audit(cli, export, "--pwned-api-url", api, "--allow-insecure-url", "--select", "BR101")
    assert result.code == 0, result.err
    assert breach_findings(result)["Mail"]["status"] == "fail"
    assert hibp_server.requests
    assert all(r.line.startswith("GET http://pwned.invalid/range/") for r in hibp_server.requests)
    monkeypatch.setenv("NO_PROXY", "pwned.invalid")
    assert proxy_for(api) is None


def test_no_proxy_for_loopback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    assert proxy_for("https://api.pwnedpasswords.com") == "http://proxy.example:3128"
    assert proxy_for("http://127.0.0.1:9000") is None


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[tuple[HibpServer, Path]]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    with serve(HibpServer(corpus=make_corpus()), tls=context) as server:
        yield server, cert


def test_ssl_cert_file_is_honoured(tls_server, sleeps, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    server, cert = tls_server
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    unknown(one(server, sleeps, retries=0), "certificate", "not trusted")
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    assert one(server, sleeps) == BREACHED[PW]
    # Many workers on one shared transport (HTTP/2 where offered; this server has 1.1).
    fetcher = fetcher_for(server, sleeps, concurrency=12, streams_per_connection=6)
    passwords = [*BREACHED, *(f"tls-{i}" for i in range(40))]
    result = asyncio.run(OnlineLookup(fetcher).lookup([sha1(p) for p in passwords]))
    assert [result[sha1(p)] for p in BREACHED] == list(BREACHED.values())
    assert all(result[sha1(f"tls-{i}")] == 0 for i in range(40))


class serve:  # used as a context manager, like open()
    """A second loopback server (the fixture gives one), optionally over TLS."""

    def __init__(self, state: HibpServer, tls: ssl.SSLContext | None = None) -> None:
        self.state = state
        self.httpd = _Quiet(("127.0.0.1", 0), _handler(state))
        self.httpd.daemon_threads = True
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        scheme, host = ("https", "localhost") if tls else ("http", "127.0.0.1")
        state.url = f"{scheme}://{host}:{self.httpd.server_address[1]}"

    def __enter__(self) -> HibpServer:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self.state

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
