"""An audit reads the previous run only when a feature needs it, and then only its keys."""

from __future__ import annotations

from pathlib import Path

from privaudit.model import Status
from privaudit.pipeline.history import load_baseline
from privaudit.store.history import History
from privaudit.trends import new_problem_keys
from tests.report.samples import sample_report


def statements(history: History) -> list[str]:
    seen: list[str] = []
    history._conn.set_trace_callback(seen.append)
    return seen


def test_without_since_last_or_notify_no_result_is_read(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        history.append(sample_report(), "p")
        seen = statements(history)
        baseline = load_baseline(history, "p", compare=False)
    assert baseline.previous is not None
    assert baseline.problem_keys is None
    assert baseline.trend
    assert not [sql for sql in seen if "run_results" in sql]


def test_comparing_reads_only_the_problem_keys(tmp_path: Path) -> None:
    report = sample_report()
    with History.open(tmp_path / "h.sqlite3") as history:
        history.append(report, "p")
        seen = statements(history)
        baseline = load_baseline(history, "p", compare=True)
        reads = [sql for sql in seen if "run_results" in sql]
        full = history.results(baseline.previous.id if baseline.previous else 0)
    assert len(reads) == 1 and "SELECT key FROM" in reads[0]
    problems = {f.key for f in report.findings if f.status in (Status.FAIL, Status.WARN)}
    assert baseline.problem_keys == problems
    # The same answer as from the full results.
    assert new_problem_keys(report, baseline.problem_keys) == new_problem_keys(report, full)


def test_no_previous_run_means_every_problem_is_new(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        baseline = load_baseline(history, "p", compare=True)
    assert baseline.previous is None and baseline.problem_keys is None
    report = sample_report()
    assert new_problem_keys(report, baseline.problem_keys) == {
        f.key for f in report.findings if f.status in (Status.FAIL, Status.WARN)
    }
