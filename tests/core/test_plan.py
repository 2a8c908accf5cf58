"""The fix-first plan and the score's coverage, on real checks' metadata."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from privaudit.checks.breach import BreachedPassword
from privaudit.checks.mfa import MissingMfa
from privaudit.checks.passwords import ReusedPassword, StalePasswordCopy, WeakPassword
from privaudit.exitcodes import ExitCode
from privaudit.i18n import use_language
from privaudit.model import Finding, InputSummary, Report, Severity, Status
from privaudit.plan import MAX_ACTIONS, build_plan
from privaudit.policy import exit_code_for
from privaudit.scoring import compute_score

CHECKS = (
    WeakPassword.meta,
    ReusedPassword.meta,
    BreachedPassword.meta,
    MissingMfa.meta,
    StalePasswordCopy.meta,
)
METAS = {m.id: m for m in CHECKS}
AT = datetime(2026, 12, 1, tzinfo=UTC)


def _report(findings: list[Finding], accounts: int = 3) -> Report:
    return Report(
        tool_version="0",
        started_at=AT,
        finished_at=AT,
        inputs=InputSummary(accounts=accounts),
        checks=CHECKS,
        findings=tuple(findings),
        score=compute_score(findings, METAS, accounts),
    )


def _mfa(subject: str, status: Status, severity: Severity) -> Finding:
    return MissingMfa.meta.finding(
        status, subject, "m", severity=severity, details={"service": subject, "dataset": "d"}
    )


BR, PW, RE = BreachedPassword.meta, WeakPassword.meta, ReusedPassword.meta
FINDINGS = [
    BR.finding(Status.FAIL, "Gmail (s)", "b", details={"breach_count": 18742}),
    BR.finding(Status.FAIL, "Dropbox (s)", "b", details={"breach_count": 18742}),
    BR.finding(Status.FAIL, "Forum (s)", "b", details={"breach_count": 3}),
    PW.finding(Status.FAIL, "Gmail (s)", "weak"),
    PW.finding(Status.WARN, "Shop (s)", "short"),
    RE.finding(Status.FAIL, "Gmail (s)", "reuse"),
    RE.finding(Status.FAIL, "Dropbox (s)", "reuse"),
    _mfa("Gmail (s)", Status.FAIL, Severity.CRITICAL),
    _mfa("Dropbox (s)", Status.FAIL, Severity.HIGH),
    _mfa("Forum (s)", Status.FAIL, Severity.MEDIUM),
    _mfa("Shop (s)", Status.PASS, Severity.MEDIUM),
]


def test_plan_ranks_risk_per_minute_and_merges_what_one_change_fixes() -> None:
    plan = build_plan(_report(FINDINGS, 4))
    assert len(plan) <= MAX_ACTIONS
    first = plan[0]
    assert (
        first.title == "Change the password you use on Gmail and Dropbox: it is in 18,742 breaches"
    )
    # The new password is unique and strong too: reuse and weakness join this action.
    assert set(first.check_ids) == {"BR101", "PW101", "PW102"}
    assert first.effort_minutes == 6
    assert not any(a.title.startswith("Give ") for a in plan)
    titles = [a.title for a in plan]
    # Email first: Gmail's 2FA (value 3) outranks the forum's (value 1), cut from the top five.
    assert "Turn on two-step login for Gmail" in titles
    assert "Turn on two-step login for Forum" not in titles
    ranks = [a.rank for a in plan]
    assert ranks == sorted(ranks, reverse=True)


def test_plan_is_deterministic_whatever_the_finding_order() -> None:
    expected = build_plan(_report(FINDINGS, 4))
    rng = random.Random(11)
    for _ in range(20):
        shuffled = FINDINGS[:]
        rng.shuffle(shuffled)
        assert [a.title for a in build_plan(_report(shuffled, 4))] == [a.title for a in expected]


def test_no_problems_no_plan() -> None:
    assert build_plan(_report([_mfa("Shop (s)", Status.PASS, Severity.MEDIUM)], 1)) == ()


def test_profile_only_run_is_incomplete_with_no_grade_and_fail_under_cannot_pass() -> None:
    skipped = [
        PW.finding(Status.SKIP, PW.title, "no passwords to check"),
        BR.finding(Status.SKIP, BR.title, "no passwords to check"),
        _mfa("Shop (s)", Status.PASS, Severity.MEDIUM),
    ]
    report = _report(skipped, 1)
    score = report.score
    assert score.value == 100
    assert score.grade is None
    assert score.missing == ("passwords", "breaches")
    coverage = {c.area: (c.checked, c.total) for c in score.coverage}
    assert coverage == {"passwords": (0, 1), "breaches": (0, 1), "2fa": (1, 1)}
    assert exit_code_for(report, fail_under=50, fail_on=None) is ExitCode.INCOMPLETE
    assert exit_code_for(report, fail_under=None, fail_on=None) is ExitCode.OK


def test_a_breach_error_is_not_coverage() -> None:
    found = [
        PW.finding(Status.PASS, "A", "ok"),
        BR.finding(Status.ERROR, "A", "breach status unknown: network"),
        _mfa("A", Status.PASS, Severity.MEDIUM),
    ]
    score = _report(found, 1).score
    assert score.missing == ("breaches",) and score.grade is None


def test_complete_audit_gets_its_grade() -> None:
    score = _report(FINDINGS, 4).score
    assert score.missing == () and score.grade is not None
    coverage = {c.area: c.checked for c in score.coverage}
    assert coverage == {"passwords": 2, "breaches": 3, "2fa": 4}


def _reuse(subjects: list[str], group: int) -> list[Finding]:
    severity = Severity.CRITICAL if len(subjects) > 3 else None
    return [
        RE.finding(
            Status.FAIL,
            s,
            "reuse",
            severity=severity,
            details={"shared_with": len(subjects) - 1, "group": group},
        )
        for s in subjects
    ]


FOUR = ["Gmail (m)", "Instagram (m)", "Amazon (m)", "X (m)"]


def _vault_and_browser() -> list[Finding]:
    # A person's vault and browser together: one password on Gmail and three other sites,
    # another on two work logins, and an old Reddit password left in the browser.
    four = FOUR
    return [
        *_reuse(four, 1),
        *_reuse(["Work email (w)", "Slack (w)"], 5),
        *(PW.finding(Status.WARN, s, "short", severity=Severity.MEDIUM) for s in four),
        StalePasswordCopy.meta.finding(
            Status.FAIL, "Reddit (m)", "old copy", details={"stale_in": "chrome.csv"}
        ),
        _mfa("Gmail (m)", Status.FAIL, Severity.CRITICAL),
        _mfa("Instagram (m)", Status.FAIL, Severity.HIGH),
        _mfa("Amazon (m)", Status.FAIL, Severity.MEDIUM),
        _mfa("X (m)", Status.FAIL, Severity.HIGH),
        _mfa("Reddit (m)", Status.FAIL, Severity.HIGH),
        _mfa("Work email (w)", Status.FAIL, Severity.CRITICAL),
        _mfa("Slack (w)", Status.FAIL, Severity.HIGH),
    ]


def test_a_password_reused_on_email_outranks_deleting_a_stale_copy() -> None:
    plan = build_plan(_report(_vault_and_browser(), 7))
    titles = [a.title for a in plan]
    first = plan[0]
    # One action per shared password; the generated replacement also ends the weakness.
    assert first.title == (
        "Change the password you use on Gmail, Instagram, X and Amazon:"
        " a leak at one opens them all"
    )
    assert first.accounts == ("Gmail (m)", "Instagram (m)", "X (m)", "Amazon (m)")
    assert set(first.check_ids) == {"PW102", "PW101"}
    assert first.effort_minutes == 12
    assert not any(t.startswith("Replace the weak password") for t in titles)
    # Each sharer stands to lose the email account: 12 x 3 x 4 (+ weakness) over 12 minutes.
    assert first.rank > 12
    work = titles.index(
        "Change the password you use on Work email and Slack: a leak at one opens them all"
    )
    stale = titles.index("Delete the old Reddit password kept in chrome.csv")
    # Two high-value sharers (work email 3): 8 x 3 x 2 / 6 min = 8, level with the copy.
    assert plan[work].rank == plan[stale].rank and work < stale
    assert plan[stale].rank == 8  # medium (4) x Reddit's value (2), one minute


def test_the_plan_is_the_same_in_every_language() -> None:
    # The reused work password and the old Reddit copy rank level (see above): their
    # order must not follow their titles, which differ by language.
    plans = {}
    for lang in ("en", "es"):
        with use_language(lang):
            plan = build_plan(_report(_vault_and_browser(), 7))
        plans[lang] = [(a.check_ids, a.accounts, a.effort_minutes) for a in plan]
    assert plans["en"] == plans["es"]


def test_one_reused_password_per_action() -> None:
    found = [*_reuse(["A (a)", "B (b)"], 1), *_reuse(["C (c)", "D (d)"], 3)]
    titles = sorted(a.title for a in build_plan(_report(found, 4)))
    assert titles == [
        "Change the password you use on A and B: a leak at one opens them all",
        "Change the password you use on C and D: a leak at one opens them all",
    ]
