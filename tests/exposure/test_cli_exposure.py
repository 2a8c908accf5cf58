"""End to end through the CLI: data update against the loopback server, EXP101 from the
downloaded catalogue, --check-emails with real keys and faults, the canary on the wire,
and the demo's site-breach finding and passkey suggestion with no network."""

from __future__ import annotations

import hashlib
import json
import stat
from pathlib import Path
from typing import Any

import pytest

from privaudit.exposure.store import stored_path
from privaudit.render import format_names
from tests.conftest import CANARY_PASSWORD, assert_no_canary, files_under, run_privaudit
from tests.exposure.conftest import GOOD_KEY, ExposureServer

ROOT = Path(__file__).resolve().parents[2]
ADDRESS = "sam.canary@example.org"


def export(path: Path) -> Path:
    def item(name: str, url: str, user: str, password: str, changed: str | None) -> dict[str, Any]:
        return {
            "type": 1,
            "name": name,
            "revisionDate": "2024-01-01T00:00:00.000Z",
            "login": {
                "uris": [{"uri": url}],
                "username": user,
                "password": password,
                "passwordRevisionDate": changed,
            },
        }

    items = [
        item(
            "Canary Filler",
            "https://www.filler3.test/login",
            ADDRESS,
            CANARY_PASSWORD,
            "2010-01-01T00:00:00Z",
        ),
        item(
            "Canary Adobe",
            "https://account.adobe.com",
            ADDRESS,
            "another-Pw-9f8e7d",
            "2020-01-01T00:00:00Z",
        ),
        item("Canary Forum", "https://forum.example.net", "someone", CANARY_PASSWORD, None),
    ]
    path.write_text(json.dumps({"encrypted": False, "items": items}))
    return path


def key_file(tmp_path: Path, key: str = GOOD_KEY) -> Path:
    path = tmp_path / "hibp.key"
    path.write_text(key + "\n")
    path.chmod(0o600)
    return path


def findings(report: str, check: str) -> dict[str, dict[str, Any]]:
    return {f["subject"]: f for f in json.loads(report)["findings"] if f["check_id"] == check}


def update(cli, server: ExposureServer):  # type: ignore[no-untyped-def]
    return cli(
        "data",
        "update",
        "--breaches-url",
        server.api + "/breaches",
        "--passkeys-url",
        server.url + "/passkeys/all.json",
    )


