"""A run killed at any moment leaves the previous report and the history intact."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from privaudit.paths import data_dir
from privaudit.serialize import report_from_dict
from tests.conftest import CANARY_PASSWORD, assert_no_canary
from tests.history.exports import STRONG, WEAK, write_export

KILL_POINTS = 6


def audit_cmd(export: Path, report: Path) -> list[str]:
    return [
        sys.executable, "-m", "privaudit", "audit", "-a", str(export), "--offline",
        "--no-input", "-q", "-f", "json", "-o", str(report),
    ]  # fmt: skip


def check_intact(report: Path, runs_before: int) -> int:
    data = json.loads(report.read_text("utf-8"))  # complete JSON, old or new
    report_from_dict(data)
    with sqlite3.connect(data_dir() / "history.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        runs = db.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
        empty = db.execute(
            "SELECT COUNT(*) FROM runs WHERE id NOT IN (SELECT run_id FROM run_results)"
        ).fetchone()[0]
    assert runs in (runs_before, runs_before + 1)
    assert empty == 0, "a half-recorded run"
    return int(runs)


def test_killing_a_run_at_any_moment_keeps_report_and_history(tmp_path: Path) -> None:
    # Many accounts so that rendering and writing take a measurable share of the run.
    accounts = {f"Site {i}": (WEAK if i % 3 == 0 else f"{STRONG}-{i}") for i in range(150)}
    accounts["Canary"] = CANARY_PASSWORD
    export = write_export(tmp_path / "v.json", accounts)
    report = tmp_path / "report.json"
    durations = []
    for _ in range(2):  # the second, warm run is the one to time
        started = time.monotonic()
        subprocess.run(audit_cmd(export, report), check=False, capture_output=True, timeout=120)
        durations.append(time.monotonic() - started)
    duration = durations[-1]
    runs = check_intact(report, 1)
    assert runs == 2

    killed_midway = 0
    for i in range(KILL_POINTS):
        delay = duration * (0.2 + 0.75 * i / KILL_POINTS)
        proc = subprocess.Popen(
            audit_cmd(export, report), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        code = proc.wait()
        killed_midway += code == -signal.SIGKILL
        runs = check_intact(report, runs)
    assert killed_midway >= KILL_POINTS // 2, "most runs should really be killed mid-way"
    # What a killed run may leave behind (a temp file) is private and secret-free.
    for leftover in tmp_path.glob(".report.json.*.tmp"):
        assert leftover.stat().st_mode & 0o077 == 0
        assert_no_canary(leftover.read_bytes())


CHILD_STUCK_IN_A_TRANSACTION = """
import dataclasses, sys, time
from pathlib import Path
from privaudit.model import Report
from privaudit.store.history import History
from tests.report.samples import sample_report

class SlowReport(Report):
    # severity_of is called while the run's rows are being inserted, inside the
    # transaction: the parent kills us there.
    __slots__ = ()
    def severity_of(self, finding):
        print("mid-transaction", flush=True)
        time.sleep(60)

base = sample_report()
slow = SlowReport(**{f.name: getattr(base, f.name) for f in dataclasses.fields(base)})
with History.open(Path(sys.argv[1])) as history:
    history.append(slow, "default")
"""


def test_killed_inside_the_history_transaction(tmp_path: Path) -> None:
    from privaudit.store.history import History
    from tests.report.samples import sample_report

    path = tmp_path / "history.sqlite3"
    with History.open(path) as history:
        history.append(sample_report(), "default")
    root = Path(__file__).resolve().parents[2]
    with subprocess.Popen(
        [sys.executable, "-c", CHILD_STUCK_IN_A_TRANSACTION, str(path)],
        stdout=subprocess.PIPE,
        cwd=root,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline() == b"mid-transaction\n"
        child.kill()
        child.wait()
    with History.open(path) as history:
        assert [r.id for r in history.runs()] == [1]
        assert len(history.results(1)) == len(sample_report().findings)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
