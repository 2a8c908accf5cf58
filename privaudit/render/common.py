"""What every human-readable format shows, in the same order and words."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.model import CheckMeta, Finding, Report, Severity, Status

SEVERITY_ORDER = (
    Severity.CRITICAL,
    Severity.HIGH,
    Severity.MEDIUM,
    Severity.LOW,
    Severity.INFO,
)
PROBLEM_STATUSES = (Status.FAIL, Status.WARN)
STATUS_LABEL = {
    Status.PASS: "PASS",
    Status.WARN: "WARN",
    Status.FAIL: "FAIL",
    Status.ERROR: "ERROR",
    Status.SKIP: "SKIP",
    Status.UNANSWERED: "UNANSWERED",
}


# Results that are neither problems nor passes, in the order reports list them.
OTHER_SECTIONS = (
    (Status.ERROR, "Could not check (not counted as passes)"),
    (Status.UNANSWERED, "Unanswered (not counted)"),
    (Status.SKIP, "Skipped"),
)


@dataclass(frozen=True, slots=True)
class Group:
    """The problems one check found at one severity: why/fix are said once."""

    severity: Severity
    meta: CheckMeta
    findings: tuple[Finding, ...]


def problem_groups(report: Report) -> Iterator[Group]:
    for severity in SEVERITY_ORDER:
        for meta in report.checks:
            found = tuple(
                f
                for f in report.findings
                if f.check_id == meta.id
                and f.status in PROBLEM_STATUSES
                and report.severity_of(f) is severity
            )
            if found:
                yield Group(severity, meta, found)


def findings_with(report: Report, status: Status) -> list[Finding]:
    return [f for f in report.findings if f.status is status]


def score_line(report: Report) -> str:
    score = report.score
    if score.value is None:
        head = "No score: nothing could be checked"
    else:
        head = f"Score {score.value}/100, grade {score.grade}"
    extras = []
    if score.errors:
        extras.append(f"{score.errors} could not be checked")
    if score.unanswered:
        extras.append(f"{score.unanswered} unanswered")
    return head + (f" ({'; '.join(extras)})" if extras else "")


def category_rows(report: Report) -> list[tuple[str, str, str, int, int, int, int]]:
    """(category, score, grade, pass, warn, fail, not scored) for each category."""
    rows = []
    for cat in report.score.categories:
        ids = {m.id for m in report.checks if m.category == cat.category}
        statuses = [f.status for f in report.findings if f.check_id in ids]
        rows.append(
            (
                cat.category,
                "-" if cat.value is None else str(cat.value),
                cat.grade or "-",
                statuses.count(Status.PASS),
                statuses.count(Status.WARN),
                statuses.count(Status.FAIL),
                cat.not_scored,
            )
        )
    return rows


def input_lines(report: Report) -> list[str]:
    lines = [f"{report.inputs.accounts} account(s) audited"]
    for src in report.inputs.sources:
        skipped = sum(src.skipped.values())
        reasons = ", ".join(f"{n} {why}" for why, n in sorted(src.skipped.items()))
        line = f"{src.name} ({src.format}): {src.read} read, {src.used} used, {skipped} skipped"
        lines.append(line + (f" ({reasons})" if reasons else ""))
    for name, value in sorted(report.inputs.datasets.items()):
        lines.append(f"{name} data: {value}")
    return lines
