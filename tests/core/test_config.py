"""The profile/config file and PRIVAUDIT_* variables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from privaudit.accounts import MfaMethod
from privaudit.config import load_settings
from privaudit.errors import ConfigError
from privaudit.model import Severity

GOOD = """
[audit]
fail_under = 70
fail_on = "high"
select = ["PW", "mfa"]

[passwords]
min_length = 16

[[accounts]]
service = "Gmail"
url = "https://accounts.google.com"
username = "me@example.com"
mfa = ["passkey", "totp", "webauthn"]

[[ignore]]
check = "PW101"
subject = "Old forum*"
reason = "closing this account"
expires = 2027-01-31
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "privaudit.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_full_profile_loads(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, GOOD), environ={})
    assert settings.audit.fail_under == 70
    assert settings.audit.fail_on is Severity.HIGH
    assert settings.audit.select == ("PW", "mfa")
    assert settings.passwords.min_length == 16
    (account,) = settings.accounts
    assert account.label == "Gmail" and account.domains == ("accounts.google.com",)
    assert account.mfa == {MfaMethod.PASSKEY, MfaMethod.TOTP}
    assert settings.ignore[0].expires == date(2027, 1, 31)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[audit]\nfail_undr = 3\n", "unknown key 'audit.fail_undr'"),
        ("[audits]\n", "unknown key 'audits'"),
        ("[audit]\nfail_under = 101\n", "'audit.fail_under' must be an integer from 0 to 100"),
        ('[audit]\nfail_on = "severe"\n', "'audit.fail_on' must be one of info, low"),
        ('[[accounts]]\nservice = "X"\npassword = "hunter2"\n', "'password' is not allowed"),
        ('[[accounts]]\nservice = "X"\nusername = 3\n', "'username' must be a string"),
        ('[[accounts]]\nurl = "https://x"\n', "'service' is required"),
        (
            '[[accounts]]\nservice = "X"\nmfa = ["carrier-pigeon"]\n',
            "unknown 2FA method 'carrier-pigeon'",
        ),
        ('[[accounts]]\nservice = "X"\ncolour = 1\n', "unknown key 'colour'"),
        ('[[ignore]]\ncheck = "PW101"\n', "'reason' is required"),
        ("[audit\n", "invalid TOML"),
    ],
)
def test_bad_profiles_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, text), environ={})
    assert message in str(info.value)
    assert "\n" not in str(info.value)
    assert "hunter2" not in str(info.value)


def test_missing_explicit_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml", environ={})


def test_default_file_in_config_dir_is_optional_and_used(isolated_home: Path) -> None:
    assert load_settings(environ={}).audit.fail_under is None
    (isolated_home / "config").mkdir()
    (isolated_home / "config" / "config.toml").write_text("[audit]\nfail_under = 42\n")
    assert load_settings(environ={}).audit.fail_under == 42


def test_environment_overrides_the_file(tmp_path: Path) -> None:
    env = {
        "PRIVAUDIT_FAIL_UNDER": "90",
        "PRIVAUDIT_OFFLINE": "yes",
        "PRIVAUDIT_SKIP": "PW102, mfa",
        "PRIVAUDIT_PASSWORDS_MIN_LENGTH": "20",
    }
    settings = load_settings(write(tmp_path, GOOD), environ=env)
    assert settings.audit.fail_under == 90
    assert settings.audit.offline is True
    assert settings.audit.skip == ("PW102", "mfa")
    assert settings.passwords.min_length == 20


def test_config_path_from_environment(tmp_path: Path) -> None:
    path = write(tmp_path, "[audit]\nfail_under = 12\n")
    assert load_settings(environ={"PRIVAUDIT_CONFIG": str(path)}).audit.fail_under == 12


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"PRIVAUDIT_FAIL_UNDERR": "1"}, "unknown environment variable PRIVAUDIT_FAIL_UNDERR"),
        ({"PRIVAUDIT_FAIL_UNDER": "lots"}, "PRIVAUDIT_FAIL_UNDER must be an integer"),
        ({"PRIVAUDIT_OFFLINE": "maybe"}, "PRIVAUDIT_OFFLINE must be true or false"),
    ],
)
def test_bad_environment(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(environ=env)
