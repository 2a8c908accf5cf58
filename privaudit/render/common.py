"""What every human-readable format shows, in the same order and words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.model import SUMMARY_DETAIL, CheckMeta, Finding, Report, Severity, Status

URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")
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


def score_line(report: Report, sep: str = "; ") -> str:
    score = report.score
    if score.value is None:
        head = "No score: nothing could be checked"
    elif score.missing:
        missing = " and ".join(AREA_NAMES[m] for m in score.missing)
        head = (
            f"Incomplete, no grade: {missing} not checked{sep}{score.value}/100 on what was checked"
        )
    else:
        head = f"Score {score.value}/100, grade {score.grade}"
    extras = []
    if score.errors:
        extras.append(f"{score.errors} could not be checked")
    if score.unanswered:
        extras.append(f"{score.unanswered} unanswered")
    return head + (f" ({'; '.join(extras)})" if extras else "")


AREA_NAMES = {"passwords": "passwords", "breaches": "breaches", "2fa": "2FA"}
GROUP_BY = ("account", "check")


def coverage_line(report: Report) -> str:
    return "Checked: " + "; ".join(c.phrase for c in report.score.coverage)


@dataclass(frozen=True, slots=True)
class Folded:
    """Findings of one check with one status and one message, said once with a count."""

    check_id: str
    status: Status
    message: str
    subjects: tuple[str, ...]


def _fold_message(report: Report, check_id: str, summaries: set[object]) -> str:
    if len(summaries) == 1 and isinstance(summary := next(iter(summaries)), str) and summary:
        return summary
    return report.meta(check_id).title


def folded(findings: list[Finding], report: Report) -> list[Folded]:
    """Identical messages said once with a count; a check whose messages differ only by
    the account they name ("declare it: privaudit mfa set 'GitHub' ...") is said once,
    by the findings' shared summary (else the check's title), with the accounts listed."""
    groups: dict[tuple[str, Status, str], list[str]] = {}
    summaries: dict[tuple[str, Status], set[object]] = {}
    for f in findings:
        groups.setdefault((f.check_id, f.status, f.message), []).append(f.subject)
        summaries.setdefault((f.check_id, f.status), set()).add(f.details.get(SUMMARY_DETAIL))
    by_check: dict[tuple[str, Status], list[tuple[str, list[str]]]] = {}
    for (check_id, status, message), subjects in groups.items():
        by_check.setdefault((check_id, status), []).append((message, subjects))
    out = []
    for (check_id, status), entries in by_check.items():
        if len(entries) == 1:
            message, subjects = entries[0]
        else:
            message = _fold_message(report, check_id, summaries[(check_id, status)])
            subjects = [s for _, subs in entries for s in subs]
        out.append(Folded(check_id, status, message, tuple(subjects)))
    return out


def problems_by_account(report: Report) -> list[tuple[str, list[Finding]]]:
    """Each subject with problems, worst first, with its problems worst first."""
    by_subject: dict[str, list[Finding]] = {}
    for f in report.findings:
        if f.status in PROBLEM_STATUSES:
            by_subject.setdefault(group_name(report, f), []).append(f)

    def weight(found: list[Finding]) -> int:
        return sum(report.severity_of(f).weight for f in found)

    ordered = sorted(by_subject.items(), key=lambda kv: -weight(kv[1]))
    return [
        (subject, sorted(found, key=lambda f: -report.severity_of(f).rank))
        for subject, found in ordered
    ]


# A few words per problem, for the one-line-per-account view; plugins fall back to
# their check's name.
SHORT = {
    "PW101": "weak password",
    "PW102": "reused password",
    "PW103": "variant of another password",
    "PW104": "old copy elsewhere",
    "BR101": "breached password",
    "MFA101": "no 2FA",
    "MFA102": "weaker 2FA than offered",
    "MFA103": "recovery codes not stored",
    "MFA150": "TOTP seed beside password",
    "TOTP101": "weak TOTP setup",
    "TOTP102": "TOTP seed shared",
    "WEB101": "http:// login",
}


def short_label(report: Report, finding: Finding) -> str:
    item = finding.details.get("item")
    if "platform" in finding.details and isinstance(item, str):
        return item
    if finding.check_id == "BR101" and isinstance(finding.details.get("breach_count"), int):
        return f"in {finding.details['breach_count']:,} breaches"
    return SHORT.get(finding.check_id, report.meta(finding.check_id).name.replace("-", " "))


def compact_problems(report: Report) -> list[tuple[Severity, tuple[str, ...], tuple[str, ...]]]:
    """(worst severity, names, labels): accounts with the same problems share one line."""
    rows: dict[tuple[str, ...], list[tuple[str, Severity]]] = {}
    for name, found in problems_by_account(report):
        labels = tuple(dict.fromkeys(short_label(report, f) for f in found))
        worst = max((report.severity_of(f) for f in found), key=lambda s: s.rank)
        # NEW: since the previous run (audit --since-last).
        shown = f"NEW {name}" if any(report.is_new(f) for f in found) else name
        rows.setdefault(labels, []).append((shown, worst))
    out = [
        (max((w for _, w in entries), key=lambda s: s.rank), tuple(n for n, _ in entries), labels)
        for labels, entries in rows.items()
    ]
    # Worst first; sorted() is stable, so equal rows keep the by-account order.
    return sorted(out, key=lambda row: -row[0].rank)


def unanswered_line(report: Report) -> str | None:
    platforms = unanswered_platforms(report)
    if not platforms:
        return None
    listed = ", ".join(f"{pid} ({n})" for _, pid, n in platforms)
    return f"Checklist questions to answer: {listed}. Run: privaudit checklist run PLATFORM"


def group_name(report: Report, finding: Finding) -> str:
    """The account a finding is about; checklist items group under their platform."""
    if "platform" in finding.details and "item" in finding.details:
        return report.meta(finding.check_id).title.split(":", 1)[0] + " settings"
    return finding.subject


def problem_checks(report: Report) -> list[CheckMeta]:
    """The checks that found problems, in report order: their Why/Fix is said once."""
    ids = {f.check_id for f in report.findings if f.status in PROBLEM_STATUSES}
    return [m for m in report.checks if m.id in ids]


def unanswered_platforms(report: Report) -> list[tuple[str, str, int]]:
    """(platform title, platform id, questions unanswered) for each checklist."""
    out: dict[str, tuple[str, str, int]] = {}
    for f in findings_with(report, Status.UNANSWERED):
        platform = f.details.get("platform")
        if not isinstance(platform, str):
            continue
        title = report.meta(f.check_id).title.split(":", 1)[0]
        _, _, n = out.get(platform, (title, platform, 0))
        out[platform] = (title, platform, n + 1)
    return list(out.values())


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
