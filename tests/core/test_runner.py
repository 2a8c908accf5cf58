"""The runner: concurrency, crashes become ERROR, needs, ignores, progress."""

from __future__ import annotations

import asyncio
import threading
import time
from datetime import UTC, date, datetime

from privaudit.accounts import Account
from privaudit.check import check
from privaudit.context import AuditContext
from privaudit.model import CheckMeta, Need, Severity, Status
from privaudit.runner import ProgressEvent, run_audit
from privaudit.secret import Secret
from privaudit.settings import IgnoreRule, Settings


def meta(n: int, **kw: object) -> CheckMeta:
    base: dict[str, object] = {
        "id": f"TS{n:03d}",
        "name": f"test-{n}",
        "category": "test",
        "severity": Severity.MEDIUM,
        "title": f"Test {n}",
        "why": "w",
        "fix": "f",
    }
    base.update(kw)
    return CheckMeta(**base)  # type: ignore[arg-type]


FIXED = datetime(2026, 11, 1, tzinfo=UTC)
CTX = AuditContext(accounts=(Account("A", password=Secret("x")),), clock=lambda: FIXED)


def test_async_checks_run_concurrently() -> None:
    running = 0
    peak = 0

    def make(n: int):  # type: ignore[no-untyped-def]
        @check(meta(n))
        async def slow(ctx: AuditContext):  # type: ignore[no-untyped-def]
            nonlocal running, peak
            running += 1
            peak = max(peak, running)
            await asyncio.sleep(0.05)
            running -= 1
            return [slow.meta.finding(Status.PASS, "s", "m")]

        return slow

    report = run_audit([make(n) for n in range(1, 6)], CTX)
    assert peak == 5
    assert [f.check_id for f in report.findings] == [f"TS{n:03d}" for n in range(1, 6)]


def test_plain_checks_do_not_block_async_ones() -> None:
    release = threading.Event()

    @check(meta(1))
    def blocking(ctx: AuditContext):  # type: ignore[no-untyped-def]
        release.wait(5)
        return [blocking.meta.finding(Status.PASS, "s", "m")]

    @check(meta(2))
    async def quick(ctx: AuditContext):  # type: ignore[no-untyped-def]
        release.set()  # only reachable while `blocking` waits in its thread
        return [quick.meta.finding(Status.PASS, "s", "m")]

    started = time.monotonic()
    report = run_audit([blocking, quick], CTX)
    assert time.monotonic() - started < 4
    assert [f.status for f in report.findings] == [Status.PASS, Status.PASS]


def test_a_crash_becomes_an_error_without_its_message_and_the_run_goes_on() -> None:
    @check(meta(1))
    def crashes(ctx: AuditContext):  # type: ignore[no-untyped-def]
        raise ValueError("secret-ish detail hunter2")

    @check(meta(2))
    def fine(ctx: AuditContext):  # type: ignore[no-untyped-def]
        return [fine.meta.finding(Status.PASS, "s", "m")]

    report = run_audit([crashes, fine], CTX)
    first, second = report.findings
    assert first.status is Status.ERROR
    assert "ValueError at test_runner.py:" in first.message
    assert "hunter2" not in first.message
    assert second.status is Status.PASS
    assert report.incomplete


def test_wrong_results_are_errors() -> None:
    @check(meta(1))
    def wrong_type(ctx: AuditContext):  # type: ignore[no-untyped-def]
        return ["not a finding"]

    @check(meta(2))
    def wrong_id(ctx: AuditContext):  # type: ignore[no-untyped-def]
        return [meta(9).finding(Status.PASS, "s", "m")]

    report = run_audit([wrong_type, wrong_id], CTX)
    assert [f.status for f in report.findings] == [Status.ERROR, Status.ERROR]


def test_unmet_needs_and_empty_results_are_skips() -> None:
    @check(meta(1, needs=frozenset({Need.PASSWORDS})))
    def needs_passwords(ctx: AuditContext):  # type: ignore[no-untyped-def]
        raise AssertionError("must not run without passwords")

    @check(meta(2))
    def nothing(ctx: AuditContext):  # type: ignore[no-untyped-def]
        return []

    report = run_audit([needs_passwords, nothing], AuditContext(clock=lambda: FIXED))
    assert [f.status for f in report.findings] == [Status.SKIP, Status.SKIP]
    assert "no passwords to check" in report.findings[0].message
    assert report.score.value is None


def test_ignore_rules_apply_until_they_expire_and_never_to_errors() -> None:
    @check(meta(1))
    def mixed(ctx: AuditContext):  # type: ignore[no-untyped-def]
        return [
            mixed.meta.finding(Status.FAIL, "Old forum (sam)", "weak"),
            mixed.meta.finding(Status.FAIL, "Bank (sam)", "weak"),
            mixed.meta.finding(Status.ERROR, "Old forum (sam)", "unknown"),
        ]

    rules = (
        IgnoreRule(
            check="test-1", subject="old forum*", reason="closing it", expires=date(2027, 1, 1)
        ),
        IgnoreRule(check="TS001", subject="Bank*", reason="stale rule", expires=date(2026, 1, 1)),
    )
    ctx = AuditContext(settings=Settings(ignore=rules), clock=lambda: FIXED)
    report = run_audit([mixed], ctx)
    statuses = [f.status for f in report.findings]
    assert statuses == [Status.SKIP, Status.FAIL, Status.ERROR]
    assert report.findings[0].message.startswith("ignored until 2027-01-01: closing it")
    assert any("expired on 2026-01-01" in n for n in report.notices)


def test_progress_events() -> None:
    events: list[ProgressEvent] = []

    @check(meta(1))
    def one(ctx: AuditContext):  # type: ignore[no-untyped-def]
        return [one.meta.finding(Status.PASS, "s", "m")]

    run_audit([one], CTX, on_progress=events.append)
    assert [(e.done, e.total, e.finished) for e in events] == [(0, 1, False), (1, 1, True)]
