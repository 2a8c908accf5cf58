"""The score: explainable, deterministic, and impossible to game by failing.

score = 100 × Σ w(PASS) / Σ (w(PASS) + ½·w(WARN) + w(FAIL)), where w is the
weight of a result's severity. A WARN weighs half a FAIL. ERROR, SKIP and
UNANSWERED results are left out and reported beside the score. See
docs/scoring.md, which also shows why this form (and not "half credit for a
WARN") keeps the promise that a worse result never raises the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from privaudit.model import CategoryScore, CheckMeta, Finding, Score, Severity, Status

GRADES: tuple[tuple[int, str], ...] = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))

# How much of a result's weight counts against the score.
_PENALTY: dict[Status, Fraction] = {
    Status.PASS: Fraction(0),
    Status.WARN: Fraction(1, 2),
    Status.FAIL: Fraction(1),
}


def grade_for(value: int) -> str:
    for floor, letter in GRADES:
        if value >= floor:
            return letter
    return "F"


def _ratio(results: Iterable[tuple[Status, Severity]]) -> tuple[int | None, int]:
    passed = Fraction(0)
    total = Fraction(0)
    counted = 0
    for status, severity in results:
        if not status.scored or severity.weight == 0:
            continue
        counted += 1
        if status is Status.PASS:
            passed += severity.weight
            total += severity.weight
        else:
            total += _PENALTY[status] * severity.weight
    if total == 0:
        return None, counted
    # Floor, not round: a score must never look better than the results.
    return int(100 * passed / total), counted


def compute_score(findings: Iterable[Finding], metas: Mapping[str, CheckMeta]) -> Score:
    findings = list(findings)
    by_category: dict[str, list[tuple[Status, Severity]]] = {}
    not_scored: dict[str, int] = {}
    everything: list[tuple[Status, Severity]] = []
    for finding in findings:
        meta = metas[finding.check_id]
        pair = (finding.status, finding.severity or meta.severity)
        everything.append(pair)
        by_category.setdefault(meta.category, []).append(pair)
        if not finding.status.scored:
            not_scored[meta.category] = not_scored.get(meta.category, 0) + 1
    categories = []
    for category in sorted(by_category):
        value, counted = _ratio(by_category[category])
        categories.append(
            CategoryScore(
                category=category,
                value=value,
                grade=grade_for(value) if value is not None else None,
                scored=counted,
                not_scored=not_scored.get(category, 0),
            )
        )
    value, _ = _ratio(everything)
    statuses = [f.status for f in findings]
    return Score(
        value=value,
        grade=grade_for(value) if value is not None else None,
        categories=tuple(categories),
        errors=statuses.count(Status.ERROR),
        unanswered=statuses.count(Status.UNANSWERED),
        skipped=statuses.count(Status.SKIP),
    )
