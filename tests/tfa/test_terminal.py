"""`mfa verify` on a real pseudo-terminal: the seed and the code are never echoed."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from datetime import UTC, datetime

import pytest

from privaudit.secret import TotpSeed
from privaudit.tfa.otpauth import parse_totp
from privaudit.tfa.totp import code_for, counter_at
from tests.conftest import CANARY_TOTP

pty = pytest.importorskip("pty")


def _read_until_prompt(fd: int, seconds: float = 20.0) -> bytes:
    out = b""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if out.rstrip().endswith(b":"):
            break
    return out


def test_hidden_prompts_on_a_real_terminal() -> None:
    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "privaudit", "mfa", "verify", "--seed-prompt"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    try:
        out = _read_until_prompt(master)
        assert b"hidden" in out
        os.write(master, CANARY_TOTP.encode() + b"\n")
        out += _read_until_prompt(master)
        config = parse_totp(TotpSeed(CANARY_TOTP))
        code = code_for(config, counter_at(datetime.now(UTC), 30))
        os.write(master, code.encode() + b"\n")
        assert proc.wait(timeout=30) == 0
        out += _read_until_prompt(master, 2.0)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    assert b"code matches" in out
    assert CANARY_TOTP.encode() not in out
    assert code.encode() not in out
