"""`mfa set` attaches to accounts and known services, never invents; `mfa list`/`unset`;
one alias table for the CLI and the profile; `--password-stdin` counts profile logins only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privaudit.tfa.declarations import declarations_path, load_declarations
from privaudit.tfa.methods import METHOD_ALIASES

PROFILE = '[[accounts]]\nservice = "Forum Of Friends"\nurl = "https://friends-forum.test"\n'


def test_typo_gets_did_you_mean_and_nothing_is_stored(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("mfa", "set", "Facebok", "totp", "--recovery-codes", "no")
    assert result.code == 2
    assert "did you mean 'Facebook'" in result.err
    assert "--new" in result.err
    assert "Traceback" not in result.err
    assert not declarations_path().exists()


def test_unknown_name_is_refused_unless_new(cli) -> None:  # type: ignore[no-untyped-def]
    refused = cli("mfa", "set", "Zqxwv Local Club", "sms", "--recovery-codes", "no")
    assert refused.code == 2
    assert "--new" in refused.err
    assert not declarations_path().exists()
    ok = cli("mfa", "set", "Zqxwv Local Club", "sms", "--recovery-codes", "no", "--new")
    assert ok.code == 0, ok.err
    assert [d.service for d in load_declarations()] == ["Zqxwv Local Club"]


def test_profile_account_matches_and_list_says_what(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "p.toml"
    config.write_text(PROFILE)
    result = cli(
        "mfa", "set", "forum of friends", "totp", "-c", str(config), "--recovery-codes", "yes"
    )
    assert result.code == 0, result.err
    assert "profile account Forum Of Friends" in result.out
    assert cli("mfa", "set", "Gmail", "passkey", "--recovery-codes", "no").code == 0
    listed = cli("mfa", "list", "-c", str(config))
    assert listed.code == 0
    lines = listed.out.splitlines()
    assert any(
        line.startswith("Forum Of Friends: totp") and "profile account" in line for line in lines
    )
    assert any(
        line.startswith("Google Account (Gmail): passkey") and "known service" in line
        for line in lines
    )
    # The audit has one account for the forum, not a second "declared" one.
    report = json.loads(cli("audit", "-c", str(config), "-f", "json").out)
    assert report["inputs"]["accounts"] == 2


def test_unset_removes_one_and_suggests_on_typo(cli) -> None:  # type: ignore[no-untyped-def]
    assert cli("mfa", "set", "Gmail", "totp", "--recovery-codes", "no").code == 0
    assert cli("mfa", "set", "GitHub", "passkey", "--recovery-codes", "no").code == 0
    typo = cli("mfa", "unset", "GitHb")
    assert typo.code == 2
    assert "did you mean 'GitHub'" in typo.err
    assert len(load_declarations()) == 2
    assert cli("mfa", "unset", "gmail").code == 0
    assert [d.service for d in load_declarations()] == ["GitHub"]
    assert "no 2FA declarations" not in cli("mfa", "list").out
    assert cli("mfa", "unset", "GitHub").code == 0
    assert "no 2FA declarations" in cli("mfa", "list").out


@pytest.mark.parametrize("alias", sorted(METHOD_ALIASES))
def test_one_alias_table_for_cli_and_profile(cli, tmp_path: Path, alias: str) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "p.toml"
    config.write_text(PROFILE + f'mfa = ["{alias}"]\n')
    from_profile = json.loads(cli("audit", "-c", str(config), "-f", "json").out)
    result = cli(
        "mfa", "set", "Forum Of Friends", alias, "-c", str(config), "--recovery-codes", "no"
    )
    assert result.code == 0, result.err
    assert METHOD_ALIASES[alias].value in result.out
    from_cli = json.loads(cli("audit", "-f", "json", "--select", "MFA").out)
    assert from_profile["inputs"]["accounts"] == 1
    assert from_cli["inputs"]["accounts"] == 1


def test_bad_method_lists_accepted_names_in_cli_and_profile(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "p.toml"
    config.write_text(PROFILE + 'mfa = ["pigeon"]\n')
    for result in (cli("audit", "-c", str(config)), cli("mfa", "set", "Gmail", "pigeon")):
        assert result.code == 2
        assert "authenticator = totp" in result.err
        assert "hardware-key" in result.err


def test_password_stdin_skips_declarations_and_names_expected_accounts(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "p.toml"
    config.write_text(PROFILE)
    assert cli("mfa", "set", "Gmail", "totp", "--recovery-codes", "no").code == 0
    ok = cli(
        "audit",
        "-c",
        str(config),
        "--password-stdin",
        "--offline",
        "-f",
        "json",
        stdin=b"correct horse battery staple 9\n",
    )
    assert ok.code in (0, 1), ok.err
    bad = cli("audit", "-c", str(config), "--password-stdin", "--offline", stdin=b"a\nb\n")
    assert bad.code == 2
    assert "got 2 line(s) for 1 profile account(s)" in bad.err
    assert "(Forum Of Friends)" in bad.err
