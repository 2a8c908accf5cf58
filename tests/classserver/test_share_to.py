"""`privaudit audit --share-to URL --code CODE` against a real class server on loopback."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from privaudit.classserver.client import answer, check_code, share_url
from privaudit.errors import UsageError
from privaudit.exitcodes import ExitCode
from tests.classserver.conftest import CODE, Running
from tests.cli.test_canary import bitwarden_export
from tests.conftest import assert_no_canary, files_under


def test_share_to_sends_the_demo_result_and_says_so_in_one_line(serve: Any, cli: Any) -> None:
    run: Running = serve()
    result = cli("audit", "--demo", "--share-to", run.url + "/", "--code", "kmt-3rx")
    assert result.code == 0, result.err
    assert result.err.strip().splitlines()[-1] == "Your result reached the class. Thank you!"
    docs = run.server.collection.documents()
    assert len(docs) == 1
    assert docs[0]["kind"] == "privaudit-share"
    quiet = cli("audit", "--demo", "--share-to", run.url, "--code", CODE, "--quiet")
    assert quiet.code == 0
    assert quiet.err == ""  # a delivered result needs no line under --quiet


def test_share_to_never_carries_a_secret_or_an_account_name(
    serve: Any, cli: Any, tmp_path: Path
) -> None:
    run: Running = serve()
    export = bitwarden_export(tmp_path / "vault.json")
    result = cli(
        "audit", "--accounts", str(export), "--offline", "--format", "json",
        "--share-to", run.url, "--code", CODE,
    )  # fmt: skip
    # A room without internet: offline means no lookups, and the class server is on the LAN.
    assert result.code in (0, 1), result.err
    assert "reached the class" in result.err
    offline_docs = run.server.collection.documents()
    assert len(offline_docs) == 1
    assert_no_canary(json.dumps(offline_docs))
    result = cli(
        "audit", "--accounts", str(export), "--format", "json",
        "--share-to", run.url, "--code", CODE,
    )  # fmt: skip
    assert result.code in (0, 1, 3), result.err
    docs = run.server.collection.documents()
    assert len(docs) in (1, 2)
    sent = json.dumps(docs)
    assert_no_canary(sent, *(p.read_bytes() for p in files_under(run.folder)))
    for name in ("Canary Mail", "Canary Shop", "canary@example.org", "example.org"):
        assert name.lower() not in sent.lower()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--code", CODE), "--code goes with --share FILE or --share-to URL"),
        (("--share-to", "http://127.0.0.1:9/"), "go together"),
        (("--share-to", "ftp://x/", "--code", CODE), "--share-to needs"),
        (("--share-to", "http://127.0.0.1:9/", "--code", "0OIL"), "is not a join code"),
    ],
)
def test_share_to_usage_errors_exit_2_before_any_work(
    cli: Any, args: tuple[str, ...], message: str
) -> None:
    result = cli("audit", "--demo", *args)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert result.out == ""


def test_a_wrong_code_or_an_unreachable_server_is_an_error_line(serve: Any, cli: Any) -> None:
    run: Running = serve()
    wrong = cli("audit", "--demo", "--quiet", "--share-to", run.url, "--code", "KMT3RA")
    assert wrong.code == 2
    assert "did not accept the join code" in wrong.err
    gone = cli("audit", "--demo", "--quiet", "--share-to", "http://127.0.0.1:9/", "--code", CODE)
    assert gone.code == 3  # a network failure is never silence, nor "done"
    assert "Could not reach the class server at http://127.0.0.1:9/share" in gone.err
    assert run.server.collection.documents() == []


def test_every_answer_has_its_line_and_exit_code() -> None:
    assert answer(201, "", {}).exit_code is ExitCode.OK
    assert answer(409, "duplicate", {}).exit_code is ExitCode.OK  # it is there already
    assert answer(409, "stale", {}).exit_code is ExitCode.USAGE
    assert answer(403, "wrong-code", {}).exit_code is ExitCode.USAGE
    assert answer(401, "no-code", {}).exit_code is ExitCode.USAGE
    busy = answer(429, "rate-limited", {"retry-after": "12"})
    assert busy.exit_code is ExitCode.INCOMPLETE
    assert "12 seconds" in busy.message
    assert answer(503, "full", {}).exit_code is ExitCode.INCOMPLETE
    assert answer(413, "too-large", {}).exit_code is ExitCode.USAGE
    assert answer(500, "", {}).exit_code is ExitCode.INCOMPLETE


def test_urls_and_codes_as_learners_type_them() -> None:
    assert share_url("http://192.168.1.20:8765") == "http://192.168.1.20:8765/share"
    assert share_url(" http://192.168.1.20:8765/ ") == "http://192.168.1.20:8765/share"
    assert share_url("http://[fe80::1]:8765/share/") == "http://[fe80::1]:8765/share"
    assert check_code("kmt-3rx") == "KMT3RX"
    for bad in ("192.168.1.20:8765", "file:///etc/passwd", "http://"):
        with pytest.raises(UsageError):
            share_url(bad)


def test_share_and_share_to_carry_the_same_document(serve: Any, cli: Any, tmp_path: Path) -> None:
    run: Running = serve()
    share = tmp_path / "share.json"
    result = cli("audit", "--demo", "--share", str(share), "--share-to", run.url, "--code", CODE)
    assert result.code == 0, result.err
    [received] = run.server.collection.documents()
    assert json.loads(share.read_bytes()) == received
    assert received["learner"] and received["round"] == 1
    # The same result again is this device's next round, but a copy: not an "after".
    again = cli("audit", "--demo", "--share-to", run.url, "--code", CODE)
    assert again.code == 0, again.err
    assert "already" in again.err
    assert [d["round"] for d in run.server.collection.documents()] == [1]
    assert len(run.accepted) == 1
