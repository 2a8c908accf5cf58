"""`privaudit mfa set`, `privaudit mfa verify`, the demo, and the TOTP canary."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from privaudit.secret import TotpSeed
from privaudit.tfa.declarations import declarations_path, load_declarations
from privaudit.tfa.otpauth import parse_totp
from privaudit.tfa.totp import code_for, counter_at
from tests.conftest import CANARY_PASSWORD, CANARY_TOTP, assert_no_canary, files_under

CANARIES = (CANARY_PASSWORD, CANARY_TOTP)


def _findings(out: str, check_id: str) -> dict[str, dict[str, object]]:
    report = json.loads(out)
    return {f["subject"]: f for f in report["findings"] if f["check_id"] == check_id}


def test_mfa_set_is_stored_privately_and_honoured_by_the_audit(cli, write_export) -> None:  # type: ignore[no-untyped-def]
    export = write_export([{"name": "My mail", "uri": "https://mail.google.com", "username": "me"}])
    before = _findings(cli("audit", "-a", str(export), "-f", "json").out, "MFA101")
    assert before["My mail (me)"]["status"] == "fail"
    result = cli("mfa", "set", "Gmail", "hardware-key", "totp", "--recovery-codes", "yes")
    assert result.code == 0, result.err
    path = declarations_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    (declared,) = load_declarations()
    assert "gmail.com" in declared.domains
    assert declared.recovery_codes is True
    out = cli("audit", "-a", str(export), "-f", "json").out
    assert _findings(out, "MFA101")["My mail (me)"]["status"] == "pass"
    assert _findings(out, "MFA102")["My mail (me)"]["status"] == "pass"
    assert _findings(out, "MFA103")["My mail (me)"]["status"] == "pass"


def test_mfa_set_replaces_the_profile_methods(cli, write_export, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "p.toml"
    config.write_text(
        '[[accounts]]\nservice = "Instagram"\nurl = "https://instagram.com"\nmfa = ["sms"]\n'
    )
    export = write_export([{"name": "IG", "uri": "https://www.instagram.com"}])
    out = cli("audit", "-c", str(config), "-a", str(export), "-f", "json").out
    assert _findings(out, "MFA102")["IG"]["status"] == "warn"
    assert cli("mfa", "set", "instagram.com", "totp", "--recovery-codes", "no").code == 0
    out = cli("audit", "-c", str(config), "-a", str(export), "-f", "json").out
    assert _findings(out, "MFA102")["IG"]["status"] == "pass"
    assert _findings(out, "MFA103")["IG"]["status"] == "warn"


def test_profile_recovery_codes_answer(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "p.toml"
    config.write_text(
        '[[accounts]]\nservice = "GitHub"\nurl = "https://github.com"\nmfa = ["passkey"]\n'
        "recovery_codes = true\n"
    )
    out = cli("audit", "-c", str(config), "-f", "json").out
    assert _findings(out, "MFA103")["GitHub"]["status"] == "pass"
    config.write_text('[[accounts]]\nservice = "GitHub"\nrecovery_codes = "maybe"\n')
    bad = cli("audit", "-c", str(config))
    assert bad.code == 2
    assert "recovery_codes" in bad.err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("X", "carrier-pigeon"), "unknown 2FA method"),
        (("X", "none", "sms"), "'none'"),
        (("X", "sms", "--recovery-codes", "perhaps"), "yes or no"),
    ],
)
def test_mfa_set_rejects_bad_input(cli, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("mfa", "set", *args)
    assert result.code == 2
    assert message in result.err
    assert not declarations_path().exists()


def test_corrupt_declarations_file_is_one_clear_line(cli) -> None:  # type: ignore[no-untyped-def]
    path = declarations_path()
    path.parent.mkdir(parents=True)
    path.write_text("{nope")
    result = cli("audit", "--demo")
    assert result.code != 2  # the demo ignores your own data
    result = cli("mfa", "set", "X", "sms")
    assert result.code == 2
    assert "mfa-declarations.json" in result.err


def _code_now(seed: str) -> str:
    config = parse_totp(TotpSeed(seed))
    return code_for(config, counter_at(datetime.now(UTC), config.period))


def test_verify_accepts_the_apps_code_and_never_prints_the_seed(cli, write_export) -> None:  # type: ignore[no-untyped-def]
    uri = f"otpauth://totp/Acme:me?secret={CANARY_TOTP}&issuer=Acme"
    export = write_export(
        [
            {
                "name": "Acme",
                "uri": "https://acme.example",
                "password": CANARY_PASSWORD,
                "totp": uri,
            },
            {"name": "Other", "uri": "https://other.example"},
        ]
    )
    code = _code_now(CANARY_TOTP)
    result = cli("mfa", "verify", "-a", str(export), stdin=f"{code}\n".encode())
    assert result.code == 0, result.err
    assert "code matches" in result.out
    assert "clock offset" in result.out
    assert code not in result.out + result.err
    assert_no_canary(result.out, result.err, canaries=CANARIES)


def test_verify_wrong_code_explains_likely_causes(cli, write_export) -> None:  # type: ignore[no-untyped-def]
    export = write_export([{"name": "Acme", "uri": "https://acme.example", "totp": CANARY_TOTP}])
    wrong = str((int(_code_now(CANARY_TOTP)) + 1) % 1_000_000).zfill(6)
    result = cli("mfa", "verify", "-a", str(export), stdin=f"{wrong}\n".encode())
    assert result.code == 1
    assert "does NOT match" in result.out
    assert "clock" in result.out  # either measured drift or the list of causes
    assert_no_canary(result.out, result.err, canaries=CANARIES)
    bad = cli("mfa", "verify", "-a", str(export), stdin=b"12ab56\n")
    assert bad.code == 1
    assert "6-digit" in bad.out


def test_verify_seed_from_the_hidden_prompt(cli) -> None:  # type: ignore[no-untyped-def]
    code = _code_now(CANARY_TOTP)
    result = cli("mfa", "verify", "--seed-prompt", stdin=f"{CANARY_TOTP}\n{code}\n".encode())
    assert result.code == 0, result.err
    assert_no_canary(result.out, result.err, canaries=CANARIES)
    broken = cli("mfa", "verify", "--seed-prompt", stdin=f"{CANARY_TOTP}0\n123456\n".encode())
    assert broken.code == 2
    assert "Base32" in broken.err
    assert_no_canary(broken.out, broken.err, canaries=CANARIES)


@pytest.mark.parametrize(
    ("args", "message"),
    [((), "either"), (("--seed-prompt", "-a", "x.json"), "either"), (("-a", "-"), "stdin")],
)
def test_verify_usage_errors(cli, args: tuple[str, ...], message: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("mfa", "verify", *args)
    assert result.code == 2
    assert message in result.err


def test_verify_needs_one_account(cli, write_export) -> None:  # type: ignore[no-untyped-def]
    export = write_export(
        [
            {"name": "A", "uri": "https://a.example", "totp": CANARY_TOTP},
            {"name": "B", "uri": "https://b.example", "totp": CANARY_TOTP},
        ]
    )
    result = cli("mfa", "verify", "-a", str(export), stdin=b"000000\n")
    assert result.code == 2
    assert "--account" in result.err
    none = cli("mfa", "verify", "-a", str(export), "--account", "zzz")
    assert none.code == 2
    assert "no account" in none.err
    code = _code_now(CANARY_TOTP)
    one = cli(
        "mfa", "verify", "-a", str(export), "--account", "b.example", stdin=f"{code}\n".encode()
    )
    assert one.code == 0


def test_demo_shows_the_three_mfa_findings_from_the_builtin_dataset(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--format", "json")
    report = json.loads(result.out)
    assert report["inputs"]["datasets"]["2fa"].startswith("built-in ")
    missing = _findings(result.out, "MFA101")["Gmail (sam.demo@example.com)"]
    assert (missing["status"], missing["severity"]) == ("fail", "critical")
    sms = _findings(result.out, "MFA102")["Instagram (sam.demo.photos)"]
    assert sms["status"] == "warn"
    assert "SIM swap" in str(sms["message"])
    weak = _findings(result.out, "TOTP101")["GitHub (samdemo)"]
    assert weak["status"] == "fail"
    assert "80 bits" in str(weak["message"])
    text = cli("demo").out
    assert "2fa data: built-in" in text


@pytest.mark.parametrize("fmt", ["terminal", "json", "markdown"])
def test_totp_canary_never_leaks_from_an_audit(
    cli, write_export, isolated_home: Path, fmt: str
) -> None:  # type: ignore[no-untyped-def]
    export = write_export(
        [
            {
                "name": "Seed",
                "uri": "https://github.com",
                "password": CANARY_PASSWORD,
                "totp": CANARY_TOTP,
            },
            {
                "name": "Uri",
                "uri": "https://gitlab.com",
                "totp": f"otpauth://totp/GL:me?secret={CANARY_TOTP}&issuer=GL&period=0",
            },
            {"name": "Dup", "uri": "https://x.example", "totp": CANARY_TOTP.lower()},
            {"name": "Bad", "uri": "https://y.example", "totp": CANARY_TOTP + "1"},
        ]
    )
    out_file = isolated_home / "report.out"
    result = cli("audit", "-a", str(export), "-f", fmt, "-o", str(out_file))
    assert result.code in (1, 0, 3)
    blobs = [p.read_bytes() for p in files_under(isolated_home)]
    assert_no_canary(result.out, result.err, *blobs, canaries=CANARIES)
    cli("mfa", "set", "Seed", "totp", "--recovery-codes", "yes", "--new")
    blobs = [p.read_bytes() for p in files_under(isolated_home)]
    assert_no_canary(*blobs, canaries=CANARIES)


def test_verify_measures_clock_drift_beyond_the_window(cli, write_export) -> None:  # type: ignore[no-untyped-def]
    export = write_export([{"name": "Acme", "uri": "https://acme.example", "totp": CANARY_TOTP}])
    config = parse_totp(TotpSeed(CANARY_TOTP))
    ahead = code_for(config, counter_at(datetime.now(UTC), 30) + 6)
    result = cli("mfa", "verify", "-a", str(export), stdin=f"{ahead}\n".encode())
    assert result.code == 1
    assert "steps" in result.out
    assert "automatic date and time" in result.out


def test_data_status_without_a_download(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("data", "status")
    assert result.code == 0
    assert "built-in" in result.out


def test_verify_checks_an_80_bit_secret_and_says_it_is_weak(cli) -> None:  # type: ignore[no-untyped-def]
    seed = "JBSWY3DPEHPK3PXP"  # Google's documented example key: 16 characters, 80 bits
    result = cli("mfa", "verify", "--seed-prompt", stdin=f"{seed}\n{_code_now(seed)}\n".encode())
    assert result.code == 0, result.err
    assert "code matches" in result.out
    assert "80 bits" in result.err  # the note TOTP101 would give too
    assert seed not in result.out + result.err


def test_verify_an_account_inside_a_google_authenticator_export(cli, write_export) -> None:  # type: ignore[no-untyped-def]
    import base64

    from privaudit.tfa.migration import encode_migration

    secret = base64.b32decode(CANARY_TOTP + "=" * (-len(CANARY_TOTP) % 8))
    uri = encode_migration(
        [(secret, "me@acme.example", "Acme", 1, 1, 2, 0), (b"\x01" * 20, "x", "Other", 1, 1, 2, 0)]
    )
    export = write_export([{"name": "Phone", "uri": "https://phone.example", "totp": uri}])
    code = _code_now(CANARY_TOTP)
    several = cli("mfa", "verify", "-a", str(export), stdin=f"{code}\n".encode())
    assert several.code == 2
    assert "2 accounts (Acme: me@acme.example, Other: x)" in several.err
    result = cli(
        "mfa", "verify", "-a", str(export), "--account", "acme", stdin=f"{code}\n".encode()
    )
    assert result.code == 0, result.err
    assert "Phone › Acme: me@acme.example: the code matches" in result.out
    data = uri.split("data=", 1)[1]
    for text in (several.out, several.err, result.out, result.err):
        assert data[:24] not in text
    assert_no_canary(result.out, result.err, several.out, several.err, canaries=CANARIES)


def test_verify_an_hotp_seed_counts_presses_ahead(cli) -> None:  # type: ignore[no-untyped-def]
    from privaudit.tfa.totp import hotp

    key = b"12345678901234567890"
    seed = "otpauth://hotp/RFC:t?secret=" + base64_secret(key) + "&counter=5"
    result = cli("mfa", "verify", "--seed-prompt", stdin=f"{seed}\n{hotp(key, 7)}\n".encode())
    assert result.code == 0, result.err
    assert "2 press(es) ahead" in result.out


def base64_secret(key: bytes) -> str:
    import base64

    return base64.b32encode(key).decode().rstrip("=")
