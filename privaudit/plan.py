"""The "fix first" plan: from a Report's findings, at most five things to do.

Each action is one thing to do for one or more accounts, ranked by risk
removed per minute of effort (docs/scoring.md, "The plan"):

    risk   = Σ over the action's findings of weight(severity) × value(account) × k(status)
    value  = 3 for an account that can reset others (email), 2 for money, files or
             public identity, 1 otherwise (from the 2FA data, via MFA101's severity);
             a password shared by several accounts takes the highest value among them
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

from privaudit.i18n import _, format_number, ngettext
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
    # "and 1 more" is no shorter than the name it hides.
    if len(items) > limit + 1:
        more = len(items) - limit
        return ngettext("{names} and {n} more", "{names} and {n} more", more).format(
            names=", ".join(items[:limit]), n=more
        )
    if len(items) <= 1:
        return "".join(items)
    # TRANSLATORS: the end of a list: "Gmail, Dropbox and Instagram".
    return _("{names} and {last}").format(names=", ".join(items[:-1]), last=items[-1])


def account_values(report: Report) -> dict[str, int]:
    """What a takeover costs, per subject: MFA101 carries the service's severity."""
    values: dict[str, int] = {}
    for f in report.findings:
        if f.check_id == "MFA101" and f.details.get("service"):
            values[f.subject] = _VALUE.get(report.severity_of(f), 1)
    return values


def _risk(
    report: Report, kind: str, findings: Iterable[Finding], values: dict[str, int]
) -> Fraction:
    found = list(findings)
    value = {f.subject: values.get(f.subject, 1) for f in found}
    if kind == "unique-password":
        # A leak at any site sharing the password opens them all, email included:
        # each sharer stands to lose what the most valuable of them guards.
        top = max(value.values(), default=1)
        value = dict.fromkeys(value, top)
    return sum(
        (report.severity_of(f).weight * value[f.subject] * _K[f.status] for f in found),
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
        elif f.check_id == "PW102":
            # One action per shared password: one new password ends that group's reuse.
            kind, key = "unique-password", f"PW102:{f.details.get('group', '')}"
        elif f.check_id == "PW103":
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
        why = _("Attackers try breached passwords first, on every site.")
        if not isinstance(count, int):
            title = _("Change the password you use on {names}: it is in many breaches")
            return (title.format(names=names), why)
        title = ngettext(
            "Change the password you use on {names}: it is in {n} breach",
            "Change the password you use on {names}: it is in {n} breaches",
            count,
        )
        return (title.format(names=names, n=format_number(count)), why)
    if kind == "change-site-breached":
        title = _("Change the password you use on {names}: the site was breached after it was set")
        return (title.format(names=names), meta.why)
    if kind == "unique-password":
        return _reuse_title(report, names, found)
    if kind == "strong-password":
        title = _("Replace the weak password of {names} with a generated one")
        return (title.format(names=names), meta.why)
    if kind in ("turn-on-2fa", "stronger-2fa"):
        return _mfa_title(kind, names, first)
    if kind == "delete-copy":
        where = first.details.get("stale_in") or _("the other place")
        title = _("Delete the old {names} password kept in {where}")
        return (title.format(names=names, where=where), meta.why)
    if kind == "settings":
        platform = meta.title.split(":", 1)[0]
        n = len(found)
        title = ngettext("Fix {n} {platform} setting", "Fix {n} {platform} settings", n)
        see = _("See: privaudit checklist run {platform}").format(
            platform=first.details.get("platform")
        )
        return (title.format(n=n, platform=platform), f"{meta.why} {see}")
    return (f"{meta.title}: {names}", meta.why)


def _reuse_title(report: Report, names: str, found: list[Finding]) -> tuple[str, str]:
    # Folded weakness findings (PW101) may sort first; the action is about reuse.
    first = next((f for f in found if f.check_id in ("PW102", "PW103")), found[0])
    why = report.meta(first.check_id).why
    if len({f.subject for f in found}) == 1:
        return (_("Give {names} a password of its own").format(names=names), why)
    if first.check_id == "PW102":
        title = _("Change the password you use on {names}: a leak at one opens them all")
        return (title.format(names=names), why)
    return (_("Give {names} each a password of its own").format(names=names), why)


def _mfa_title(kind: str, names: str, first: Finding) -> tuple[str, str]:
    # Where the service offers passkeys (MFA101/MFA102 say so), the plan says it too.
    passkeys = bool(first.details.get("passkeys"))
    if kind == "turn-on-2fa":
        if passkeys:
            title = _("Set up a passkey (or two-step login) for {names}")
        else:
            title = _("Turn on two-step login for {names}")
    elif passkeys:
        title = _("Create a passkey for {names}: it cannot be phished")
    else:
        title = _("Switch {names} to a stronger second factor")
    return (title.format(names=names), first.message)


def _fold_into_changes(
    groups: list[tuple[str, str, list[Finding]]],
) -> list[tuple[str, str, list[Finding]]]:
    """A password's replacement, made unique and strong, also ends its reuse and
    weakness: those findings join the "change" action instead of adding their own.
    A breached password's change comes first; then a shared password's (PW102)."""
    changing: dict[str, int] = {}
    for i, (k, _key, fs) in enumerate(groups):
        if k in ("change-breached", "change-site-breached"):
            changing.update((f.subject, i) for f in fs)
    for i, (k, key, fs) in enumerate(groups):
        if k == "unique-password" and key.startswith("PW102:"):
            for f in fs:
                changing.setdefault(f.subject, i)
    out = [(k, key, list(fs)) for k, key, fs in groups]
    for i, (kind, _key, found) in enumerate(out):
        if kind not in ("unique-password", "strong-password"):
            continue
        kept = []
        for f in found:
            target = changing.get(f.subject)
            if target is not None and target != i:
                out[target][2].append(f)
            else:
                kept.append(f)
        found[:] = kept  # one pass: list.remove per finding was quadratic at 50,000 logins
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
                risk=_risk(report, kind, found, values),
            )
        )
    # Ties break on what the actions are about, never on their (translated) titles:
    # the same audit gives the same plan in every language.
    actions.sort(key=lambda a: (-a.rank, a.check_ids, a.accounts))
    return tuple(actions[:limit])
