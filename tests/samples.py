"""Deterministic reports for golden files and renderer tests."""

from __future__ import annotations

from datetime import UTC, datetime

from privaudit.model import (
    CheckMeta,
    InputSummary,
    Report,
    Severity,
    SourceSummary,
    Status,
)
from privaudit.scoring import compute_score

# Everything an attacker controls in a vault label, in one string.
HOSTILE_LABEL = "Bank [/bold] [red]x[/red] \x1b[31mred\x1b[0m \u202egnp.exe\u202c |*_`<b>"

WEAK = CheckMeta(
    id="PW101",
    name="weak-password",
    category="passwords",
    severity=Severity.HIGH,
    title="Weak or short password",
    why="A short or predictable password can be guessed quickly.",
    fix="Use a password manager to make a long random one.",
    references=("https://pages.nist.gov/800-63-4/sp800-63b.html",),
)
REUSE = CheckMeta(
    id="PW102",
    name="reused-password",
    category="reuse",
    severity=Severity.HIGH,
    title="Password used on more than one account",
    why="One leak opens every account that shares the password.",
    fix="Give each account its own password.",
)
MFA = CheckMeta(
    id="MFA101",
    name="missing-mfa",
    category="mfa",
    severity=Severity.CRITICAL,
    title="No second factor on the account",
    why="A stolen password alone is enough without a second factor.",
    fix="Turn on two-step verification.",
)
PRIVACY = CheckMeta(
    id="CL101",
    name="profile-visibility",
    category="platform",
    severity=Severity.MEDIUM,
    title="Profile visibility",
    why="A public profile shows your posts to strangers.",
    fix="Make the profile private.",
)
NOTE = CheckMeta(
    id="INF101",
    name="informational-note",
    category="mfa",
    severity=Severity.INFO,
    title="Informational note",
    why="Worth knowing.",
    fix="Nothing to do.",
)

FINDINGS = (
    WEAK.finding(Status.FAIL, "Mail (sam@example.com)", "easy to guess: 3 minutes"),
    WEAK.finding(Status.WARN, "Shop (sam)", "under 15 characters", severity=Severity.MEDIUM),
    WEAK.finding(Status.PASS, "Code host (sam)", "strong"),
    WEAK.finding(Status.FAIL, HOSTILE_LABEL, "contains [bold]markup[/bold] and \x07 bell"),
    REUSE.finding(
        Status.FAIL, "Mail (sam@example.com)", "same password as 1 other account(s): Shop (sam)"
    ),
    REUSE.finding(Status.PASS, "Code host (sam)", "not used on another account"),
    MFA.finding(Status.FAIL, "Mail (sam@example.com)", "no second factor recorded"),
    MFA.finding(Status.PASS, "Code host (sam)", "second factor: passkey"),
    MFA.finding(Status.ERROR, "Shop (sam)", "2FA data unavailable"),
    PRIVACY.finding(Status.UNANSWERED, "Instagram", "Is your profile private?"),
    PRIVACY.finding(Status.SKIP, "Facebook", "not applicable"),
    NOTE.finding(Status.WARN, "Code host (sam)", "TOTP seed kept with the password"),
)
CHECKS = (WEAK, REUSE, MFA, PRIVACY, NOTE)


def sample_report(*, demo: bool = False) -> Report:
    metas = {m.id: m for m in CHECKS}
    return Report(
        tool_version="1.2.3",
        started_at=datetime(2026, 11, 1, 9, 30, 0, tzinfo=UTC),
        finished_at=datetime(2026, 11, 1, 9, 30, 4, tzinfo=UTC),
        inputs=InputSummary(
            accounts=4,
            sources=(
                SourceSummary(
                    name="export.json",
                    format="bitwarden-json",
                    read=7,
                    used=3,
                    skipped={"card": 2, "secure note": 1, "no password": 1},
                ),
            ),
            datasets={"2fa": "built-in 2026-11-01"},
        ),
        checks=CHECKS,
        findings=FINDINGS,
        score=compute_score(FINDINGS, metas),
        notices=("You audited a plaintext export (export.json): delete it now.",),
        demo=demo,
    )
