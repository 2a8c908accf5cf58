"""No core dump holds a password: the process and its workers turn them off.

Each case raises the core limit to unlimited (as `ulimit -c unlimited` would),
loads a secret, crashes on purpose (SIGABRT) and looks for a core file. A
control process without secrets must dump core there, or the machine does not
write cores where we can see them and the case is skipped.
"""

from __future__ import annotations

import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from privaudit.workerpool import read_frame, write_frame
from tests.conftest import CANARY_PASSWORD

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="core dumps are Linux-specific")
ABORT_AFTER_SECRET = (
    f"import os; from privaudit.secret import Secret; s = Secret('{CANARY_PASSWORD}'); os.abort()"
)


def unlimited_cores() -> None:
    _, hard = resource.getrlimit(resource.RLIMIT_CORE)
    resource.setrlimit(resource.RLIMIT_CORE, (hard, hard))


def cores_in(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.name.startswith("core")]


@pytest.fixture
def core_folder(tmp_path: Path) -> Path:
    pattern = Path("/proc/sys/kernel/core_pattern")
    if not pattern.exists() or pattern.read_text().strip() not in {"core", "core.%p"}:
        pytest.skip("cores are not written to the working folder on this machine")
    control = tmp_path / "control"
    control.mkdir()
    subprocess.run(
        [sys.executable, "-c", "import os; os.abort()"],
        cwd=control,
        preexec_fn=unlimited_cores,  # single-threaded test process part
        check=False,
    )
    if not cores_in(control):
        pytest.skip("this machine writes no core file even when allowed (container?)")
    folder = tmp_path / "run"
    folder.mkdir()
    return folder


def test_loading_a_secret_turns_core_dumps_off(core_folder: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", ABORT_AFTER_SECRET],
        cwd=core_folder,
        preexec_fn=unlimited_cores,
        capture_output=True,
        check=False,
    )
    assert proc.returncode == -signal.SIGABRT
    assert cores_in(core_folder) == []


def test_a_strength_worker_holding_passwords_dumps_no_core(core_folder: Path) -> None:
    import os

    worker = subprocess.Popen(
        [sys.executable, "-m", "privaudit.strength_worker", str(os.getpid())],
        cwd=core_folder,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        preexec_fn=unlimited_cores,  # noqa: PLW1509
    )
    assert worker.stdin is not None and worker.stdout is not None
    write_frame(worker.stdin, [(CANARY_PASSWORD, ("example",))])
    answer = read_frame(worker.stdout)
    assert answer is not None and len(answer) == 1
    worker.send_signal(signal.SIGABRT)
    assert worker.wait(timeout=30) == -signal.SIGABRT
    worker.stdin.close()
    worker.stdout.close()
    assert cores_in(core_folder) == []


def test_limits_and_dumpable_flag_after_a_secret() -> None:
    probe = (
        "import resource; from privaudit.procguard import is_dumpable;"
        "before = is_dumpable(); from privaudit.secret import Secret; Secret('x');"
        "print(before, resource.getrlimit(resource.RLIMIT_CORE), is_dumpable())"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        preexec_fn=unlimited_cores,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split(maxsplit=1)
    hard = resource.getrlimit(resource.RLIMIT_CORE)[1]
    assert out[0] == "True"
    assert out[1].strip() == f"(0, {hard}) False"
