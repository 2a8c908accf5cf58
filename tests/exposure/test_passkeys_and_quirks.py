"""Passkeys in MFA101/MFA102, change-password links, password rules, shared logins:
on the built-in subsets and, when ../shared is present, on the full data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privaudit.accounts import Account, MfaMethod
from privaudit.checks.mfa import MissingMfa, WeakMfaMethod
from privaudit.checks.passwords import ReusedPassword
from privaudit.context import AuditContext
from privaudit.exposure import Exposure
from privaudit.exposure.passkeys import PasskeyDirectory, parse_directory
from privaudit.exposure.passkeys import load_builtin as builtin_passkeys
from privaudit.exposure.quirks import load_builtin as builtin_quirks
from privaudit.exposure.quirks import load_folder
from privaudit.exposure.rules import parse_rules
from privaudit.model import Finding, Status
from privaudit.secret import Secret
from privaudit.tfa.dataset import load_builtin as tfa_builtin
from privaudit.tfa.match import Directory

DIRECTORY = Directory(tfa_builtin())
SITE = DIRECTORY.matcher.registrable_domain


def ctx(*accounts: Account, exposure: Exposure | None = None) -> AuditContext:
    return AuditContext(accounts=accounts, tfa=DIRECTORY, exposure=exposure or Exposure())


def by_subject(findings: list[Finding]) -> dict[str, Finding]:
    return {f.subject: f for f in findings}


# Passkeys


def test_the_builtin_subset_finds_passkeys_by_host_and_by_site() -> None:
    directory = builtin_passkeys()
    github = directory.lookup(["github.com"], SITE)
    assert github is not None and github.passwordless
    gmail = directory.lookup(["accounts.google.com"], SITE)  # one Google login for all of it
    assert gmail is not None and "google.com" in gmail.domain
    assert directory.lookup(["example.org"], SITE) is None


def test_mfa102_suggests_a_passkey_where_the_service_offers_one() -> None:
    account = Account(label="GitHub", urls=("https://github.com",), mfa=frozenset({MfaMethod.TOTP}))
    (finding,) = WeakMfaMethod().run(ctx(account))
    assert finding.status is Status.WARN
    assert "a passkey" in finding.message
    assert finding.fix is not None and "Create a passkey for GitHub" in finding.fix
    assert "https://docs.github.com/" in finding.fix


def test_a_declared_passkey_satisfies_mfa101_and_ranks_highest_in_mfa102() -> None:
    account = Account(
        label="GitHub", urls=("https://github.com",), mfa=frozenset({MfaMethod.PASSKEY})
    )
    (missing,) = MissingMfa().run(ctx(account))
    assert missing.status is Status.PASS and "passkey" in missing.message
    (weak,) = WeakMfaMethod().run(ctx(account))
    assert weak.status is Status.PASS and "a passkey" in weak.message


def test_a_security_key_in_use_is_not_nagged_about_passkeys() -> None:
    account = Account(
        label="GitHub", urls=("https://github.com",), mfa=frozenset({MfaMethod.HARDWARE_KEY})
    )
    (weak,) = WeakMfaMethod().run(ctx(account))
    assert weak.status is Status.PASS


def test_mfa101_fails_a_service_only_the_passkeys_directory_knows() -> None:
    entry = {"name": "Passkey Shop", "passwordless": "allowed", "documentation": "https://p.test/"}
    exposure = Exposure(
        passkeys=PasskeyDirectory(
            parse_directory({"passkeyshop.test": entry}, where="t"), label="t"
        )
    )
    account = Account(label="Passkey Shop", urls=("https://www.passkeyshop.test/login",))
    (finding,) = MissingMfa().run(ctx(account, exposure=exposure))
    assert finding.status is Status.FAIL
    assert "offers passkeys" in finding.message
    assert finding.fix is not None and "https://p.test/" in finding.fix


def test_the_full_passkeys_directory_parses(shared_dir: Path) -> None:
    path = shared_dir / "real-data" / "passkeys" / "passkeys-entries.json"
    if not path.is_file():
        pytest.skip("no passkeys snapshot in ../shared")
    entries = parse_directory(json.loads(path.read_bytes()), where=str(path), min_entries=200)
    directory = PasskeyDirectory(entries, label="full")
    assert len(entries) >= 250
    assert directory.lookup(["www.paypal.com"], SITE) is not None
    assert directory.lookup(["twitter.com"], SITE) is not None  # additional-domains of x.com


# Change-password links and password rules


def test_change_password_links_use_apples_list_else_the_well_known_url() -> None:
    quirks = builtin_quirks()
    assert quirks.change_password_url(["www.github.com"], SITE) == (
        "https://github.com/settings/security"
    )
    assert quirks.change_password_url(["login.example.org"], SITE) == (
        "https://example.org/.well-known/change-password"
    )
    assert quirks.change_password_url(["192.168.0.1"], SITE) is None


def test_password_rules_read_as_one_sentence() -> None:
    rules = parse_rules(
        "minlength: 8; maxlength: 20; max-consecutive: 3; required: lower; required: upper;"
        " required: digit; allowed: [-@#*()+={}/?~;,._];"
    )
    text = rules.describe()
    assert text.startswith("this site accepts 8 to 20 characters")
    assert "at least one digit" in text
    assert "the only symbols allowed are -@#*()+={}/?~;,._" in text
    assert "no character more than 3 times in a row" in text
    assert "no symbols" in parse_rules("maxlength: 16; required: lower, upper, digit;").describe()


def test_the_fix_for_a_weak_password_carries_the_link_and_the_rules() -> None:
    from privaudit.checks.passwords import WeakPassword

    account = Account(label="Bank", urls=("https://www.bankofamerica.com",), password=Secret("abc"))
    (finding,) = WeakPassword().run(ctx(account))
    assert finding.fix is not None
    assert "Change it here: https://" in finding.fix
    assert "at most" in finding.fix or "8 to 20 characters" in finding.fix


def test_apples_full_files_load_and_every_rule_describes(shared_dir: Path) -> None:
    folder = shared_dir / "real-data" / "password-manager-resources"
    if not folder.is_dir():
        pytest.skip("no password-manager-resources snapshot in ../shared")
    files = {p.name: p.read_bytes() for p in folder.glob("*.json")}
    quirks = load_folder(files, label="full")
    assert len(quirks.change_password) >= 600
    assert len(quirks.rules) >= 400
    for rules in quirks.rules.values():
        assert rules.describe().startswith("this site accepts") or not rules.describe()
    assert quirks.change_password_url(["www.11st.co.kr"], SITE) is not None


# Logins shared across domains


def _reuse(*accounts: Account, exposure: Exposure | None = None) -> dict[str, Finding]:
    return by_subject(list(ReusedPassword().run(ctx(*accounts, exposure=exposure))))


def test_one_login_on_two_domains_of_a_group_is_not_reuse() -> None:
    same = Secret("correct horse battery staple 1")
    apple = Account(
        label="Apple", urls=("https://apple.com",), username="sam@me.com", password=same
    )
    icloud = Account(
        label="iCloud", urls=("https://icloud.com",), username="sam@me.com", password=same
    )
    results = _reuse(apple, icloud)
    assert results["Apple (sam@me.com)"].status is Status.PASS
    assert "shares it" in results["Apple (sam@me.com)"].message


def test_different_usernames_in_a_group_are_still_reuse() -> None:
    same = Secret("correct horse battery staple 2")
    apple = Account(label="Apple", urls=("https://apple.com",), username="a@me.com", password=same)
    icloud = Account(
        label="iCloud", urls=("https://icloud.com",), username="b@me.com", password=same
    )
    assert _reuse(apple, icloud)["Apple (a@me.com)"].status is Status.FAIL


def test_one_second_factor_covers_every_domain_of_a_group() -> None:
    envato = Account(
        label="Envato",
        urls=("https://envato.com",),
        username="sam",
        mfa=frozenset({MfaMethod.TOTP}),
    )
    themeforest = Account(label="ThemeForest", urls=("https://themeforest.net",), username="sam")
    findings = by_subject(list(MissingMfa().run(ctx(envato, themeforest))))
    assert findings["ThemeForest (sam)"].status is Status.PASS


def test_a_passkey_recorded_in_the_export_satisfies_mfa101() -> None:
    from tests.sources.conftest import read_bytes

    item = {
        "type": 1,
        "name": "GitHub",
        "login": {
            "uris": [{"uri": "https://github.com"}],
            "username": "sam",
            "password": "pw-with-a-passkey",
            "fido2Credentials": [{"credentialId": "x", "rpId": "github.com"}],
        },
    }
    bitwarden = read_bytes(json.dumps({"items": [item]}).encode(), "bitwarden-json").accounts
    xml = """<?xml version="1.0" encoding="utf-8"?>
<KeePassFile><Root><Group><Name>Root</Name><Entry><UUID>AAAA</UUID>
<String><Key>Title</Key><Value>GitHub</Value></String>
<String><Key>URL</Key><Value>https://github.com</Value></String>
<String><Key>Password</Key><Value>pw</Value></String>
<String><Key>KPEX_PASSKEY_USERNAME</Key><Value>sam</Value></String>
</Entry></Group></Root></KeePassFile>"""
    keepass = read_bytes(xml.encode(), "keepass-xml").accounts
    for account in (*bitwarden, *keepass):
        assert MfaMethod.PASSKEY in account.mfa
        (finding,) = MissingMfa().run(ctx(account))
        assert finding.status is Status.PASS
        (weak,) = WeakMfaMethod().run(ctx(account))
        assert weak.status is Status.PASS
