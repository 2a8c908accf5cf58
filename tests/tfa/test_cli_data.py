"""`privaudit data update/status` against a real loopback server."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from privaudit.tfa.store import stored_path
from tests.conftest import run_privaudit
from tests.tfa.conftest import LoopbackServer, Route, v3_entries

GOOD = json.dumps(v3_entries(20)).encode()


@pytest.fixture(autouse=True)
def _small_minimum(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVAUDIT_TFA_MIN_ENTRIES", "10")


def _update(cli, loopback: LoopbackServer, path: str):  # type: ignore[no-untyped-def]
    return cli("data", "update", "--url", loopback.url + path)


def test_update_stores_a_validated_copy_atomically_and_privately(
    cli, loopback: LoopbackServer
) -> None:  # type: ignore[no-untyped-def]
    loopback.routes["/v3/all.json"] = Route(body=GOOD)
    result = _update(cli, loopback, "/v3/all.json")
    assert result.code == 0, result.err
    assert "20 services" in result.out
    path = stored_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    doc = json.loads(path.read_bytes())
    assert doc["url"].endswith("/v3/all.json")
    assert doc["entries"] == 20
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left
    assert b"privaudit/" in loopback.requests[0]  # a descriptive User-Agent
    status = cli("data", "status")
    assert "downloaded " in status.out
    assert "20 services" in status.out


def test_v4_object_is_accepted(cli, loopback: LoopbackServer) -> None:  # type: ignore[no-untyped-def]
    v4 = {f"site{i}.test": {"methods": ["totp"]} for i in range(12)}
    loopback.routes["/v4/all.json"] = Route(body=json.dumps(v4).encode())
    assert _update(cli, loopback, "/v4/all.json").code == 0


@pytest.mark.parametrize(
    ("route", "message", "code"),
    [
        # What the service sent is not the dataset: check the URL (2).
        (Route(body=GOOD[: len(GOOD) // 2]), "not valid JSON", 2),
        (Route(body=json.dumps(v3_entries(3)).encode()), "usable entries", 2),
        (Route(body=b"<html>captive portal</html>"), "not valid JSON", 2),
        (Route(body=b'{"a.test": "x", "b.test": 1}'), "usable entries", 2),
        # The service failed on the way: try again later (3).
        (Route(body=GOOD[: len(GOOD) // 2], content_length=len(GOOD)), "failed", 3),
        (Route(status=500, body=b"oops"), "HTTP 500", 3),
    ],
)
def test_bad_downloads_never_replace_a_good_copy(
    cli, loopback: LoopbackServer, route: Route, message: str, code: int
) -> None:  # type: ignore[no-untyped-def]
    loopback.routes["/good"] = Route(body=GOOD)
    assert _update(cli, loopback, "/good").code == 0
    before = stored_path().read_bytes()
    loopback.routes["/bad"] = route
    result = _update(cli, loopback, "/bad")
    assert result.code == code
    assert message in result.err
    assert "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert stored_path().read_bytes() == before
    assert [p.name for p in stored_path().parent.iterdir()] == [stored_path().name]


def test_unreachable_server_is_one_line(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("data", "update", "--url", "http://127.0.0.1:9/all.json", "--timeout", "2")
    assert result.code == 3  # unreachable: try again later
    assert "failed" in result.err
    assert "unchanged" in result.err
    assert not stored_path().exists()


@pytest.mark.parametrize("url", ["http://example.com/all.json", "ftp://127.0.0.1/x", "nonsense"])
def test_plain_http_only_to_localhost(cli, url: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("data", "update", "--url", url)
    assert result.code == 2
    assert "https" in result.err


def test_url_comes_from_settings(
    cli, loopback: LoopbackServer, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    loopback.routes["/cfg"] = Route(body=GOOD)
    monkeypatch.setenv("PRIVAUDIT_TFA_URL", loopback.url + "/cfg")
    assert cli("data", "update").code == 0


def test_audit_uses_the_downloaded_copy_and_names_it(
    cli, loopback: LoopbackServer, write_export
) -> None:  # type: ignore[no-untyped-def]
    loopback.routes["/good"] = Route(body=GOOD)
    assert _update(cli, loopback, "/good").code == 0
    export = write_export([{"name": "Mail", "uri": "https://www.examplemail.test"}])
    result = cli("audit", "--accounts", str(export), "--format", "json", "--select", "MFA101")
    report = json.loads(result.out)
    assert report["inputs"]["datasets"]["2fa"].startswith("downloaded ")
    (finding,) = report["findings"]
    assert finding["status"] == "fail"
    assert finding["severity"] == "critical"


def test_a_damaged_copy_falls_back_to_builtin_with_a_notice(cli, write_export) -> None:  # type: ignore[no-untyped-def]
    path = stored_path()
    path.parent.mkdir(parents=True)
    path.write_text("{broken")
    export = write_export([{"name": "Gmail", "uri": "https://gmail.com"}])
    result = cli("audit", "--accounts", str(export), "--format", "json", "--select", "MFA101")
    report = json.loads(result.out)
    assert report["inputs"]["datasets"]["2fa"].startswith("built-in ")
    assert any("built-in dataset instead" in n for n in report["notices"])


def test_forcing_the_builtin_dataset(cli, write_export, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "c.toml"
    config.write_text('[tfa]\ndataset = "built-in"\n')
    export = write_export([{"name": "Gmail", "uri": "https://gmail.com"}])
    result = cli("audit", "-c", str(config), "-a", str(export), "-f", "json", "--select", "MFA")
    assert json.loads(result.out)["inputs"]["datasets"]["2fa"].startswith("built-in")
    config.write_text('[tfa]\ndataset = "sometimes"\n')
    bad = cli("audit", "-c", str(config), "-a", str(export))
    assert bad.code == 2
    assert "tfa.dataset" in bad.err


def test_real_process_refuses_a_partial_download(loopback: LoopbackServer) -> None:
    loopback.routes["/cut"] = Route(body=GOOD[:100], content_length=len(GOOD))
    result = run_privaudit(
        "data", "update", "--url", loopback.url + "/cut", env={"PRIVAUDIT_TFA_MIN_ENTRIES": "10"}
    )
    assert result.code == 3  # cut off on the way: try again later
    assert result.err.startswith("privaudit: error: ")
    assert "Traceback" not in result.err
    assert not stored_path().exists()


def test_update_from_a_local_snapshot_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = tmp_path / "all.json"
    snapshot.write_bytes(GOOD)
    result = cli("data", "update", "--file", str(snapshot))
    assert result.code == 0, result.err
    assert "20 services" in result.out
    doc = json.loads(stored_path().read_bytes())
    assert doc["url"] == snapshot.resolve().as_uri()
    assert stat.S_IMODE(stored_path().stat().st_mode) == 0o600
    again = cli("data", "update", "--url", snapshot.resolve().as_uri())
    assert again.code == 0, again.err


def test_the_real_snapshot_loads_from_a_file(cli, shared_dir: Path) -> None:  # type: ignore[no-untyped-def]
    snapshot = shared_dir / "real-data" / "2fa-directory-v3-all.json"
    if not snapshot.is_file():
        pytest.skip("the 2fa.directory snapshot is not in ../shared/real-data")
    result = cli("data", "update", "--file", str(snapshot))
    assert result.code == 0, result.err
    assert "2566 services" in result.out
    status = cli("data", "status")
    assert "(2566 services)" in status.out
    assert snapshot.resolve().as_uri() in status.out


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (GOOD[: len(GOOD) // 2], "not valid JSON"),
        (json.dumps(v3_entries(3)).encode(), "usable entries"),
        (b"\xff\xfe\x00garbage", "not valid JSON"),
    ],
)
def test_a_bad_local_snapshot_is_refused_like_a_bad_download(
    cli, tmp_path: Path, body: bytes, message: str
) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.json"
    good.write_bytes(GOOD)
    assert cli("data", "update", "--file", str(good)).code == 0
    before = stored_path().read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_bytes(body)
    result = cli("data", "update", "--file", str(bad))
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err
    assert stored_path().read_bytes() == before  # nothing half-written


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--file", "/nonexistent/all.json"), "not found"),
        (("--file", "/"), "folder"),
        (("--url", "file://otherhost/all.json"), "another machine"),
        (("--file", "x.json", "--url", "https://example.com/all.json"), "not both"),
    ],
)
def test_local_snapshot_usage_errors(cli, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("data", "update", *args)
    assert result.code == 2
    assert message in result.err


def test_a_local_snapshot_gets_the_same_review_as_a_download(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    good = tmp_path / "good.json"
    good.write_bytes(GOOD)
    assert cli("data", "update", "--file", str(good)).code == 0
    before = stored_path().read_bytes()
    entries = v3_entries(20)
    entries[0][1] = {**entries[0][1], "tfa": []}  # "Example Mail no longer offers 2FA"
    worse = tmp_path / "worse.json"
    worse.write_bytes(json.dumps(entries).encode())
    refused = cli("data", "update", "--file", str(worse))
    assert refused.code == 2
    assert "refused" in refused.err and "--accept-changes" in refused.err
    assert stored_path().read_bytes() == before
    accepted = cli("data", "update", "--file", str(worse), "--accept-changes")
    assert accepted.code == 0, accepted.err
