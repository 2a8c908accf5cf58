"""The real thing: a subprocess on a pseudo-terminal shows a progress bar, and
the exit codes hold outside the test process too."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import run_privaudit

pytestmark = pytest.mark.slow


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_fingerprint_shows_progress_on_a_terminal(photos: Callable[..., list[Path]]) -> None:
    import pexpect

    folder = photos(6)[0].parent
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS")}
    env.update(TERM="xterm-256color")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "privaudit", "media", "fingerprint", str(folder)],
        env=env,
        encoding="utf-8",
        dimensions=(30, 100),
        timeout=120,
    )
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0
    assert "Fingerprinting" in output
    assert "fingerprinted 6 image(s)" in output


def test_exit_codes_as_a_process(photos: Callable[..., list[Path]]) -> None:
    mine = photos(2)
    assert run_privaudit("media", "fingerprint", *map(str, mine)).code == 0
    assert run_privaudit("media", "match", str(mine[0])).code == 1
    others = photos(2, start=70)
    result = run_privaudit("media", "match", *map(str, others))
    assert result.code == 0, result.err
    assert "0 of 2 file(s) match" in result.out
