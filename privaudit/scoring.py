"""The score: explainable, deterministic, and impossible to game by failing.

score = 100 × Σ w(PASS) / Σ (w(PASS) + ½·w(WARN) + w(FAIL)), where w is the
weight of a result's severity. A WARN weighs half a FAIL. ERROR, SKIP and
UNANSWERED results are left out and reported beside the score. See
docs/scoring.md, which also shows why this form (and not "half credit for a
WARN") keeps the promise that a worse result never raises the score.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from privaudit.model import (
    GRADED_AREAS,
    CategoryScore,
    CheckMeta,
    Coverage,
    Finding,
    Need,
    Score,
    Severity,
    Status,
)

# The check that answers each per-account area (one finding per account).
AREA_CHECKS: dict[str, str] = {"passwords": "PW101", "breaches": "BR101", "2fa": "MFA101"}

GRADES: tuple[tuple[int, str], ...] = ((90, "A"), (80, "B"), (70, "C"), (60, "D"), (0, "F"))

# How much of a result's weight counts against the score, in halves: integer sums
# are exact like Fractions and ~10x cheaper over 50,000 logins' findings.
_PENALTY: dict[Status, int] = {Status.PASS: 0, Status.WARN: 1, Status.FAIL: 2}


def grade_for(value: int) -> str:
    for floor, letter in GRADES:
        if value >= floor:
            return letter
    return "F"


def _ratio(results: Iterable[tuple[Status, Severity]]) -> tuple[int | None, int]:
    passed = 0  # both in half weights
    total = 0
    counted = 0
    for status, severity in results:
        weight = severity.weight
        if not status.scored or weight == 0:
            continue
        counted += 1
        if status is Status.PASS:
            passed += 2 * weight
            total += 2 * weight
        else:
            total += _PENALTY[status] * weight
    if total == 0:
        return None, counted
    # Floor, not round: a score must never look better than the results.
    return 100 * passed // total, counted


def _known(finding: Finding) -> bool:
    """A per-account result that says something: scored, or a reasoned not-applicable."""
    if finding.status.scored:
        return True
    # MFA101's own SKIPs ("offers no 2FA", "a device on your network") are knowledge;
    # the runner's ("no accounts to check") carry no details.
    return finding.status is Status.SKIP and bool(finding.details)


def _is_question(finding: Finding) -> bool:
    details = finding.details
    return "item" in details and "deferred_to" not in details


def _answered(finding: Finding) -> bool:
    return finding.status.scored or (
        finding.status is Status.SKIP and finding.details.get("answer") == "n/a"
    )


def compute_coverage(
    findings: Iterable[Finding], metas: Mapping[str, CheckMeta], accounts: int
) -> tuple[Coverage, ...]:
    """What each area checked, out of what it could have (docs/scoring.md)."""
    findings = list(findings)
    out = []
    for area, check_id in AREA_CHECKS.items():
        known = {f.subject for f in findings if f.check_id == check_id and _known(f)}
        out.append(Coverage(area, min(len(known), accounts), accounts))
    questions = [f for f in findings if Need.ANSWERS in metas[f.check_id].needs and _is_question(f)]
    if questions:
        answered = sum(1 for f in questions if _answered(f))
        out.append(Coverage("privacy-settings", answered, len(questions)))
    return tuple(out)


def _few_answers(findings: list[Finding], metas: Mapping[str, CheckMeta]) -> bool:
    """A checklist category graded from 2 answers of 12 would mislead: under half, no grade."""
    questions = [f for f in findings if Need.ANSWERS in metas[f.check_id].needs and _is_question(f)]
    if not questions or len(questions) != len(findings):
        return False
    return 2 * sum(1 for f in questions if _answered(f)) < len(questions)


def compute_score(
    findings: Iterable[Finding], metas: Mapping[str, CheckMeta], accounts: int | None = None
) -> Score:
    findings = list(findings)
    if accounts is None:
        accounts = len({f.subject for f in findings if f.check_id in AREA_CHECKS.values()})
    coverage = compute_coverage(findings, metas, accounts)
    missing = tuple(c.area for c in coverage if c.area in GRADED_AREAS and c.checked == 0)
    # A category whose own area was not checked at all gets no grade either: an
    # offline run's "breach F" from site-breach warnings alone would contradict
    # "breach status known for 0 accounts".
    ungraded = {metas[AREA_CHECKS[a]].category for a in missing if AREA_CHECKS[a] in metas}
    by_category: dict[str, list[tuple[Status, Severity]]] = {}
    category_findings: dict[str, list[Finding]] = {}
    not_scored: dict[str, int] = {}
    everything: list[tuple[Status, Severity]] = []
    for finding in findings:
        meta = metas[finding.check_id]
        pair = (finding.status, finding.severity or meta.severity)
        everything.append(pair)
        by_category.setdefault(meta.category, []).append(pair)
        category_findings.setdefault(meta.category, []).append(finding)
        if not finding.status.scored:
            not_scored[meta.category] = not_scored.get(meta.category, 0) + 1
    categories = []
    for category in sorted(by_category):
        value, counted = _ratio(by_category[category])
        categories.append(
            CategoryScore(
                category=category,
                value=value,
                grade=(
                    grade_for(value)
                    if value is not None
                    and category not in ungraded
                    and not _few_answers(category_findings[category], metas)
                    else None
                ),
                scored=counted,
                not_scored=not_scored.get(category, 0),
            )
        )
    value, _ = _ratio(everything)
    statuses = [f.status for f in findings]
    return Score(
        value=value,
        # No grade for a partial audit: "A" must never mean "nothing was looked at".
        grade=grade_for(value) if value is not None and not missing else None,
        categories=tuple(categories),
        errors=statuses.count(Status.ERROR),
        unanswered=statuses.count(Status.UNANSWERED),
        skipped=statuses.count(Status.SKIP),
        coverage=coverage,
        missing=missing,
    )
