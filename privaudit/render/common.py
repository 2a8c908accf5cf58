"""What every human-readable format shows, in the same order and words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from privaudit.i18n import N_, _, format_number, ngettext
from privaudit.model import SUMMARY_DETAIL, CheckMeta, Finding, Report, Severity, Status
from privaudit.plan import and_list
from privaudit.render.labels import (
    AREA_NAMES,
    CATEGORY_NAMES,
    SEVERITY_LABEL,
    SHORT,
    STATUS_LABEL,
    category_name,
    check_label,
    count_phrase,
    dataset_name,
    severity_label,
    status_label,
)

__all__ = [
    "AREA_NAMES",
    "CATEGORY_NAMES",
    "SEVERITY_LABEL",
    "SHORT",
    "STATUS_LABEL",
    "category_name",
    "check_label",
    "count_phrase",
    "severity_label",
    "status_label",
]

URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:)]")
SEVERITY_ORDER = (
    Severity.CRITICAL,
    Severity.HIGH,
    Severity.MEDIUM,
    Severity.LOW,
    Severity.INFO,
)
PROBLEM_STATUSES = (Status.FAIL, Status.WARN)


def counts_line(report: Report) -> str:
    counts = report.counts()
    return ", ".join(count_phrase(s, counts[s]) for s in Status if counts[s])


# Results that are neither problems nor passes, in the order reports list them.
OTHER_SECTIONS = (
    (Status.ERROR, N_("Could not check (not counted as passes)")),
    (Status.UNANSWERED, N_("Unanswered (not counted)")),
    (Status.SKIP, N_("Skipped")),
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
        head = _("No score: nothing could be checked")
    elif score.missing:
        head = _("Incomplete, no grade: {missing} not checked").format(
            missing=missing_areas(report)
        )
        head += sep + _("{score}/100 on what was checked").format(score=score.value)
    else:
        head = _("Score {score}/100, grade {grade}").format(score=score.value, grade=score.grade)
    extras = []
    if score.errors:
        n = score.errors
        extras.append(ngettext("{n} could not be checked", "{n} could not be checked", n))
        extras[-1] = extras[-1].format(n=n)
    if score.unanswered:
        n = score.unanswered
        extras.append(ngettext("{n} unanswered", "{n} unanswered", n).format(n=n))
    return head + (f" ({'; '.join(extras)})" if extras else "")


GROUP_BY = ("account", "check")


def missing_areas(report: Report) -> str:
    """'passwords and 2FA': the graded areas nothing was checked in."""
    return and_list(_(AREA_NAMES[m]) for m in report.score.missing)


def coverage_line(report: Report) -> str:
    return _("Checked: {areas}").format(areas="; ".join(c.phrase for c in report.score.coverage))


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


def short_label(report: Report, finding: Finding) -> str:
    item = finding.details.get("item")
    if "platform" in finding.details and isinstance(item, str):
        return item
    count = finding.details.get("breach_count")
    if finding.check_id == "BR101" and isinstance(count, int):
        return ngettext("in {n} breach", "in {n} breaches", count).format(n=format_number(count))
    return check_label(report.meta(finding.check_id))


def compact_problems(report: Report) -> list[tuple[Severity, tuple[str, ...], tuple[str, ...]]]:
    """(worst severity, names, labels): accounts with the same problems share one line."""
    rows: dict[tuple[str, ...], list[tuple[str, Severity]]] = {}
    for name, found in problems_by_account(report):
        if all("item" in f.details for f in found):
            # A checklist's item ids are for the command that answers them (--details);
            # the short line says how many settings to look at, in the reader's words.
            n = len(found)
            labels: tuple[str, ...] = (
                ngettext("{n} setting to review", "{n} settings to review", n).format(n=n),
            )
        else:
            labels = tuple(dict.fromkeys(short_label(report, f) for f in found))
        worst = max((report.severity_of(f) for f in found), key=lambda s: s.rank)
        # NEW: since the previous run (audit --since-last).
        shown = _("NEW {name}").format(name=name) if any(report.is_new(f) for f in found) else name
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
    listed = ", ".join(f"{pid} ({n})" for _title, pid, n in platforms)
    return _(
        "Checklist questions to answer: {platforms}. Run: privaudit checklist run PLATFORM"
    ).format(platforms=listed)


def group_name(report: Report, finding: Finding) -> str:
    """The account a finding is about; checklist items group under their platform."""
    if "platform" in finding.details and "item" in finding.details:
        platform = report.meta(finding.check_id).title.split(":", 1)[0]
        return _("{platform} settings").format(platform=platform)
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
                category_name(cat.category),
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
    n = report.inputs.accounts
    lines = [ngettext("{n} account audited", "{n} accounts audited", n).format(n=n)]
    for src in report.inputs.sources:
        skipped = sum(src.skipped.values())
        reasons = ", ".join(f"{n} {_(why)}" for why, n in sorted(src.skipped.items()))
        line = _("{name} ({format}): {read} read, {used} used, {skipped} skipped").format(
            name=src.name, format=src.format, read=src.read, used=src.used, skipped=skipped
        )
        lines.append(line + (f" ({reasons})" if reasons else ""))
    for name, value in sorted(report.inputs.datasets.items()):
        lines.append(_("{name} data: {value}").format(name=dataset_name(name), value=value))
    return lines
