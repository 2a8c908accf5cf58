"""What the user decided: accepted findings (ignore rules) and the pass/fail policy."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from fnmatch import fnmatchcase

from privaudit.check import Check
from privaudit.exitcodes import ExitCode
from privaudit.i18n import _, ngettext
from privaudit.model import Finding, Report, Severity, Status
from privaudit.settings import IgnoreRule


def _rule_applies(rule: IgnoreRule, finding: Finding, names: dict[str, str]) -> bool:
    wanted = rule.check.strip()
    if wanted.upper() != finding.check_id and wanted.lower() != names.get(finding.check_id):
        return False
    return rule.subject is None or fnmatchcase(finding.subject.lower(), rule.subject.lower())


def apply_ignores(
    findings: Sequence[Finding],
    checks: Sequence[Check],
    rules: Sequence[IgnoreRule],
    today: date,
) -> tuple[list[Finding], list[str]]:
    """Turn accepted WARN/FAIL findings into SKIP ("ignored: reason").

    ERROR findings are never ignored: an unknown answer stays unknown. An expired
    rule stops applying and says so, so an exception cannot outlive its reason.
    """
    names = {c.meta.id: c.meta.name for c in checks}
    active = [r for r in rules if r.expires is None or r.expires >= today]
    notices = [
        _("The ignore rule for {check} expired on {date}; its findings count again.").format(
            check=r.check, date=r.expires.isoformat()
        )
        for r in rules
        if r.expires is not None and r.expires < today
    ]
    out: list[Finding] = []
    for finding in findings:
        rule = next((r for r in active if _rule_applies(r, finding, names)), None)
        if rule is not None and finding.status in (Status.WARN, Status.FAIL):
            if rule.expires:
                message = _("ignored until {date}: {reason} (was {status}: {message})")
            else:
                message = _("ignored: {reason} (was {status}: {message})")
            message = message.format(
                date=rule.expires.isoformat() if rule.expires else "",
                reason=rule.reason,
                status=finding.status.value,
                message=finding.message,
            )
            out.append(dataclasses.replace(finding, status=Status.SKIP, message=message))
        else:
            out.append(finding)
    return out, notices


def exit_code_for(report: Report, *, fail_under: int | None, fail_on: Severity | None) -> ExitCode:
    """1 if the policy is known to be broken, else 3 if the audit is incomplete, else 0.

    A definite policy failure wins over incompleteness: what is missing cannot
    undo a weak password already found.
    """
    if policy_failures(report, fail_under=fail_under, fail_on=fail_on):
        return ExitCode.POLICY
    if report.incomplete:
        return ExitCode.INCOMPLETE
    if fail_under is not None and (report.score.value is None or report.score.missing):
        # Nothing could be scored, or whole areas were not checked (no grade): the
        # threshold cannot be confirmed, so it is not reported as met.
        return ExitCode.INCOMPLETE
    return ExitCode.OK


def policy_failures(
    report: Report, *, fail_under: int | None, fail_on: Severity | None
) -> list[str]:
    reasons: list[str] = []
    score = report.score.value
    if fail_under is not None and score is not None and score < fail_under:
        reasons.append(
            _("score {score} is below --fail-under {threshold}").format(
                score=score, threshold=fail_under
            )
        )
    if fail_on is not None:
        hits = [
            f
            for f in report.findings
            if f.status in (Status.FAIL, Status.WARN) and report.severity_of(f) >= fail_on
        ]
        if hits:
            n = len(hits)
            reasons.append(
                ngettext(
                    "{n} finding at or above --fail-on {severity}",
                    "{n} findings at or above --fail-on {severity}",
                    n,
                ).format(n=n, severity=fail_on.value)
            )
    return reasons
