"""One naming rule (issue 11): a browser's host-named login shows the service's name
(X, Twitch) in the plan, the findings and `mfa set`, where the 2FA data knows it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from privaudit.accounts import Account
from privaudit.tfa.dataset import load_builtin
from privaudit.tfa.match import Directory
from privaudit.tfa.naming import service_label, short_name

SHARED = "Mosaic-thistle-7"  # two accounts share it: the plan names both
ROWS = [
    ("x.com", "https://x.com/i/flow/login", "maria_draws", SHARED),
    ("www.twitch.tv", "https://www.twitch.tv/login", "mariadraws", SHARED),
    ("mail.proton.me", "https://account.proton.me/login", "maria@example.org", "a-b-c-d-e-f-1"),
    ("www.bbc.co.uk", "https://account.bbc.com/signin", "maria@example.org", "q-w-e-r-t-y-2"),
]


@pytest.fixture(scope="module")
def directory() -> Directory:
    return Directory(load_builtin())


@pytest.mark.parametrize(
    ("label", "url", "expected"),
    [
        ("x.com", "https://x.com", "X"),
        ("www.twitch.tv", "https://www.twitch.tv/login", "Twitch"),
        ("mail.proton.me", "https://account.proton.me/login", "Proton"),  # origin != URL host
        ("www.ebay.co.uk", "https://signin.ebay.co.uk/ws/eBayISAPI.dll", "eBay"),
        ("www.bbc.co.uk", "https://account.bbc.com/signin", "bbc.co.uk"),  # not in the data
        ("Work email", "https://mail.example-agency.com", "Work email"),  # a person's name
        ("x.com fan club", "https://x.com", "x.com fan club"),
        ("192.168.1.1", "http://192.168.1.1", "192.168.1.1"),
    ],
)
def test_service_label(directory: Directory, label: str, url: str, expected: str) -> None:
    assert service_label(Account(label=label, urls=(url,)), directory) == expected


def test_short_name_drops_a_trailing_note() -> None:
    assert short_name("X (Twitter)") == "X"
    assert short_name("Google Account (Gmail)") == "Google Account"
    assert short_name("Bank (Santander) (UK)") == "Bank (Santander)"
    assert short_name("(odd)") == "(odd)"


def _chrome(tmp_path: Path) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["name", "url", "username", "password", "note"])
    writer.writerows([*row, ""] for row in ROWS)
    path = tmp_path / "chrome.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_plan_findings_and_terminal_use_the_service_name(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = _chrome(tmp_path)
    doc = json.loads(cli("audit", "--offline", "--no-input", "-a", str(export), "-f", "json").out)
    subjects = {f["subject"] for f in doc["findings"] if f["check_id"] == "PW101"}
    assert subjects == {
        "X (maria_draws)",
        "Twitch (mariadraws)",
        "Proton (maria@example.org)",
        "bbc.co.uk (maria@example.org)",
    }
    reuse = next(a for a in doc["plan"] if "PW102" in a["check_ids"])
    assert "X" in reuse["title"] and "Twitch" in reuse["title"]
    terminal = cli("audit", "--offline", "--no-input", "-a", str(export)).out
    for host in ("x.com", "www.twitch.tv", "mail.proton.me", "www.bbc.co.uk"):
        assert host not in terminal


def test_mfa_set_matches_an_account_only_in_an_export(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = _chrome(tmp_path)
    bbc = ("mfa", "set", "bbc.co.uk", "totp", "--recovery-codes", "yes")
    refused = cli(*bbc)
    assert refused.code == 2
    assert "--accounts FILE" in refused.err  # says how
    result = cli(*bbc, "-a", str(export))
    assert result.code == 0, result.err
    assert "matches account bbc.co.uk in chrome.csv" in result.out
    typo = cli("mfa", "set", "bbc.co.k", "totp", "--recovery-codes", "no", "-a", str(export))
    assert typo.code == 2 and "did you mean 'bbc.co.uk'" in typo.err
    assert "logins on" in cli("mfa", "list").out

    doc = json.loads(cli("audit", "--offline", "--no-input", "-a", str(export), "-f", "json").out)
    assert doc["inputs"]["accounts"] == len(ROWS)  # attached, not a new account
    (mfa,) = [
        f for f in doc["findings"] if f["check_id"] == "MFA101" and f["subject"].startswith("bbc")
    ]
    assert mfa["status"] == "pass"
