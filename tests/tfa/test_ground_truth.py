"""2FA service matching against independent ground truth.

The public suffix list's own test vectors, every domain of the real 2fa.directory
snapshot in ../shared/real-data (skipped when absent), shared hosting suffixes that
must match nothing, app logins, and a committed set of 375 login URLs with their
expected services (tests/tfa/data/login-urls.tsv, built by make_login_urls.py).
"""

from __future__ import annotations

import functools
import json
import re
from pathlib import Path

import pytest

from privaudit.accounts import Account
from privaudit.model import Status
from privaudit.tfa.dataset import parse_dataset_bytes
from privaudit.tfa.match import Directory

DATA = Path(__file__).with_name("data")
_VECTOR = re.compile(r"checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);")


def _vectors() -> list[tuple[str, str | None]]:
    out = []
    for line in (DATA / "psl-test-vectors.txt").read_text(encoding="utf-8").splitlines():
        found = _VECTOR.match(line.strip())
        if found:
            host, want = (None if v == "null" else v[1:-1] for v in found.groups())
            if host is not None:  # "null input" has no str form to test
                out.append((host, want.lower() if want else None))
    return out


def test_public_suffix_list_test_vectors(builtin_directory: Directory) -> None:
    vectors = _vectors()
    assert len(vectors) == 77
    matcher = builtin_directory.matcher
    wrong = [(h, w, matcher.registrable_domain(h)) for h, w in vectors]
    assert [v for v in wrong if v[1] != v[2]] == []


@functools.cache
def _load(path: Path) -> tuple[Directory, list[tuple[str, dict[str, object]]]]:
    raw = path.read_bytes()
    dataset = parse_dataset_bytes(raw, origin="snapshot", date="2026", where=str(path))
    return Directory(dataset), json.loads(raw)


@pytest.fixture
def snapshot(shared_dir: Path) -> tuple[Directory, list[tuple[str, dict[str, object]]]]:
    path = shared_dir / "real-data" / "2fa-directory-v3-all.json"
    if not path.is_file():
        pytest.skip("the 2fa.directory snapshot is not in ../shared/real-data")
    return _load(path)


