"""The auditor never becomes the leak: a canary password, run through every
format and input path, appears in no output, no file and no temp file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from privaudit.render import format_names
from tests.conftest import (
    CANARY_PASSWORD,
    CANARY_TOTP,
    assert_no_canary,
    files_under,
    run_privaudit,
)

CANARIES = (CANARY_PASSWORD, CANARY_TOTP)


def bitwarden_export(path: Path) -> Path:
    items = [
        {
            "type": 1,
            "name": "Canary Mail",
            "login": {
                "uris": [{"uri": "https://mail.example.org"}],
                "username": "canary@example.org",
                "password": CANARY_PASSWORD,
                "totp": CANARY_TOTP,
            },
        },
        {
            "type": 1,
            "name": "Canary Shop",
            "login": {
                "uris": [{"uri": "https://shop.example.org"}],
                "username": "c",
                "password": CANARY_PASSWORD,
            },
        },
    ]
    path.write_text(json.dumps({"encrypted": False, "items": items}))
    return path


def run_isolated(tmp_path: Path, *args: str, stdin: bytes = b"") -> tuple[str, str, list[Path]]:
    home, temp = tmp_path / "home", tmp_path / "tmp"
    home.mkdir(exist_ok=True)
    temp.mkdir(exist_ok=True)
    result = run_privaudit(
        *args, stdin=stdin, env={"PRIVAUDIT_HOME": str(home), "TMPDIR": str(temp)}
    )
    assert result.code in (0, 1, 3), result.err
    return result.out, result.err, files_under(home) + files_under(temp)


@pytest.mark.parametrize("fmt", format_names())
def test_canary_never_leaks_from_an_export_audit(tmp_path: Path, fmt: str) -> None:
    export = bitwarden_export(tmp_path / "export.json")
    output = tmp_path / "out" / f"report.{fmt}"
    output.parent.mkdir()
    out, err, created = run_isolated(
        tmp_path, "audit", "--accounts", str(export), "--format", fmt, "--output", str(output)
    )
    assert_no_canary(out, err, output.read_bytes(), canaries=CANARIES)
    for path in created:
        assert_no_canary(path.read_bytes(), canaries=CANARIES)
    # The reuse finding proves the canary was really audited.
    assert "Canary Shop" in output.read_text()


@pytest.mark.parametrize("fmt", format_names())
def test_canary_never_leaks_from_stdin(tmp_path: Path, fmt: str) -> None:
    profile = tmp_path / "p.toml"
    profile.write_text('[[accounts]]\nservice = "Canary"\nurl = "https://c.example"\n')
    out, err, created = run_isolated(
        tmp_path,
        "audit",
        "--config",
        str(profile),
        "--password-stdin",
        "--format",
        fmt,
        stdin=(CANARY_PASSWORD + "\n").encode(),
    )
    assert_no_canary(out, err, canaries=CANARIES)
    for path in created:
        assert_no_canary(path.read_bytes(), canaries=CANARIES)
    assert "Canary" in out


def test_canary_never_leaks_from_error_paths(tmp_path: Path) -> None:
    """A malformed export that contains the canary: the error names no value."""
    broken = tmp_path / "broken.json"
    broken.write_text(
        '{"encrypted": false, "items": [{"type": 1, "login": {"password": "'
        + CANARY_PASSWORD
        + '"}'
    )
    result = run_privaudit("audit", "--accounts", str(broken))
    assert result.code == 2
    assert_no_canary(result.out, result.err, canaries=CANARIES)
    mismatch = run_privaudit("audit", "--password-stdin", stdin=(CANARY_PASSWORD + "\n").encode())
    assert mismatch.code == 2
    assert_no_canary(mismatch.out, mismatch.err, canaries=CANARIES)


def test_canary_never_leaks_from_mfa_set_with_an_export(tmp_path: Path) -> None:
    export = bitwarden_export(tmp_path / "export.json")
    out, err, created = run_isolated(
        tmp_path, "mfa", "set", "Canary Shop", "sms", "--recovery-codes", "no", "-a", str(export)
    )
    assert "matches account Canary Shop in export.json" in out
    assert created, "the declaration was stored"
    listed, _, _ = run_isolated(tmp_path, "mfa", "list")
    assert_no_canary(out, err, listed, canaries=CANARIES)
    for path in created:
        assert_no_canary(path.read_bytes(), canaries=CANARIES)


def test_canary_never_leaks_into_the_take_home_plan(tmp_path: Path) -> None:
    export = bitwarden_export(tmp_path / "export.json")
    report = tmp_path / "report.json"
    run_isolated(tmp_path, "audit", "--accounts", str(export), "-f", "json", "-o", str(report))
    for name in ("plan.html", "plan.md"):
        out, err, created = run_isolated(
            tmp_path, "report", "plan", str(report), "-o", str(tmp_path / name)
        )
        assert_no_canary(out, err, (tmp_path / name).read_bytes(), canaries=CANARIES)
        for path in created:
            assert_no_canary(path.read_bytes(), canaries=CANARIES)