def test_data_update_stores_both_and_the_audit_uses_them(
    cli, exposure_server: ExposureServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    result = update(cli, exposure_server)
    assert result.code == 0, result.err
    assert "breach catalogue updated: 333 breaches" in result.out
    assert "passkeys directory updated:" in result.out
    for kind in ("breaches", "passkeys"):
        path = stored_path(kind)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert {r.path for r in exposure_server.requests} == {"/api/v3/breaches", "/passkeys/all.json"}
    assert all("privaudit/" in dict(r.headers)["User-Agent"] for r in exposure_server.requests)
    status = cli("data", "status")
    assert "HIBP catalogue of 333 breaches, downloaded" in status.out

    audit = cli("audit", "--accounts", str(export(tmp_path / "e.json")), "-f", "json", "--offline")
    exp = findings(audit.out, "EXP101")
    # filler3.test exists only in the downloaded catalogue.
    assert exp[f"Canary Filler ({ADDRESS})"]["status"] == "fail"
    assert exp[f"Canary Adobe ({ADDRESS})"]["status"] == "pass"
    assert "downloaded" in json.loads(audit.out)["inputs"]["datasets"]["breaches"]


def test_a_partial_catalogue_is_refused_and_the_stored_copy_kept(
    cli, exposure_server: ExposureServer
) -> None:  # type: ignore[no-untyped-def]
    assert update(cli, exposure_server).code == 0
    before = stored_path("breaches").read_bytes()
    exposure_server.breaches = exposure_server.breaches[:20]
    result = cli("data", "update", "--breaches-url", exposure_server.api + "/breaches")
    assert result.code == 2
    assert "only 20 usable breach records" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert stored_path("breaches").read_bytes() == before


def test_a_damaged_stored_copy_falls_back_to_the_snapshot_with_a_notice(
    cli, exposure_server: ExposureServer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert update(cli, exposure_server).code == 0
    stored_path("breaches").write_bytes(b"{not json")
    audit = cli("audit", "--accounts", str(export(tmp_path / "e.json")), "-f", "json", "--offline")
    report = json.loads(audit.out)
    assert "built-in snapshot" in report["inputs"]["datasets"]["breaches"]
    assert any("breach catalogue" in n and "built-in" in n for n in report["notices"])


@pytest.mark.slow
def test_check_emails_end_to_end_and_nothing_else_leaves(
    tmp_path: Path, exposure_server: ExposureServer, isolated_home: Path
) -> None:
    exposure_server.accounts[ADDRESS] = ["Adobe", "OnlinerSpambot"]
    path = export(tmp_path / "e.json")
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {"TMPDIR": str(temp)}
    plain = run_privaudit(
        "audit",
        "--accounts",
        str(path),
        "-f",
        "json",
        "--skip",
        "BR101",
        "--hibp-api-url",
        exposure_server.api,
        env=env,
    )
    assert plain.code in (0, 1), plain.err
    assert exposure_server.requests == [], "no email lookup without --check-emails"
    assert findings(plain.out, "EXP102")["Email address found in data breaches"]["status"] == "skip"

    audit = run_privaudit(
        "audit", "--accounts", str(path), "-f", "json", "--skip", "BR101", "--check-emails",
        "--hibp-key-file", str(key_file(tmp_path)), "--hibp-api-url", exposure_server.api,
        env=env,
    )  # fmt: skip
    assert audit.code in (0, 1), audit.err
    hit = findings(audit.out, "EXP102")[ADDRESS]
    assert hit["status"] == "fail"
    assert "Adobe (2013-10-04" in hit["message"] and "Onliner Spambot" in hit["message"]
    assert "your account on a breached site: Canary Adobe" in hit["message"]
    notices = json.loads(audit.out)["notices"]
    assert any("--check-emails sent 1 email address(es) to 127.0.0.1" in n for n in notices)

    # The wire: one request, to breachedaccount, carrying the address and nothing more.
    (request,) = exposure_server.requests
    assert request.path == f"/api/v3/breachedaccount/{ADDRESS}?truncateResponse=false"
    wire = request.text
    digest = hashlib.sha1(CANARY_PASSWORD.encode()).hexdigest()
    assert_no_canary(
        wire, canaries=(CANARY_PASSWORD, digest, digest[5:], digest[:5] + digest[5:11])
    )
    for label in ("Canary Filler", "Canary Adobe", "Canary Forum", "someone"):
        assert label.lower() not in wire.lower()
    # Nothing on disk holds the password; the email cache is keyed by a hash of the
    # address and never holds it (the history keeps report subjects, as it always has).
    stored = [p.read_bytes() for p in files_under(isolated_home) + files_under(temp)]
    assert_no_canary(audit.out, audit.err, *stored, canaries=(CANARY_PASSWORD, digest[5:]))
    cached = files_under(isolated_home / "cache" / "emails")
    assert cached
    assert not any(ADDRESS.encode() in p.read_bytes() or ADDRESS in p.name for p in cached)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("url_of", "key", "code", "message"),
    [
        (lambda s: s.api, "wrong-key", 2, "HIBP rejected the API key (HTTP 401)"),
        (lambda s: "http://127.0.0.1:9/api/v3", GOOD_KEY, 3, "could not be checked"),
    ],
    ids=["401", "unreachable"],
)
def test_a_rejected_key_exits_2_and_an_unreachable_api_exits_3(
    tmp_path: Path, exposure_server: ExposureServer, url_of, key: str, code: int, message: str
) -> None:  # type: ignore[no-untyped-def]
    report = tmp_path / "out" / "r.json"
    report.parent.mkdir()
    result = run_privaudit(
        "audit", "--accounts", str(export(tmp_path / "e.json")), "-f", "json", "-o", str(report),
        "--skip", "BR101",
        "--check-emails", "--hibp-key-file", str(key_file(tmp_path, key)),
        "--hibp-api-url", url_of(exposure_server),
    )  # fmt: skip
    assert result.code == code, result.err
    assert message in result.err
    assert "Traceback" not in result.err
    assert key not in result.err
    if code == 2:
        assert len(result.err.strip().splitlines()) == 2  # the status line, then the error
        assert not report.exists(), "nothing half-written"
    else:
        error = findings(report.read_text(), "EXP102")[ADDRESS]
        assert error["status"] == "error" and "could not be reached" in error["message"]


def test_check_emails_without_a_key_or_with_a_readable_key_file_exits_2(
    cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = export(tmp_path / "e.json")
    result = cli("audit", "--accounts", str(path), "--check-emails", "--no-input")
    assert result.code == 2 and "needs your HIBP API key" in result.err
    loose = key_file(tmp_path)
    loose.chmod(0o644)
    result = cli("audit", "--accounts", str(path), "--check-emails", "--hibp-key-file", str(loose))
    assert result.code == 2 and "chmod 600" in result.err
    assert cli("audit", "--demo", "--check-emails").code == 2


@pytest.mark.slow
def test_the_key_stored_in_the_keyring_is_used(
    tmp_path: Path, exposure_server: ExposureServer
) -> None:
    env = {
        "PYTHON_KEYRING_BACKEND": "tests.exposure.fake_keyring.FileKeyring",
        "FAKE_KEYRING_FILE": str(tmp_path / "keyring.json"),
    }
    stored = run_privaudit(
        "data", "hibp-key", "--from-file", str(key_file(tmp_path)), env=env, cwd=ROOT
    )
    assert stored.code == 0, stored.err
    assert GOOD_KEY not in stored.out + stored.err
    audit = run_privaudit(
        "audit", "--accounts", str(export(tmp_path / "e.json")), "-f", "json", "--skip", "BR101",
        "--check-emails", "--hibp-api-url", exposure_server.api, env=env, cwd=ROOT,
    )  # fmt: skip
    assert audit.code in (0, 1), audit.err
    assert findings(audit.out, "EXP102")[ADDRESS]["status"] == "pass"  # 404: not found


def test_the_demo_shows_a_site_breach_and_a_passkey_suggestion_offline(cli) -> None:  # type: ignore[no-untyped-def]
    report = cli("demo", "--format", "json").out
    site = findings(report, "EXP101")
    assert site["Patreon (sam.demo.creator)"]["status"] == "fail"
    assert "breached around 2015-10-01" in site["Patreon (sam.demo.creator)"]["message"]
    assert site["Dropbox (sam.demo@example.com)"]["status"] == "pass"
    github = findings(report, "MFA102")["GitHub (samdemo)"]
    assert "passkey" in github["message"] and "Create a passkey" in github["fix"]


@pytest.mark.parametrize("fmt", format_names())
def test_the_change_password_link_is_in_every_format(cli, fmt: str) -> None:  # type: ignore[no-untyped-def]
    # The short terminal report shows each finding's fix with --details.
    extra = ("--details",) if fmt == "terminal" else ()
    result = cli("audit", "--demo", "--format", fmt, *extra)
    assert "https://www.patreon.com/settings/account" in result.out


def test_the_plan_suggests_a_passkey_and_the_site_breach_change(cli) -> None:  # type: ignore[no-untyped-def]
    out = cli("demo").out
    plan = out[out.index("FIX FIRST") : out.index("Category")]
    assert "Set up a passkey (or two-step login) for Gmail" in plan
    assert "Change the password you use on Patreon: the site was breached" in " ".join(plan.split())


def test_a_long_link_is_folded_in_the_terminal_never_cut(cli) -> None:  # type: ignore[no-untyped-def]
    import re

    out = cli("audit", "--demo", "--details").out
    assert "…" not in out
    joined = re.sub(r"\n +", "", out)
    url = "https://docs.github.com/en/authentication/authenticating-with-a-passkey/about-passkeys"
    assert url in joined


def _bitwarden(path: Path, items: list[tuple[str, str, str, str]]) -> Path:
    path.write_text(
        json.dumps(
            {
                "encrypted": False,
                "items": [
                    {
                        "type": 1,
                        "name": name,
                        "login": {"uris": [{"uri": url}], "username": user, "password": pw},
                    }
                    for name, url, user, pw in items
                ],
            }
        )
    )
    return path


def test_shared_logins_and_password_rules_through_the_cli(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    same = "one Apple ID password 4 both sites"
    path = _bitwarden(
        tmp_path / "e.json",
        [
            ("Apple", "https://appleid.apple.com", "sam@icloud.com", same),
            ("iCloud", "https://www.icloud.com", "sam@icloud.com", same),
            ("Bank", "https://www.bankofamerica.com", "sam", "short1"),
        ],
    )
    report = cli("audit", "--accounts", str(path), "-f", "json", "--offline").out
    reuse = findings(report, "PW102")
    assert reuse["Apple (sam@icloud.com)"]["status"] == "pass"
    assert reuse["iCloud (sam@icloud.com)"]["status"] == "pass"
    weak = findings(report, "PW101")["Bank (sam)"]
    assert "Change it here: https://" in weak["fix"]
    assert "Password rules: this site accepts 8 to 20 characters" in weak["fix"]


def test_the_full_passkeys_directory_through_data_update_and_audit(
    cli, exposure_server: ExposureServer, shared_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    snapshot = shared_dir / "real-data" / "passkeys" / "passkeys-entries.json"
    if not snapshot.is_file():
        pytest.skip("no passkeys snapshot in ../shared")
    exposure_server.passkeys = json.loads(snapshot.read_bytes())
    result = cli("data", "update", "--passkeys-url", exposure_server.url + "/passkeys/all.json")
    assert result.code == 0, result.err
    assert "passkeys directory updated: 2" in result.out  # 258 of 260 offer passkeys
    # Adafruit is in the full directory only (not in the built-in subset).
    path = _bitwarden(
        tmp_path / "e.json", [("Adafruit", "https://www.adafruit.com", "sam", "x-Pw-long-1")]
    )
    report = cli("audit", "--accounts", str(path), "-f", "json", "--offline").out
    mfa = findings(report, "MFA101")["Adafruit (sam)"]
    assert mfa["status"] == "fail"
    assert "passkey" in (mfa["fix"] or "").lower()