def _owners(entries: list[tuple[str, dict[str, object]]]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for name, entry in entries:
        extra = entry.get("additional-domains") or []
        assert isinstance(extra, list)
        for domain in [entry["domain"], *extra]:
            owners.setdefault(str(domain).lower(), set()).add(name)
    return owners


def test_every_domain_of_the_real_directory_finds_its_service(
    snapshot: tuple[Directory, list[tuple[str, dict[str, object]]]],
) -> None:
    directory, entries = snapshot
    owners = _owners(entries)
    wrong = []
    for domain, names in owners.items():
        for host in (domain, "www." + domain):
            want = owners.get(host, names)  # www.x may itself be listed for another entry
            match = directory.matcher.match_host(host)
            if match is None or match.service.name not in want:
                wrong.append((host, sorted(want), match and match.service.name))
    assert len(owners) > 3000
    assert wrong == []


def test_services_whose_domain_is_a_public_suffix_are_kept(
    snapshot: tuple[Directory, list[tuple[str, dict[str, object]]]],
) -> None:
    directory, _ = snapshot
    for host, name in [("gov.uk", "GOV.UK"), ("www.carrd.co", "Carrd"), ("omg.lol", "omg.lol")]:
        match = directory.matcher.match_host(host)
        assert match is not None and match.service.name == name
    for tenant in ["alice.carrd.co", "paypal.omg.lol", "x.service.gov.uk", "me.myfritz.net"]:
        assert directory.matcher.match_host(tenant) is None, tenant


HOSTING_HOSTS = [
    "alice.github.io",
    "paypal.github.io",
    "shop.myshopify.com",
    "google.blogspot.com",
    "bob.app.render.com",
    "team.up.railway.app",
    "x.cdn.bubble.io",
    "me.eu.pythonanywhere.com",
    "box.members.linode.com",
    "form.pro.typeform.com",
    "bucket.s3.amazonaws.com",
    "site.netlify.app",
    "app.vercel.app",
    "demo.herokuapp.com",
    "login.azurewebsites.net",
]


@pytest.mark.parametrize("host", HOSTING_HOSTS)
def test_shared_hosting_hosts_match_nothing(builtin_directory: Directory, host: str) -> None:
    assert builtin_directory.matcher.match_host(host) is None


def test_shared_hosting_hosts_match_nothing_in_the_real_directory(
    snapshot: tuple[Directory, list[tuple[str, dict[str, object]]]],
) -> None:
    directory, _ = snapshot
    assert [h for h in HOSTING_HOSTS if directory.matcher.match_host(h)] == []


def test_375_real_login_urls_precision_and_recall_are_one(
    snapshot: tuple[Directory, list[tuple[str, dict[str, object]]]],
) -> None:
    directory, _ = snapshot
    rows = [
        line.split("\t")
        for line in (DATA / "login-urls.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    assert len(rows) == 375
    true_pos = false_pos = false_neg = 0
    wrong = []
    for url, want in rows:
        match = directory.match(Account(label="imported login", urls=(url,)))
        got = match.service.name if match else ""
        if got and got == want:
            true_pos += 1
            continue
        false_pos += bool(got)
        false_neg += bool(want)
        if got != want:
            wrong.append((url, want, got))
    assert wrong == []
    assert true_pos / (true_pos + false_pos) == 1.0
    assert true_pos / (true_pos + false_neg) == 1.0
    assert sum(1 for _, want in rows if not want) >= 50  # the negatives are a real part


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("android://aGFzaA==@com.instagram.android/", "Instagram"),
        ("androidapp://com.instagram.android", "Instagram"),
        ("iosapp://com.burbn.instagram", "Instagram"),
        ("androidapp://com.google.android.gm", "Google Account (Gmail)"),
        ("android://a2V5@com.zhiliaoapp.musically/", "TikTok"),
    ],
)
def test_app_logins_find_their_service(builtin_directory: Directory, url: str, name: str) -> None:
    match = builtin_directory.match(Account(label="app", urls=(url,)))
    assert match is not None
    assert (match.service.name, match.how, match.host) == (name, "app", match.host)


def test_an_app_login_is_not_a_domain(builtin_directory: Directory) -> None:
    account = Account(label="", urls=("android://aGFzaA==@com.instagram.android/",))
    assert account.domains == ()
    assert account.apps == ("com.instagram.android",)
    assert Account(label="x", urls=("https://a.test", "iosapp://com.x.y")).apps == ("com.x.y",)
    # A package name that is not one (no dot, or odd characters) is no app at all.
    assert Account(label="x", urls=("androidapp://nodot", "iosapp://a b.c")).apps == ()


def test_unmatched_apps_and_suffix_hosts_are_named_not_called_devices() -> None:
    from privaudit.checks.mfa import MissingMfa
    from privaudit.context import AuditContext
    from privaudit.tfa.dataset import load_builtin

    directory = Directory(load_builtin())
    accounts = (
        Account(label="Odd app", urls=("androidapp://com.example.notlisted",)),
        Account(label="A suffix", urls=("https://co.uk",)),
        Account(label="Router", urls=("http://192.168.1.1",)),
    )
    ctx = AuditContext(accounts=accounts, tfa=directory)
    findings = list(MissingMfa().run(ctx))
    app, suffix, router = findings
    assert app.status is Status.UNANSWERED
    assert "the app com.example.notlisted is not a known service" in app.message
    assert suffix.status is Status.UNANSWERED
    assert "co.uk is not a known service" in suffix.message
    assert "own network" not in app.message + suffix.message
    assert router.status is Status.SKIP and "own network" in router.message


def test_chrome_app_rows_reach_mfa101_as_their_service(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from privaudit.checks.mfa import MissingMfa
    from privaudit.context import AuditContext
    from privaudit.sources import import_accounts
    from privaudit.tfa.dataset import load_builtin

    export = tmp_path / "Chrome Passwords.csv"
    export.write_text(
        "name,url,username,password,note\n"
        "com.instagram.android,android://aGFzaA==@com.instagram.android/,alice,Zq8-violet-9,\n"
        "com.example.notes,android://aGFzaA==@com.example.notes/,alice,Zq8-harbor-9,\n",
        encoding="utf-8",
    )
    result, summary, _ = import_accounts(export, fmt=None, stdin=lambda _n: b"")
    assert summary.format == "chrome-csv"
    ctx = AuditContext(accounts=tuple(result.accounts), tfa=Directory(load_builtin()))
    instagram, notes = MissingMfa().run(ctx)
    assert instagram.status is Status.FAIL and instagram.details["service"] == "Instagram"
    assert instagram.details["matched_by"] == "app"
    assert notes.status is Status.UNANSWERED
    assert "the app com.example.notes is not a known service" in notes.message
