"""The KeePass password at a hidden prompt, on a real pseudo-terminal: a typo is asked
again (three tries in all), Ctrl-C ends the prompt's line before the error."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.sources.test_kdbx import DB_PASSWORD, make_database

pexpect = pytest.importorskip("pexpect")
pytestmark = pytest.mark.slow

PROMPT = "KeePass database password (hidden): "


def _spawn(*args: str):  # type: ignore[no-untyped-def]
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100"}
    return pexpect.spawn(
        sys.executable,
        ["-m", "privaudit", *args],
        env=env,
        encoding="utf-8",
        timeout=60,
        dimensions=(40, 100),
    )


def _audit(path: Path, out: Path):  # type: ignore[no-untyped-def]
    return _spawn("audit", "--offline", "--accounts", str(path), "-q", "-o", str(out), "-f", "json")


def test_a_wrong_password_is_asked_again(tmp_path: Path) -> None:
    vault = make_database(tmp_path / "vault.kdbx", DB_PASSWORD)
    child = _audit(vault, tmp_path / "r.json")
    child.expect_exact(PROMPT)
    child.sendline("not-the-password")
    child.expect_exact("Wrong password, try again (2 of 3): ")
    child.sendline(DB_PASSWORD)
    index = child.expect([pexpect.EOF, r"\[y/N\]|\(y/n\)|y/n"])
    if index == 1:  # the offer of checklists for the platforms found
        child.sendline("n")
        child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus in (0, 1), child.before
    assert (tmp_path / "r.json").exists()
    assert DB_PASSWORD not in (child.before or "")


def test_three_wrong_passwords_stop_with_one_line(tmp_path: Path) -> None:
    vault = make_database(tmp_path / "vault.kdbx", DB_PASSWORD)
    child = _audit(vault, tmp_path / "r.json")
    child.expect_exact(PROMPT)
    child.sendline("wrong-1")
    child.expect_exact("(2 of 3): ")
    child.sendline("wrong-2")
    child.expect_exact("(3 of 3): ")
    child.sendline("wrong-3")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert "wrong password or key file" in child.before
    assert "Traceback" not in child.before
    assert not (tmp_path / "r.json").exists()


def test_ctrl_c_at_the_hidden_prompt_starts_the_error_on_a_new_line(tmp_path: Path) -> None:
    vault = make_database(tmp_path / "vault.kdbx", DB_PASSWORD)
    child = _audit(vault, tmp_path / "r.json")
    child.expect_exact(PROMPT)
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    after = child.before.replace("\r", "")
    assert after.lstrip("^C").startswith("\n"), repr(after)
    assert "privaudit: error: interrupted" in after
    assert f"{PROMPT}privaudit" not in after
