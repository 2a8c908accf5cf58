"""Recording, attachments, exports and notices, through the CLI."""

from __future__ import annotations

import json
import socket
import stat
from pathlib import Path

import pytest


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("incident commands must not touch the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_entry_fields_and_private_files(cli, filled_log: Path, tmp_path: Path) -> None:
    entries = [json.loads(line) for line in (filled_log / "log.jsonl").read_text().splitlines()]
    first = entries[0]
    assert first["type"] == "add" and first["seq"] == 1 and first["prev"] == "0" * 64
    assert first["time"].endswith("Z")
    assert first["platform"] == "instagram" and first["handle"] == "@someone1"
    [attachment] = first["attachments"]
    data = (tmp_path / "screenshot.png").read_bytes()
    import hashlib

    assert attachment == {
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
        "kept": True,
    }
    copy = filled_log / "evidence" / f"{attachment['sha256']}.png"
    assert copy.read_bytes() == data
    for path in [filled_log, filled_log / "evidence"]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    for path in [
        copy,
        filled_log / "log.jsonl",
        filled_log / "head.json",
        filled_log / "signing-key.pem",
    ]:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_hash_only_and_minor_keep_no_copy(cli, tmp_path: Path, log_dir: Path) -> None:
    shot = tmp_path / "shot.jpg"
    shot.write_bytes(b"fake image bytes")
    assert (
        cli(
            "incident", "add", "--url", "https://a.example/1", "--file", str(shot), "--hash-only"
        ).code
        == 0
    )
    result = cli("incident", "add", "--url", "https://a.example/2", "--file", str(shot), "--minor")
    assert result.code == 0 and "takeitdown" in result.out
    assert not (log_dir / "evidence").exists()
    entries = [json.loads(x) for x in (log_dir / "log.jsonl").read_text().splitlines()]
    assert [e["attachments"][0]["kept"] for e in entries] == [False, False]
    assert entries[1]["minor"] is True


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--url", "example.com/post"], "starting with https://"),
        (["--url", "javascript:alert(1)"], "not a web address"),
        (
            ["--url", "https://a.example/", "--file", "/nonexistent/shot.png"],
            "cannot read attachment",
        ),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    cli, log_dir: Path, args: list[str], message: str
) -> None:
    result = cli("incident", "add", *args)
    assert result.code == 2
    assert message in result.err and result.err.count("\n") == 1
    assert not (log_dir / "log.jsonl").exists()


def test_exports_hold_hashes_times_and_where_to_report(
    cli, filled_log: Path, no_network: None
) -> None:
    cli("incident", "update", "1", "--status", "reported", "--case-number", "IG-77")
    doc = json.loads(cli("incident", "export", "--format", "json").out)
    assert doc["verification"]["ok"] is True
    assert len(doc["entries"]) == 5 and doc["minor_warning"] is None
    assert [p["platform"] for p in doc["where_to_report"]] == ["Instagram"]
    assert doc["reporting_table_reviewed"]
    csv_text = cli("incident", "export", "--format", "csv").out
    assert csv_text.splitlines()[0].startswith("seq,type,time,url")
    assert "'@someone1" in csv_text  # spreadsheet-formula safe
    html = cli("incident", "export", "--format", "html").out
    assert "default-src 'none'" in html and "all 5 entries verify" in html
    assert "IG-77" in html and "help.instagram.com" in html
    assert "<img" not in html and "data:" not in html


def test_html_export_escapes_what_the_user_typed(cli, log_dir: Path) -> None:
    cli("incident", "add", "--url", "https://a.example/<script>", "--note", "<b>hi</b> & [/bold]",
        "--handle", "\x1b[31mred")  # fmt: skip
    html = cli("incident", "export").out
    assert "<script>" not in html and "<b>hi</b>" not in html
    assert "&lt;b&gt;hi&lt;/b&gt; &amp; [/bold]" in html
    assert "\x1b" not in html


def test_export_filters_by_platform_and_warns_about_minors(cli, log_dir: Path) -> None:
    cli("incident", "add", "--url", "https://a.example/1", "--platform", "reddit", "--minor")
    cli("incident", "add", "--url", "https://b.example/2", "--platform", "x")
    result = cli("incident", "export", "--format", "json", "--platform", "reddit")
    doc = json.loads(result.out)
    assert [e["url"] for e in doc["entries"]] == ["https://a.example/1"]
    assert "Take It Down" in doc["minor_warning"] and "under 18" in result.err
    assert [p["platform"] for p in doc["where_to_report"]] == ["Reddit"]


def test_export_of_a_tampered_log_says_so_and_exits_1(cli, filled_log: Path) -> None:
    lines = (filled_log / "log.jsonl").read_bytes().splitlines(keepends=True)
    (filled_log / "log.jsonl").write_bytes(b"".join(lines[:-1]))
    result = cli("incident", "export", "--format", "json")
    assert result.code == 1
    assert json.loads(result.out)["verification"]["ok"] is False
    assert "does not verify" in result.err


def test_notice_has_every_dmca_element(cli, filled_log: Path) -> None:
    result = cli("incident", "notice", "--platform", "Instagram")
    assert result.code == 0
    text = result.out
    elements = [
        "(i) Signature",
        "(ii) The copyrighted work",
        "(iii) The infringing material",
        "(iv) How to contact me",
        "(v) I have a good faith belief",
        "(vi) The information in this notice is accurate, and under penalty of perjury",
    ]
    for element in elements:
        assert element in text
    assert "https://example.com/post/3" in text and "48 hours" in text
    assert "512(c)(3)(A)" in text


def test_notice_for_an_unknown_platform_lists_the_known_ones(cli) -> None:
    result = cli("incident", "notice", "--platform", "myspace")
    assert result.code == 2 and "known: google" in result.err


def test_commands_work_offline(cli, filled_log: Path, no_network: None) -> None:
    for args in (["list"], ["verify"], ["export"], ["notice", "--platform", "reddit"]):
        assert cli("incident", *args).code == 0, args
    assert cli("incident", "add", "--url", "https://a.example/x").code == 0
