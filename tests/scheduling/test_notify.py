"""--notify: a JSON summary POSTed to a loopback webhook when things get worse."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import httpx
import pytest

from privaudit.errors import ServiceError
from privaudit.notify import post_summary
from tests.conftest import CANARY_PASSWORD, assert_no_canary
from tests.history.exports import STRONG, STRONG_2, WEAK, write_export
from tests.scheduling.conftest import Receiver


def audit(cli, export: Path, url: str):  # type: ignore[no-untyped-def]
    return cli("audit", "-a", str(export), "--offline", "--no-input", "-f", "json", "--notify", url)


def test_notifies_on_new_serious_findings_and_on_a_drop(
    cli, tmp_path: Path, webhook: Receiver
) -> None:  # type: ignore[no-untyped-def]
    export = write_export(tmp_path / "v.json", {"Gmail": STRONG, "Canary": CANARY_PASSWORD})
    first = audit(cli, export, webhook.url)
    assert first.code == 0, first.err
    assert len(webhook.requests) == 1, "the first run's high findings are new"
    path, headers, body = webhook.requests[0]
    assert path == "/hook/abc"
    assert headers["Content-Type"] == "application/json"
    payload = json.loads(body)
    assert payload["event"] == "privaudit.audit"
    assert payload["previous_score"] is None
    assert any("new high or critical" in r for r in payload["reasons"])
    assert {f["check_id"] for f in payload["new_findings"]} >= {"MFA101"}
    assert set(payload["new_findings"][0]) == {"check_id", "title", "severity", "status", "key"}
    assert b"Gmail" not in body
    assert b"example.com" not in body, "no account names leave the machine"
    assert_no_canary(body)

    second = audit(cli, export, webhook.url)
    assert second.code == 0
    assert len(webhook.requests) == 1, "nothing changed: no notification"
    assert "no notification" in second.err

    write_export(export, {"Gmail": WEAK, "Canary": CANARY_PASSWORD})
    third = audit(cli, export, webhook.url)
    assert third.code == 0
    assert len(webhook.requests) == 2
    payload = json.loads(webhook.requests[1][2])
    assert any(r.startswith("score dropped from") for r in payload["reasons"])
    assert payload["score"]["value"] < payload["previous_score"]
    assert [f["check_id"] for f in payload["new_findings"]] == ["PW101"]
    assert "notification sent" in third.err
    for _, _, sent in webhook.requests:
        assert_no_canary(sent)


def test_retries_a_failing_receiver(cli, tmp_path: Path, webhook: Receiver) -> None:  # type: ignore[no-untyped-def]
    webhook.statuses = [503]
    export = write_export(tmp_path / "v.json", {"Gmail": WEAK})
    result = audit(cli, export, webhook.url)
    assert result.code == 0, result.err
    assert len(webhook.requests) == 2
    assert webhook.requests[0][2] == webhook.requests[1][2]


def test_an_unreachable_webhook_makes_the_run_incomplete(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    export = write_export(tmp_path / "v.json", {"Gmail": WEAK})
    result = audit(cli, export, f"http://127.0.0.1:{port}/hook")
    assert result.code == 3
    assert "the --notify webhook did not accept the summary (ConnectError)" in result.err
    assert str(port) not in result.err, "the URL (it may hold a token) is not printed"
    assert json.loads(result.out)["score"]["value"] is not None


def test_a_refusing_receiver_is_not_retried(webhook: Receiver) -> None:
    webhook.statuses = [400]
    waits: list[float] = []
    with httpx.Client(timeout=5) as client, pytest.raises(ServiceError, match="HTTP 400"):
        post_summary(client, webhook.url, {"a": 1}, sleep=waits.append)
    assert len(webhook.requests) == 1
    assert waits == []


def test_backoff_doubles(webhook: Receiver) -> None:
    webhook.statuses = [500, 502, 503]
    waits: list[float] = []
    with httpx.Client(timeout=5) as client, pytest.raises(ServiceError, match="HTTP 503"):
        post_summary(client, webhook.url, {"a": 1}, sleep=waits.append)
    assert waits == [0.5, 1.0]
    assert len(webhook.requests) == 3


@pytest.mark.parametrize("url", ["ftp://example.com/x", "file:///etc/passwd", "hooks.test/x"])
def test_only_http_urls(cli, url: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--no-input", "--notify", url)
    assert result.code == 2
    assert "--notify needs an http:// or https:// URL" in result.err


def test_no_notification_for_demo(cli, webhook: Receiver) -> None:  # type: ignore[no-untyped-def]
    assert cli("audit", "--demo", "--notify", webhook.url).code == 2
    assert webhook.requests == []


def test_strong_passwords_everywhere_do_not_notify_twice(
    cli, tmp_path: Path, webhook: Receiver
) -> None:  # type: ignore[no-untyped-def]
    export = write_export(tmp_path / "v.json", {"Gmail": STRONG, "GitHub": STRONG_2})
    audit(cli, export, webhook.url)
    audit(cli, export, webhook.url)
    assert len(webhook.requests) == 1
