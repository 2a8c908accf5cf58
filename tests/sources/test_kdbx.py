"""KDBX read directly with pykeepass, from databases the test makes with pykeepass."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pykeepass import PyKeePass, create_database

from privaudit.errors import InputError
from privaudit.secret import Secret
from privaudit.sources import ReadOptions, import_accounts
from tests.conftest import CANARY_PASSWORD, CANARY_TOTP, assert_no_canary

DB_PASSWORD = "db-master-Pw-31337"
OTPAUTH = f"otpauth://totp/Example:alice?secret={CANARY_TOTP}&issuer=Example"


def make_database(path: Path, password: str | None, keyfile: Path | None = None) -> Path:
    db = create_database(str(path), password=password, keyfile=str(keyfile) if keyfile else None)
    # A cheap Argon2 setting keeps each open at milliseconds; real databases use far more.
    kdf = db.kdbx.header.value.dynamic_header.kdf_parameters.data.dict
    kdf["I"].value, kdf["M"].value = 1, 1024 * 1024
    web = db.add_group(db.root_group, "Web")
    db.add_entry(web, "Mail", "alice", CANARY_PASSWORD, url="https://mail.example.com", otp=OTPAUTH)
    db.add_entry(db.root_group, "Forum", "alice", "Summer2023!", url="http://forum.example.net")
    db.add_entry(db.root_group, "Blank", "alice", "", url="https://blank.example.com")
    old = db.add_entry(db.root_group, "Old", "alice", "trashed-pw")
    db.trash_entry(old)
    db.save()
    return path


@pytest.fixture(scope="module")
def kdbx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_database(tmp_path_factory.mktemp("kdbx") / "vault.kdbx", DB_PASSWORD)


def _read(path: Path, password: str | None, keyfile: Path | None = None):  # type: ignore[no-untyped-def]
    options = ReadOptions(
        kdbx_password=(lambda: Secret(password)) if password is not None else None,
        kdbx_keyfile=keyfile,
    )
    return import_accounts(path, fmt=None, stdin=lambda _n: b"", options=options)


def test_kdbx_is_detected_and_read(kdbx: Path) -> None:
    result, summary, plaintext = _read(kdbx, DB_PASSWORD)
    assert summary.format == "keepass-kdbx"
    assert not plaintext  # an encrypted database needs no "delete it" reminder
    assert (summary.read, summary.used) == (4, 2)
    assert dict(summary.skipped) == {"no password": 1, "in the trash": 1}
    mail = next(a for a in result.accounts if a.label == "Mail")
    assert mail.password is not None
    assert mail.password.reveal() == CANARY_PASSWORD
    assert mail.totp is not None
    assert CANARY_TOTP in mail.totp.reveal()
    assert mail.domains == ("mail.example.com",)


def test_wrong_password_is_one_clear_line(kdbx: Path) -> None:
    with pytest.raises(InputError, match="wrong password or key file") as info:
        _read(kdbx, "not-the-password")
    assert_no_canary(str(info.value))


def test_missing_password_names_the_option(kdbx: Path) -> None:
    with pytest.raises(InputError, match="--kdbx-password-stdin"):
        _read(kdbx, None)


def test_keyfile(kdbx: Path, tmp_path: Path) -> None:
    keyfile = tmp_path / "vault.key"
    keyfile.write_bytes(b"0123456789abcdef" * 4)
    # Re-key a copy of the module's database (creating a new one costs seconds).
    db = PyKeePass(str(kdbx), password=DB_PASSWORD)
    db.keyfile = str(keyfile)
    path = tmp_path / "keyed.kdbx"
    db.save(str(path))
    result, _, _ = _read(path, DB_PASSWORD, keyfile)
    assert len(result.accounts) == 2
    with pytest.raises(InputError, match="wrong password or key file"):
        _read(path, DB_PASSWORD)
    with pytest.raises(InputError, match="cannot read the key file"):
        _read(path, DB_PASSWORD, tmp_path / "missing.key")


def test_damaged_database_is_an_input_error(kdbx: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.kdbx"
    broken.write_bytes(kdbx.read_bytes()[:300])
    with pytest.raises(InputError, match="cannot open this KeePass database"):
        _read(broken, DB_PASSWORD)


def test_cli_reads_the_password_from_stdin(kdbx: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "audit", "--offline", "-q", "--format", "json", "--accounts", str(kdbx),
        "--kdbx-password-stdin", stdin=f"{DB_PASSWORD}\n".encode(),
    )  # fmt: skip
    assert result.code in (0, 1), result.err
    assert '"format": "keepass-kdbx"' in result.out
    assert "delete it" not in result.out
    assert_no_canary(result.out, result.err, canaries=(CANARY_PASSWORD, CANARY_TOTP, DB_PASSWORD))


def test_cli_without_a_password_exits_2(kdbx: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--offline", "-q", "--no-input", "--accounts", str(kdbx))
    assert result.code == 2
    assert "--kdbx-password-stdin" in result.err
    assert "Traceback" not in result.err


def test_cli_wrong_password_exits_2_without_leaking(kdbx: Path, cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "audit", "--offline", "-q", "--accounts", str(kdbx), "--kdbx-password-stdin",
        stdin=CANARY_PASSWORD.encode(),
    )  # fmt: skip
    assert result.code == 2
    assert "wrong password" in result.err
    assert_no_canary(result.out, result.err)


# The child makes the pty its controlling terminal (so getpass uses it), then runs privaudit.
_IN_TERMINAL = (
    "import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0);"
    " os.execv(sys.executable, [sys.executable, '-m', 'privaudit', *sys.argv[1:]])"
)


def test_hidden_prompt_in_a_real_terminal(kdbx: Path) -> None:
    """In a terminal, the KDBX password is asked with echo off and never shown."""
    controller, terminal = pty.openpty()
    args = ["audit", "--offline", "-q", "--format", "json", "--select", "MFA150", "-a", str(kdbx)]
    child = subprocess.Popen(
        [sys.executable, "-c", _IN_TERMINAL, *args],
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,
    )
    os.close(terminal)
    output, sent = b"", False
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([controller], [], [], 0.5)
        if not ready:
            if child.poll() is not None:
                break
            continue
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        output += chunk
        if not sent and b"password (hidden)" in output:
            os.write(controller, DB_PASSWORD.encode() + b"\n")
            sent = True
    os.close(controller)
    code = child.wait(timeout=60)
    assert sent, "no password prompt appeared"
    assert code in (0, 1), output[-500:]
    assert b"keepass-kdbx" in output
    assert_no_canary(output, canaries=(DB_PASSWORD, CANARY_PASSWORD, CANARY_TOTP))
