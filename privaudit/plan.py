"""The "fix first" plan: from a Report's findings, at most five things to do.

Each action is one thing to do for one or more accounts, ranked by risk
removed per minute of effort (docs/scoring.md, "The plan"):

    risk   = Σ over the action's findings of weight(severity) × value(account) × k(status)
    value  = 3 for an account that can reset others (email), 2 for money, files or
             public identity, 1 otherwise (from the 2FA data, via MFA101's severity)
    k      = 1 for FAIL, ½ for WARN
    effort = minutes per account for the kind of action (EFFORT below)
    rank   = risk / effort, highest first; ties by title, so the plan is deterministic.

Pure: the same report always gives the same plan, in every format.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from privaudit.model import Finding, Report, Severity, Status

MAX_ACTIONS: Final = 5

# Minutes a person needs, per account, for each kind of action.
EFFORT: Final = {
    "change-breached": 3,
    "change-site-breached": 3,
    "unique-password": 3,
    "strong-password": 3,
    "turn-on-2fa": 5,
    "stronger-2fa": 5,
    "delete-copy": 1,
    "settings": 2,
    "other": 3,
}
_VALUE: Final = {Severity.CRITICAL: 3, Severity.HIGH: 2}
_K: Final = {Status.FAIL: Fraction(1), Status.WARN: Fraction(1, 2)}


@dataclass(frozen=True, slots=True)
class Action:
    title: str
    why: str
    accounts: tuple[str, ...]
    check_ids: tuple[str, ...]
    effort_minutes: int
    risk: Fraction

    @property
    def rank(self) -> Fraction:
        return self.risk / self.effort_minutes


def short_name(subject: str) -> str:
    """'Gmail (sam@example.com)' -> 'Gmail': titles name services, the list names logins."""
    head, sep, _ = subject.partition(" (")
    return head if sep and head else subject


def and_list(names: Iterable[str], limit: int = 3) -> str:
    items = list(dict.fromkeys(names))
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def account_values(report: Report) -> dict[str, int]:
    """What a takeover costs, per subject: MFA101 carries the service's severity."""
    values: dict[str, int] = {}
    for f in report.findings:
        if f.check_id == "MFA101" and f.details.get("service"):
            values[f.subject] = _VALUE.get(report.severity_of(f), 1)
    return values


def _risk(report: Report, findings: Iterable[Finding], values: dict[str, int]) -> Fraction:
    return sum(
        (report.severity_of(f).weight * values.get(f.subject, 1) * _K[f.status] for f in findings),
        Fraction(0),
    )


def _groups(report: Report) -> list[tuple[str, str, list[Finding]]]:
    """(kind, key, findings): one future action each."""
    problems = [f for f in report.findings if f.status in _K]
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in problems:
        meta = report.meta(f.check_id)
        if f.check_id == "BR101":
            kind, key = "change-breached", str(f.details.get("breach_count"))
        elif f.check_id == "EXP101":
            kind, key = "change-site-breached", ""
        elif f.check_id in ("PW102", "PW103"):
            kind, key = "unique-password", f.check_id
        elif f.check_id == "PW101":
            kind, key = "strong-password", ""
        elif f.check_id == "MFA101":
            kind, key = "turn-on-2fa", f.subject
        elif f.check_id == "MFA102":
            kind, key = "stronger-2fa", f.subject
        elif f.check_id == "PW104":
            kind, key = "delete-copy", f.subject
        elif "platform" in f.details:
            kind, key = "settings", f"{f.check_id}"
        else:
            kind, key = "other", f"{meta.id}"
        groups.setdefault((kind, key), []).append(f)
    return [(kind, key, found) for (kind, key), found in groups.items()]


def _title(report: Report, kind: str, found: list[Finding]) -> tuple[str, str]:
    subjects = [f.subject for f in found]
    names = and_list(short_name(s) for s in subjects)
    first = found[0]
    meta = report.meta(first.check_id)
    if kind == "change-breached":
        count = first.details.get("breach_count")
        times = f"{count:,}" if isinstance(count, int) else "many"
        return (
            f"Change the password you use on {names}: it is in {times} breaches",
            "Attackers try breached passwords first, on every site.",
        )
    if kind == "change-site-breached":
        return (
            f"Change the password you use on {names}: the site was breached after it was set",
            meta.why,
        )
    if kind == "unique-password":
        return (f"Give {names} each a password of its own", meta.why)
    if kind == "strong-password":
        return (f"Replace the weak password of {names} with a generated one", meta.why)
    # Where the service offers passkeys (MFA101/MFA102 say so), the plan says it too.
    if kind == "turn-on-2fa" and first.details.get("passkeys"):
        return (f"Set up a passkey (or two-step login) for {names}", first.message)
    if kind == "turn-on-2fa":
        return (f"Turn on two-step login for {names}", first.message)
    if kind == "stronger-2fa" and first.details.get("passkeys"):
        return (f"Create a passkey for {names}: it cannot be phished", first.message)
    if kind == "stronger-2fa":
        return (f"Switch {names} to a stronger second factor", first.message)
    if kind == "delete-copy":
        where = first.details.get("stale_in") or "the other place"
        return (f"Delete the old {names} password kept in {where}", meta.why)
    if kind == "settings":
        platform = meta.title.split(":", 1)[0]
        return (
            f"Fix {len(found)} {platform} setting(s)",
            f"{meta.why} See: privaudit checklist run {first.details.get('platform')}",
        )
    return (f"{meta.title}: {names}", meta.why)


def _fold_into_changes(
    groups: list[tuple[str, str, list[Finding]]],
) -> list[tuple[str, str, list[Finding]]]:
    """A breached password's replacement, made unique and strong, also ends its reuse
    and weakness: those findings join the "change" action instead of adding their own."""
    changing = {
        f.subject: i
        for i, (k, _, fs) in enumerate(groups)
        if k in ("change-breached", "change-site-breached")
        for f in fs
    }
    out = [(k, key, list(fs)) for k, key, fs in groups]
    for kind, _key, found in out:
        if kind not in ("unique-password", "strong-password"):
            continue
        for f in list(found):
            if f.subject in changing:
                found.remove(f)
                out[changing[f.subject]][2].append(f)
    return [g for g in out if g[2]]


def build_plan(report: Report, limit: int = MAX_ACTIONS) -> tuple[Action, ...]:
    values = account_values(report)
    actions = []
    for kind, _key, unordered in _fold_into_changes(_groups(report)):
        # Most valuable account first, then by name: the same plan whatever the order.
        found = sorted(unordered, key=lambda f: (-values.get(f.subject, 1), f.subject, f.check_id))
        title, why = _title(report, kind, found)
        accounts = tuple(dict.fromkeys(f.subject for f in found))
        # Settings take minutes per item; everything else, per account.
        effort = EFFORT[kind] * (len(found) if kind == "settings" else len(accounts))
        actions.append(
            Action(
                title=title,
                why=why,
                accounts=accounts,
                check_ids=tuple(dict.fromkeys(f.check_id for f in found)),
                effort_minutes=effort,
                risk=_risk(report, found, values),
            )
        )
    actions.sort(key=lambda a: (-a.rank, a.title))
    return tuple(actions[:limit])
