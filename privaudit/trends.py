"""Comparing runs: what is new, what was resolved, and when to notify. Pure functions."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any

from privaudit.model import Report, Severity, Status
from privaudit.runs import RunResult, RunSummary
from privaudit.serialize import report_to_dict

PROBLEMS = (Status.FAIL, Status.WARN)
NOTIFY_SEVERITIES = (Severity.HIGH, Severity.CRITICAL)
PreviousProblems = Sequence[RunResult] | AbstractSet[str] | None


def new_problem_keys(report: Report, previous: PreviousProblems) -> frozenset[str]:
    """Keys of this report's problems that were not problems in the previous run.

    `previous` is the previous run's results, or just its problem keys (what an
    audit loads: `History.problem_keys`). With no previous run every problem is new.
    """
    if isinstance(previous, AbstractSet):
        before: AbstractSet[str] = previous
    else:
        before = {r.key for r in previous or () if r.problem}
    return frozenset(f.key for f in report.findings if f.status in PROBLEMS and f.key not in before)


@dataclass(frozen=True, slots=True)
class RunDiff:
    new: tuple[RunResult, ...]
    """Problems in B that were not problems in A."""
    resolved: tuple[RunResult, ...]
    """Problems in A that B checked and found fine (PASS)."""
    still_open: tuple[RunResult, ...]
    """Problems in both."""
    unknown: tuple[RunResult, ...]
    """Problems in A that B could not check, skipped or did not run: not called resolved."""


def diff_results(a: Sequence[RunResult], b: Sequence[RunResult]) -> RunDiff:
    a_problems = {r.key: r for r in a if r.problem}
    b_by_key = {r.key: r for r in b}
    new = tuple(r for r in b if r.problem and r.key not in a_problems)
    still = tuple(r for r in b if r.problem and r.key in a_problems)
    resolved = tuple(
        r for k, r in a_problems.items() if k in b_by_key and b_by_key[k].status is Status.PASS
    )
    unknown = tuple(
        r
        for k, r in a_problems.items()
        if k not in b_by_key or b_by_key[k].status not in (Status.PASS, *PROBLEMS)
    )
    return RunDiff(new, resolved, still, unknown)


def notify_reasons(
    report: Report, previous: RunSummary | None, previous_results: PreviousProblems
) -> list[str]:
    """Why a webhook should hear about this run (empty: stay quiet)."""
    reasons: list[str] = []
    now = report.score.value
    if previous is not None and previous.score is not None:
        if now is None:
            reasons.append(f"no score this run (previous {previous.score})")
        elif now < previous.score:
            reasons.append(f"score dropped from {previous.score} to {now}")
    new_keys = new_problem_keys(report, previous_results)
    serious = [
        f
        for f in report.findings
        if f.key in new_keys and report.severity_of(f) in NOTIFY_SEVERITIES
    ]
    if serious:
        reasons.append(f"{len(serious)} new high or critical finding(s)")
    return reasons


def notification_payload(
    report: Report,
    previous: RunSummary | None,
    reasons: Sequence[str],
    new_keys: frozenset[str],
    outbound_key: Callable[[str], str],
) -> dict[str, Any]:
    """The JSON summary a webhook receives: scores, counts and check ids only.

    No subjects (account names), messages or details leave the machine; each
    finding's key is passed through `outbound_key` (keyed with the profile's
    secret, store/profile_key.py) so it cannot be matched against guessed labels.
    """
    data = report_to_dict(report)
    new = [
        {
            "check_id": f.check_id,
            "title": report.meta(f.check_id).title,
            "severity": report.severity_of(f).value,
            "status": f.status.value,
            "key": outbound_key(f.key),
        }
        for f in report.findings
        if f.key in new_keys and f.status in PROBLEMS
    ]
    return {
        "event": "privaudit.audit",
        "schema_version": "1",
        "reasons": list(reasons),
        "tool": data["tool"],
        "started_at": data["started_at"],
        "finished_at": data["finished_at"],
        "score": {k: data["score"][k] for k in ("value", "grade", "errors", "unanswered")},
        "previous_score": previous.score if previous else None,
        "categories": [
            {"category": c["category"], "value": c["value"], "grade": c["grade"]}
            for c in data["score"]["categories"]
        ],
        "counts": data["counts"],
        "incomplete": data["incomplete"],
        "new_findings": new,
    }
