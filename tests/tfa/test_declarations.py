"""`mfa set` declarations: storage and how they combine with the profile."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from privaudit.accounts import Account, MfaMethod
from privaudit.config import load_settings
from privaudit.errors import ConfigError, UsageError
from privaudit.tfa.declarations import (
    Declaration,
    apply_declarations,
    load_declarations,
    parse_methods,
    save_declaration,
)

NOW = datetime(2026, 11, 24, 23, 0, tzinfo=UTC)


def test_methods_and_aliases() -> None:
    assert parse_methods(["TOTP", "u2f", "webauthn", "voice"]) == {
        MfaMethod.TOTP,
        MfaMethod.HARDWARE_KEY,
        MfaMethod.PASSKEY,
        MfaMethod.CALL,
    }
    with pytest.raises(UsageError):
        parse_methods(["owl"])


def test_save_replaces_the_same_service_case_insensitively(tmp_path: Path) -> None:
    path = tmp_path / "d.json"
    save_declaration(Declaration("Instagram", frozenset({MfaMethod.SMS})), now=NOW, path=path)
    save_declaration(Declaration("instagram", frozenset({MfaMethod.TOTP})), now=NOW, path=path)
    (only,) = load_declarations(path)
    assert only.methods == {MfaMethod.TOTP}
    assert only.updated.startswith("2026-11-24T23:00")


@pytest.mark.parametrize(
    "text",
    [
        "{",
        "[]",
        '{"format": "other"}',
        '{"format": "privaudit-mfa/1", "services": {}}',
        '{"format": "privaudit-mfa/1", "services": [{"service": "x", "methods": ["owl"]}]}',
        '{"format": "privaudit-mfa/1", "services": [{"service": "x", "recovery_codes": "y"}]}',
        '{"format": "privaudit-mfa/1", "services": [{"methods": []}]}',
    ],
)
def test_damaged_files_are_config_errors(tmp_path: Path, text: str) -> None:
    path = tmp_path / "d.json"
    path.write_text(text)
    with pytest.raises(ConfigError):
        load_declarations(path)


def test_declarations_set_profile_methods_and_append_the_rest() -> None:
    profile = (
        Account(
            label="Instagram",
            urls=("https://www.instagram.com",),
            mfa=frozenset({MfaMethod.SMS}),
            recovery_codes=True,
        ),
        Account(label="Other"),
    )
    declared = [
        Declaration("IG", frozenset({MfaMethod.TOTP}), domains=("instagram.com",)),
        Declaration("New", frozenset({MfaMethod.PASSKEY}), recovery_codes=False),
    ]
    out = apply_declarations(declared, profile)
    assert [a.label for a in out] == ["Instagram", "Other", "New"]
    assert out[0].mfa == {MfaMethod.TOTP}
    assert out[0].recovery_codes is True  # not answered in the declaration: kept
    assert out[2].source == "declared"
    assert out[2].recovery_codes is False


def test_tfa_settings_from_file_and_environment(tmp_path: Path) -> None:
    config = tmp_path / "c.toml"
    config.write_text('[tfa]\nurl = "https://mirror.example/all.json"\nmin_entries = 50\n')
    settings = load_settings(config, environ={"PRIVAUDIT_TFA_MIN_ENTRIES": "7"})
    assert settings.tfa.url == "https://mirror.example/all.json"
    assert settings.tfa.min_entries == 7
    config.write_text('[tfa]\nmirror = "x"\n')
    with pytest.raises(ConfigError, match=r"tfa\.mirror"):
        load_settings(config, environ={})
    with pytest.raises(ConfigError, match="PRIVAUDIT_TFA_MIN_ENTRIES"):
        load_settings(None, environ={"PRIVAUDIT_TFA_MIN_ENTRIES": "many"})
