"""BR101 with injected lookups: findings, severities, fail-closed on unknowns."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from privaudit.accounts import Account
from privaudit.checks.breach import BreachedPassword, severity_for
from privaudit.context import AuditContext
from privaudit.errors import ServiceError
from privaudit.model import Severity, Status
from privaudit.pwned.lookup import LookupFailure, LookupResult
from privaudit.runner import run_audit
from privaudit.secret import Secret
from tests.pwned.conftest import sha1


class FakeLookup:
    source = "a test table"

    def __init__(self, answers: Mapping[str, LookupResult], error: bool = False) -> None:
        self.answers = answers
        self.error = error
        self.calls: list[list[str]] = []

    async def lookup(self, hashes: Sequence[str]) -> Mapping[str, LookupResult]:
        self.calls.append(list(hashes))
        if self.error:
            raise ServiceError("breach corpus x.txt is not sorted by hash")
        return {h: self.answers.get(sha1_to_pw.get(h, ""), 0) for h in hashes}


sha1_to_pw: dict[str, str] = {}


def account(label: str, password: str) -> Account:
    sha1_to_pw[sha1(password)] = password
    return Account(label=label, password=Secret(password))


def run(accounts: list[Account], lookup: object, offline: bool = False):  # type: ignore[no-untyped-def]
    ctx = AuditContext(accounts=tuple(accounts), offline=offline, pwned=lookup)  # type: ignore[arg-type]
    return run_audit([BreachedPassword()], ctx)


def test_findings_by_prevalence_and_one_hash_per_distinct_password() -> None:
    lookup = FakeLookup({"once": 1, "often": 50, "everywhere": 2_000_000})
    report = run(
        [
            account("A", "once"),
            account("B", "often"),
            account("C", "everywhere"),
            account("D", "everywhere"),
            account("E", "clean"),
        ],
        lookup,
    )
    by = {f.subject: f for f in report.findings}
    assert by["A"].status is Status.FAIL
    assert by["A"].severity is Severity.MEDIUM
    assert by["B"].severity is Severity.HIGH
    assert by["C"].severity is Severity.CRITICAL
    assert "2,000,000 times" in by["C"].message
    assert by["E"].status is Status.PASS
    assert len(lookup.calls) == 1
    assert len(lookup.calls[0]) == 4
    assert severity_for(99_999) is Severity.HIGH
    assert severity_for(100_000) is Severity.CRITICAL


def test_failures_are_errors_never_passes() -> None:
    lookup = FakeLookup({"x": LookupFailure("api.example timed out (4 attempts)")})  # type: ignore[dict-item]
    report = run([account("A", "x"), account("B", "fine")], lookup)
    by = {f.subject: f for f in report.findings}
    assert by["A"].status is Status.ERROR
    assert by["A"].message.startswith("breach status unknown: api.example timed out")
    assert "try again or use --offline" in by["A"].message
    assert report.incomplete


def test_a_corrupt_corpus_makes_every_account_unknown() -> None:
    report = run([account("A", "x"), account("B", "y")], FakeLookup({}, error=True))
    assert [f.status for f in report.findings] == [Status.ERROR, Status.ERROR]
    assert "not sorted" in report.findings[0].message


def test_offline_without_corpus_is_skip_with_a_way_to_get_one() -> None:
    report = run([account("A", "x")], None, offline=True)
    (finding,) = report.findings
    assert finding.status is Status.SKIP
    assert "--pwned-corpus" in finding.message


def test_no_service_online_is_an_error() -> None:
    report = run([account("A", "x")], None, offline=False)
    assert report.findings[0].status is Status.ERROR


def test_a_password_that_is_not_unicode_is_unknown() -> None:
    report = run([Account(label="A", password=Secret("bad\udc80"))], FakeLookup({}))
    assert report.findings[0].status is Status.ERROR


def test_no_passwords_is_skip() -> None:
    report = run([Account(label="A")], FakeLookup({}))
    assert report.findings[0].status is Status.SKIP


def test_lookup_is_awaited_in_the_runner_loop() -> None:
    assert asyncio.iscoroutinefunction(BreachedPassword().run)
