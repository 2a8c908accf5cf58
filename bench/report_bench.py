"""Figures for issue 7: rendering each format (ratio to JSON) and the history database.

Run: python bench/report_bench.py [ACCOUNTS]   (prints figures; asserts nothing)
"""

from __future__ import annotations

import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from privaudit.model import CheckMeta, InputSummary, Report, Severity, Status, TrendPoint
from privaudit.render import RenderOptions, render
from privaudit.scoring import compute_score
from privaudit.store.history import History

META = CheckMeta(
    id="PW101",
    name="weak-password",
    category="passwords",
    severity=Severity.HIGH,
    title="Weak or short password",
    why="Guessable.",
    fix="Make a long random one.",
)


def report(accounts: int) -> Report:
    statuses = (Status.PASS, Status.FAIL, Status.WARN, Status.PASS)
    findings = tuple(
        META.finding(statuses[i % 4], f"Site {i} (user{i})", "message text")
        for i in range(accounts)
    )
    now = datetime(2026, 11, 24, tzinfo=UTC)
    return Report(
        tool_version="bench",
        started_at=now,
        finished_at=now,
        inputs=None,  # type: ignore[arg-type]
        checks=(META,),
        findings=findings,
        score=compute_score(findings, {META.id: META}),
    )


def best(func, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    accounts = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    rep = replace(report(accounts), inputs=InputSummary(accounts=accounts))
    trend = tuple(
        TrendPoint(rep.started_at - timedelta(days=i), 50 + i % 30) for i in range(30, 0, -1)
    )
    options = RenderOptions(trend=trend)
    base = best(lambda: render(rep, "json", options))
    print(f"{accounts} findings; json render {base * 1000:.1f} ms (baseline)")
    for fmt in ("markdown", "html", "junit", "csv"):
        t = best(lambda fmt=fmt: render(rep, fmt, options))
        print(f"  {fmt:<9} {t * 1000:8.1f} ms  {t / base:5.2f}x json")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "history.sqlite3"
        with History.open(path) as history:
            runs = 50
            start = time.perf_counter()
            for i in range(runs):
                moment = rep.started_at + timedelta(minutes=i)
                history.append(replace(rep, started_at=moment, finished_at=moment), "p")
            append = (time.perf_counter() - start) / runs
            print(
                f"history append: {append * 1000:.1f} ms per run of {accounts} results "
                f"({append / base:.1f}x a json render)"
            )
            t = best(lambda: history.trend("p"))
            print(f"history trend (30 runs): {t * 1000:.2f} ms")
            t = best(lambda: history.results(runs))
            print(f"history results of one run: {t * 1000:.2f} ms")
        print(f"database size after {runs} runs: {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
