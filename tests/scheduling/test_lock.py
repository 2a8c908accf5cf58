"""One run per profile: a second concurrent run exits 3, says why, and touches nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from privaudit.errors import LockedError
from privaudit.paths import data_dir
from privaudit.store.lock import lock_path, profile_lock
from tests.conftest import run_privaudit
from tests.history.exports import STRONG, write_export


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in root.rglob("*")
        if p.is_file()
    }


def test_second_run_exits_3_and_touches_nothing(tmp_path: Path, isolated_home: Path) -> None:
    export = write_export(tmp_path / "v.json", {"Gmail": STRONG})
    report = tmp_path / "report.json"
    first = run_privaudit("audit", "-a", str(export), "--offline", "-f", "json", "-o", str(report))
    assert first.code in (0, 1), first.err
    before_report = report.read_bytes()
    before_home = snapshot(isolated_home)

    with profile_lock("default"):  # a run in progress holds the lock
        second = run_privaudit(
            "audit", "-a", str(export), "--offline", "-f", "json", "-o", str(report)
        )

    assert second.code == 3
    assert "another privaudit run is auditing profile 'default'" in second.err
    assert second.err.count("\n") == 1
    assert second.out == ""
    assert report.read_bytes() == before_report
    assert snapshot(isolated_home) == before_home

    third = run_privaudit("audit", "-a", str(export), "--offline", "-f", "json", "-o", str(report))
    assert third.code in (0, 1), "the lock is released when the holder ends"


HOLDER = """
import time
from privaudit.store.lock import profile_lock
with profile_lock("default"):
    print("held", flush=True)
    time.sleep(60)
"""


def test_two_real_processes(tmp_path: Path) -> None:
    """A real holder process, killed: the kernel drops its lock; no stale lock remains."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            HOLDER,
        ],
        stdout=subprocess.PIPE,
        env=os.environ.copy(),
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline() == b"held\n"
        with pytest.raises(LockedError) as info:
            with profile_lock("default"):
                pass
        assert info.value.exit_code == 3
        with profile_lock("another profile"):  # other profiles are not blocked
            pass
    finally:
        holder.kill()
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    deadline = time.monotonic() + 5
    while True:
        try:
            with profile_lock("default"):
                break
        except LockedError:
            assert time.monotonic() < deadline, "a killed holder left a stale lock"
            time.sleep(0.05)
    assert lock_path("default").parent == data_dir() / "locks"
    assert oct(lock_path("default").stat().st_mode & 0o777) == "0o600"
