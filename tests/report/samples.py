"""A deterministic report with every status, hostile text and a trend, for goldens."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from privaudit.model import InputSummary, Report, SourceSummary, Status, TrendPoint
from privaudit.scoring import compute_score
from tests import samples as base
from tests.samples import PRIVACY, WEAK

# Markup, formula and escape attempts an attacker could put in a vault label.
HOSTILE = '=HYPERLINK("http://evil.test")<script>alert(1)</script> [/bold] "quoted" & more'

# The same checks as tests/samples.py, with a title that needs HTML escaping.
MFA = dataclasses.replace(base.MFA, title="No second factor <on> the account")
CHECKS = (WEAK, MFA, PRIVACY)


def sample_report() -> Report:
    findings = (
        WEAK.finding(Status.FAIL, "GitHub (alice)", "easy to guess: cracked in minutes"),
        WEAK.finding(Status.WARN, HOSTILE, "-2+3 looks like a formula", fix="@SUM(A1) fix"),
        WEAK.finding(Status.PASS, "Bank (alice)", "strong"),
        MFA.finding(Status.FAIL, "Mail (alice@example.com)", "no second factor recorded"),
        MFA.finding(Status.ERROR, "Forum (al)", "network unreachable: use --offline"),
        PRIVACY.finding(Status.UNANSWERED, "Instagram", "answer the checklist question"),
        PRIVACY.finding(Status.SKIP, "Facebook", "ignored: accepted risk"),
    )
    return Report(
        tool_version="0.1.0",
        started_at=datetime(2026, 11, 24, 20, 0, 0, tzinfo=UTC),
        finished_at=datetime(2026, 11, 24, 20, 0, 3, tzinfo=UTC),
        inputs=InputSummary(
            accounts=6,
            sources=(SourceSummary("vault<1>.json", "bitwarden-json", 7, 6, {"card": 1}),),
        ),
        checks=CHECKS,
        findings=findings,
        score=compute_score(findings, {m.id: m for m in CHECKS}),
        notices=("Delete the export <now>.",),
    )


def sample_with_new() -> Report:
    report = sample_report()
    return dataclasses.replace(report, new_keys=frozenset({report.findings[0].key}))


SAMPLE_TREND = (
    TrendPoint(datetime(2026, 11, 1, 20, 0, tzinfo=UTC), 20),
    TrendPoint(datetime(2026, 11, 8, 20, 0, tzinfo=UTC), None),
    TrendPoint(datetime(2026, 11, 15, 20, 0, tzinfo=UTC), 35),
)
