"""The hidden prompt of `privaudit password check`, on a real pseudo-terminal."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import CANARY_PASSWORD
from tests.pwned.conftest import sha1

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


def _read_until(fd: int, marker: bytes, timeout: float = 20) -> bytes:
    seen = b""
    end = time.monotonic() + timeout
    while marker not in seen and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 4096)
            except OSError:
                break
    return seen


def test_hidden_prompt_is_repeatable_and_never_echoes(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text(f"{sha1('P@ssw0rd')}:52000\n")
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "privaudit", "password", "check", "--pwned-corpus", str(corpus)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    try:
        transcript = _read_until(master, b"finish): ")
        os.write(master, CANARY_PASSWORD.encode() + b"\n")
        transcript += _read_until(master, b"finish): ")
        os.write(master, b"P@ssw0rd\n")
        transcript += _read_until(master, b"finish): ")
        os.write(master, b"\n")
        code = proc.wait(timeout=30)
        transcript += _read_until(master, b"\x00", timeout=0.5)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    text = transcript.decode("utf-8", "replace")
    assert code == 1, text
    assert "password #2: breach fail: seen 52,000 times" in text
    assert "password #1: breach pass" in text
    assert CANARY_PASSWORD not in text
    assert "P@ssw0rd" not in text


def test_ctrl_d_at_the_prompt_ends_the_run_normally(tmp_path: Path) -> None:
    corpus = tmp_path / "c.txt"
    corpus.write_text(f"{sha1('P@ssw0rd')}:52000\n")
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "privaudit", "password", "check", "--pwned-corpus", str(corpus)],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    try:
        transcript = _read_until(master, b"finish): ")
        os.write(master, b"P@ssw0rd\n")
        transcript += _read_until(master, b"finish): ")
        os.write(master, b"\x04")  # Ctrl-D: end of input, "I am done"
        code = proc.wait(timeout=30)
        transcript += _read_until(master, b"\x00", timeout=0.5)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(master)
    text = transcript.decode("utf-8", "replace")
    assert code == 1, text  # per the results so far: one breached password
    assert "interrupted" not in text
    assert "1 password checked: 1 breached" in text
    assert "P@ssw0rd" not in text
