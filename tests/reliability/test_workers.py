"""Strength workers never outlive the run, and signals end a run like Ctrl-C.

Each case starts a real audit of a vault large enough for worker processes in
its own process group, kills or signals it mid-run, and then looks for any
process still holding the vault's passwords. The group is killed at the end
whatever happens, so a failing case leaves nothing behind either.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.reliability.vaults import write_vault

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/cmdline").exists(), reason="needs Linux /proc"),
]
VAULT_SIZE = 4000
RESET_SIGNALS_AND_EXEC = (
    "import os, signal, sys\n"
    "for s in (signal.SIGHUP, signal.SIGTERM): signal.signal(s, signal.SIG_DFL)\n"
    "os.execv(sys.executable, [sys.executable, '-m', 'privaudit', *sys.argv[1:]])"
)


def workers_of(parent: int) -> list[int]:
    """Worker processes started by `parent` (alive or orphaned), by their command line."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"privaudit.strength_worker" in argv and str(parent).encode() in argv:
            state = (entry / "stat").read_text().rsplit(")", 1)[-1].split()[0]
            if state != "Z":
                found.append(int(entry.name))
    return found


def wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return bool(predicate())


@pytest.fixture
def audit_run(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[bytes], Path]]:
    vault = write_vault(tmp_path / "vault.json", VAULT_SIZE)
    report = tmp_path / "report.json"
    proc = subprocess.Popen(
        [
            # privaudit keeps a SIGHUP its caller ignores (nohup), so a test runner
            # started under nohup would see no exit 130: give the run default
            # dispositions, then exec privaudit in the same process.
            *(sys.executable, "-c", RESET_SIGNALS_AND_EXEC),
            *("audit", "--accounts", str(vault)),
            *("--offline", "--select", "PW101", "--format", "json"),
            *("--output", str(report), "--quiet"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        assert wait_for(lambda: len(workers_of(proc.pid)) >= 1, 120), "no worker started"
        yield proc, report
    finally:
        with_group = [proc.pid, *workers_of(proc.pid)]
        for pid in with_group:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_a_signal_ends_the_run_like_ctrl_c(
    audit_run: tuple[subprocess.Popen[bytes], Path], signum: int
) -> None:
    proc, report = audit_run
    proc.send_signal(signum)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode().splitlines() == ["privaudit: error: interrupted"]
    assert out == b""
    assert not report.exists()
    assert not list(report.parent.glob("*.tmp")) and not list(report.parent.glob(".report*"))
    assert wait_for(lambda: not workers_of(proc.pid), 10), "a worker outlived the run"


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGQUIT])
def test_workers_die_with_their_parent_and_release_stdout(
    audit_run: tuple[subprocess.Popen[bytes], Path], signum: int
) -> None:
    proc, _ = audit_run
    pid = proc.pid
    os.kill(pid, signum)
    # communicate() returns only once no process holds the pipes' write ends: a
    # worker that kept the caller's stdout or stderr would hang it (a cron wrapper).
    proc.communicate(timeout=30)
    assert proc.returncode == -signum
    assert wait_for(lambda: not workers_of(pid), 10), "an orphaned worker kept running"


def test_workers_stop_on_end_of_file_from_their_parent(tmp_path: Path) -> None:
    """Without the kernel's parent-death signal, the pipe alone stops a worker."""
    worker = subprocess.Popen(
        [sys.executable, "-m", "privaudit.strength_worker", str(os.getpid())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert worker.stdin is not None and worker.stderr is not None
    worker.stdin.close()
    assert worker.wait(timeout=60) == 0
    assert worker.stderr.read() == b""
    worker.stderr.close()
    assert worker.stdout is not None
    worker.stdout.close()


def test_a_worker_whose_parent_is_gone_exits_at_once() -> None:
    """Started for a parent that is not its own (it died meanwhile): exits before reading."""
    worker = subprocess.run(
        [sys.executable, "-m", "privaudit.strength_worker", "1"],
        input=b"",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert worker.returncode == 1
