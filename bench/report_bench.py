"""Figures for the report: its length (terminal lines at 100 columns, printed pages on
A4/Letter) for the demo and a 20-account, three-export case; rendering each format
(ratio to JSON); the history database.

Run: python bench/report_bench.py [ACCOUNTS]    (prints figures; asserts nothing)
     python bench/report_bench.py --length      (only the report length)
Printed pages need chromium (Debian: apt-get install chromium); without it they read n/a.
"""

from __future__ import annotations

import os
import subprocess
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

ROOT = Path(__file__).resolve().parents[1]

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


def _privaudit(args: list[str], env: dict[str, str], stdin: bytes = b"") -> str:
    proc = subprocess.run(
        [sys.executable, "-m", "privaudit", *args],
        input=stdin,
        capture_output=True,
        env={**os.environ, **env, "COLUMNS": "100"},
        check=False,
    )
    return proc.stdout.decode("utf-8")


def _pages(html: str, tmp: Path) -> str:
    sys.path.insert(0, str(ROOT))
    from tests.report.browser import find_chromium, pdf_pages, print_pdfs  # noqa: PLC0415

    chromium = find_chromium()
    if chromium is None:
        return "n/a (no chromium)"
    page = tmp / "report.html"
    page.write_text(html, encoding="utf-8")
    pdfs = print_pdfs(chromium, page, tmp)
    return ", ".join(f"{pdf_pages(pdf)} {paper}" for paper, pdf in pdfs.items())


def report_length() -> None:
    """What a person reads: the terminal report's lines and the HTML's printed pages."""
    sys.path.insert(0, str(ROOT))
    from tests.report.twenty import KDBX_PASSWORD, make_case  # noqa: PLC0415

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = {"PRIVAUDIT_HOME": str(tmp / "home")}
        cases: dict[str, tuple[list[str], bytes]] = {"demo": (["demo"], b"")}
        case = make_case(tmp / "twenty")
        args = ["audit", "--offline", "--no-input", "--kdbx-password-stdin"]
        args += ["--pwned-corpus", str(case["corpus"])]
        for name in ("bitwarden", "chrome", "keepass"):
            args += ["--accounts", str(case[name])]
        cases["20 accounts, 3 exports"] = (args, (KDBX_PASSWORD + "\n").encode())
        for name, (argv, stdin) in cases.items():
            lines = len(_privaudit(argv, env, stdin).splitlines())
            html = _privaudit([*argv, "--format", "html"], env, stdin)
            pages = _pages(html, tmp)
            print(f"{name}: terminal {lines} lines at 100 columns; printed pages: {pages}")


def main() -> None:
    if "--length" in sys.argv:
        report_length()
        return
    report_length()
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
