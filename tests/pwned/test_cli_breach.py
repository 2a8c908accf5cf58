"""The breach check through the CLI: audit, password check, cache, pwned-data, demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import CANARY_PASSWORD, Result
from tests.pwned.conftest import BREACHED, Fault, HibpServer, sha1

STRONG = "quartz-Lantern-94-meadow-Vessel"


def bitwarden_export(path: Path, logins: dict[str, str]) -> Path:
    items = [
        {
            "id": f"t-{i}",
            "type": 1,
            "name": name,
            "login": {
                "uris": [{"uri": f"https://{name.lower()}.example"}],
                "username": f"user{i}",
                "password": password,
                "totp": None,
            },
        }
        for i, (name, password) in enumerate(logins.items())
    ]
    path.write_text(json.dumps({"encrypted": False, "folders": [], "items": items}))
    return path


def breach_findings(result: Result) -> dict[str, dict[str, object]]:
    report = json.loads(result.out)
    return {f["subject"].split(" ")[0]: f for f in report["findings"] if f["check_id"] == "BR101"}


@pytest.fixture
def export(tmp_path: Path) -> Path:
    return bitwarden_export(
        tmp_path / "bw.json",
        {"Mail": "P@ssw0rd", "Bank": STRONG, "Shop": CANARY_PASSWORD, "Forum": "hunter2"},
    )


def audit(cli, export: Path, *extra: str) -> Result:  # type: ignore[no-untyped-def]
    return cli(  # type: ignore[no-any-return]
        "audit", "--accounts", str(export), "--format", "json", "--no-input", "--quiet", *extra
    )


def test_audit_online(cli, export: Path, hibp_server: HibpServer) -> None:  # type: ignore[no-untyped-def]
    result = audit(cli, export, "--pwned-api-url", hibp_server.url, "--select", "BR101")
    assert result.code == 0, result.err
    found = breach_findings(result)
    assert found["Mail"]["status"] == "fail"
    assert found["Mail"]["severity"] == "high"
    assert found["Forum"]["severity"] == "medium"
    assert found["Bank"]["status"] == "pass"
    assert found["Shop"]["status"] == "pass"
    assert len(hibp_server.requests) == 4
    strict = audit(cli, export, "--pwned-api-url", hibp_server.url, "--fail-on", "high")
    assert strict.code == 1


def test_audit_unreachable_is_incomplete(
    cli, export: Path, hibp_server: HibpServer, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("PRIVAUDIT_PWNED_RETRIES", "1")
    hibp_server.fail(*[Fault("status", 503)] * 50)
    result = audit(cli, export, "--pwned-api-url", hibp_server.url, "--select", "BR101")
    assert result.code == 3
    found = breach_findings(result)
    assert {f["status"] for f in found.values()} == {"error"}
    assert "breach status unknown" in str(found["Mail"]["message"])
    assert "--offline" in str(found["Mail"]["message"])


def test_offline_without_corpus_skips_and_sends_nothing(
    cli, export: Path, hibp_server: HibpServer
) -> None:  # type: ignore[no-untyped-def]
    result = audit(
        cli, export, "--offline", "--pwned-api-url", hibp_server.url, "--select", "BR101"
    )
    assert result.code == 0
    report = json.loads(result.out)
    (finding,) = report["findings"]
    assert finding["status"] == "skip"
    assert "--pwned-corpus" in finding["message"]
    assert hibp_server.requests == []


@pytest.mark.parametrize("form", ["text", "index"])
def test_offline_with_corpus(
    cli, export: Path, hibp_server: HibpServer, tmp_path: Path, form: str
) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "pwned.txt"
    text.write_text("".join(f"{h}:{c}\r\n" for h, c in sorted(hibp_server.corpus.items())))
    corpus = text
    if form == "index":
        built = cli("pwned-data", "build", str(text), str(tmp_path / "pwned.idx"), "--quiet")
        assert built.code == 0, built.err
        corpus = tmp_path / "pwned.idx"
    args = ("--offline", "--pwned-corpus", str(corpus), "--pwned-api-url", hibp_server.url)
    result = audit(cli, export, *args, "--select", "BR101")
    assert result.code == 0, result.err
    found = breach_findings(result)
    assert found["Mail"]["status"] == "fail"
    assert found["Bank"]["status"] == "pass"
    assert hibp_server.requests == []


def test_corpus_from_config(cli, export: Path, tmp_path: Path, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    text = tmp_path / "pwned.txt"
    text.write_text(f"{sha1('P@ssw0rd')}:5\n")
    config = tmp_path / "config.toml"
    config.write_text(f'[pwned]\noffline_corpus = "{text}"\n')
    result = audit(cli, export, "--config", str(config), "--offline", "--select", "BR101")
    assert breach_findings(result)["Mail"]["status"] == "fail"


def test_bad_settings_are_one_line_errors(cli, export: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "config.toml"
    config.write_text("[pwned]\nconcurency = 4\n")
    result = audit(cli, export, "--config", str(config))
    assert result.code == 2
    assert "pwned.concurency" in result.err
    assert audit(cli, export, "--pwned-api-url", "ftp://x").code == 2
    missing = audit(cli, export, "--pwned-corpus", str(tmp_path / "nope.txt"))
    assert missing.code == 2
    assert "not found" in missing.err
    assert "Traceback" not in missing.err
    monkeypatch.setenv("PRIVAUDIT_PWNED_CONCURRENCY", "many")
    assert audit(cli, export).code == 2


def test_cache_and_cache_clear(
    cli, export: Path, hibp_server: HibpServer, isolated_home: Path
) -> None:  # type: ignore[no-untyped-def]
    folder = isolated_home / "cache" / "pwned-range"
    assert audit(cli, export, "--pwned-api-url", hibp_server.url, "--no-cache").code == 0
    assert not folder.exists()
    assert audit(cli, export, "--pwned-api-url", hibp_server.url).code == 0
    # One folder per API base URL (so a mirror's answer never stands in for the API's).
    assert len(list(folder.glob("*/*.range"))) == 4
    before = len(hibp_server.requests)
    assert audit(cli, export, "--pwned-api-url", hibp_server.url).code == 0
    assert len(hibp_server.requests) == before  # every answer came from the cache
    cleared = cli("cache", "clear")
    assert cleared.code == 0
    assert "removed 4" in cleared.out
    assert not list(folder.glob("**/*.range"))


def test_password_check_exit_codes(cli, hibp_server: HibpServer, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    url = ("--pwned-api-url", hibp_server.url)
    ok = cli("password", "check", "--password-stdin", *url, stdin=f"{STRONG}\n".encode())
    assert ok.code == 0, ok.out + ok.err
    assert "breach pass" in ok.out
    assert "strength pass" in ok.out
    bad = cli("password", "check", "--password-stdin", *url, stdin=f"{STRONG}\nP@ssw0rd\n".encode())
    assert bad.code == 1
    assert "password #2: breach fail: seen 52,000 times" in bad.out
    weak_only = cli("password", "check", "--password-stdin", *url, stdin=b"qwertyuiop12\r\n")
    assert weak_only.code == 1
    monkeypatch.setenv("PRIVAUDIT_PWNED_RETRIES", "0")
    hibp_server.fail(*[Fault("status", 500)] * 5)
    unknown = cli(
        "password", "check", "--password-stdin", "--no-cache", *url, stdin=f"{STRONG}\n".encode()
    )
    assert unknown.code == 3
    assert "breach error: breach status unknown" in unknown.out
    # The audit's rule: --offline without a corpus skips the breach check (exit 0 when
    # nothing else failed) and says so, never reading as "not breached".
    offline = cli(
        "password", "check", "--password-stdin", "--offline", stdin=f"{STRONG}\n".encode()
    )
    assert offline.code == 0, offline.out + offline.err
    assert "password #1: breach skip: offline, and no breach corpus" in offline.out
    assert "--pwned-corpus" in offline.out
    assert offline.out.splitlines()[-1] == (
        "1 password checked: breach status not checked, 0 too weak"
    )
    assert "0 breached" not in offline.out
    two = cli(
        "password", "check", "--password-stdin", "--offline", stdin=f"{STRONG}\nP@ssw0rd\n".encode()
    )
    assert two.code == 1  # the weak one still fails
    assert "passwords #1-#2: breach skip:" in two.out
    assert two.out.splitlines()[-1] == "2 passwords checked: breach status not checked, 1 too weak"
    assert bad.out.splitlines()[-1] == "2 passwords checked: 1 breached, 1 too weak"
    assert unknown.out.splitlines()[-1] == (
        "1 password checked: 0 breached, 0 too weak, 1 with unknown breach status"
    )
    assert cli("password", "check", "--password-stdin", stdin=b"").code == 2
    no_tty = cli("password", "check", *url)
    assert no_tty.code == 2
    assert "--password-stdin" in no_tty.err


def test_password_check_site_words(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    corpus = tmp_path / "c.txt"
    corpus.write_text(f"{sha1('P@ssw0rd')}:5\n")
    result = cli(
        "password",
        "check",
        "--password-stdin",
        "--pwned-corpus",
        str(corpus),
        "--site",
        "github.com",
        "--username",
        "octocat",
        stdin=b"octocat-Vessel-meadow-94-quartz\n",
    )
    assert result.code == 1
    assert "site's name or your username" in result.out


def test_pwned_data_build_errors(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "c.txt"
    source.write_text(
        "".join(f"{sha1(p)}:{c}\n" for p, c in sorted(BREACHED.items(), key=lambda x: sha1(x[0])))
    )
    out = tmp_path / "c.idx"
    ok = cli("pwned-data", "build", str(source), str(out), "--quiet")
    assert ok.code == 0, ok.err
    assert "wrote 4 records" in ok.out
    assert cli("pwned-data", "verify", str(out)).code == 0
    again = cli("pwned-data", "build", str(source), str(out))
    assert again.code == 2
    assert "--force" in again.err
    broken = tmp_path / "broken.txt"
    broken.write_text(source.read_text()[:-20])
    result = cli("pwned-data", "build", str(broken), str(tmp_path / "b.idx"), "--quiet")
    assert result.code == 2
    assert "no index was written" in result.err
    assert not any(p.name.startswith((".b.idx", "b.idx")) for p in tmp_path.iterdir())


def test_demo_reports_a_breached_password_offline(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--format", "json")
    assert result.code == 0, result.err
    report = json.loads(result.out)
    breach = [f for f in report["findings"] if f["check_id"] == "BR101"]
    assert any(f["status"] == "fail" for f in breach)
    assert all(f["status"] in ("fail", "pass") for f in breach)
