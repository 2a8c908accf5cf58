"""The figures the lesson shows: from a Report (the demo's or the learner's) and
the strength service, as plain values. Nothing here names a password except the
demo vault's clearly fake samples.
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from privaudit.demo import demo_file, demo_label
from privaudit.i18n import Domain
from privaudit.model import Finding, Report, Status
from privaudit.plan import build_plan, short_name
from privaudit.pwned.hashing import PREFIX_LEN, sha1_hex
from privaudit.strength import StrengthEstimator

_ = Domain("workshop").gettext
ngettext = Domain("workshop").ngettext

SAMPLE_PASSWORDS: tuple[str, ...] = (
    "sunshine1",
    "Summer2024!",
    "Tr0ub4dor&3",
    "quilt-marsh-rocket-velvet-17",
)
"""Passwords of the demo vault (privaudit/demo/vault.json): fake, shown on purpose."""

GUESSES_PER_SECOND = 1e4
"""An attacker with a stolen, slowly hashed password list (zxcvbn's offline slow case,
the one PW101 quotes)."""

_PROBLEM = (Status.FAIL, Status.WARN)


@dataclass(frozen=True, slots=True)
class Sample:
    password: str
    score: int
    """zxcvbn's 0-4."""
    guesses_log10: float
    seen: int
    """Times in the demo breach list; 0 when not in it."""
    status: Status = Status.ERROR
    """PW101's verdict on the demo login that uses it: the word the table shows."""

    @property
    def prefix(self) -> str:
        """All a breach lookup sends: the first five signs of the SHA-1."""
        return sha1_hex(self.password)[:PREFIX_LEN]


@dataclass(frozen=True, slots=True)
class Figures:
    accounts: int
    weak: tuple[str, ...]
    reused: tuple[str, ...]
    breached: tuple[tuple[str, int], ...]
    """(service, times seen), most seen first."""
    no_mfa: tuple[str, ...]
    weak_mfa: tuple[str, ...]
    settings_to_fix: int
    platforms: tuple[str, ...]
    """Checklist platforms with a setting to fix, then to check (ids, e.g. "instagram")."""
    breach_unknown: int
    """Breach results that could not be had (offline, no list): never read as "none"."""
    score: int | None
    grade: str | None
    plan: tuple[str, ...]
    exports: int = 0
    """Exports read (a file that may hold passwords in clear: delete it after)."""
    samples: tuple[Sample, ...] = ()
    sms_only: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    """Logins PW101 warns about: not easy to guess, but short for a password alone."""


def _names(findings: Iterable[Finding]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(short_name(f.subject) for f in findings))


def _problems(report: Report, check_id: str) -> list[Finding]:
    return [f for f in report.findings if f.check_id == check_id and f.status in _PROBLEM]


def _breached(report: Report) -> tuple[tuple[str, int], ...]:
    seen: dict[str, int] = {}
    for f in _problems(report, "BR101"):
        count = f.details.get("breach_count")
        if isinstance(count, int):
            seen[short_name(f.subject)] = max(count, seen.get(short_name(f.subject), 0))
    return tuple(sorted(seen.items(), key=lambda kv: (-kv[1], kv[0])))


def _platforms(report: Report) -> tuple[str, ...]:
    """Platforms with a setting to fix first, then those with questions not answered yet
    (found among the learner's own accounts); a skipped item is not one to check."""
    rank = {Status.FAIL: 0, Status.WARN: 0, Status.UNANSWERED: 1}
    found: dict[str, int] = {}
    for f in report.findings:
        platform = f.details.get("platform")
        if isinstance(platform, str) and f.status in rank:
            found[platform] = min(rank[f.status], found.get(platform, 9))
    return tuple(sorted(found, key=lambda name: found[name]))  # stable: report order


def from_report(report: Report) -> Figures:
    return Figures(
        accounts=report.inputs.accounts,
        # PW101's FAILs only: the report's "easy to guess"; its WARN is "short alone".
        weak=_names(
            f for f in report.findings if f.check_id == "PW101" and f.status is Status.FAIL
        ),
        short=_names(
            f for f in report.findings if f.check_id == "PW101" and f.status is Status.WARN
        ),
        reused=_names(_problems(report, "PW102")),
        breached=_breached(report),
        no_mfa=_names(_problems(report, "MFA101")),
        weak_mfa=_names(_problems(report, "MFA102")),
        settings_to_fix=sum(
            1 for f in report.findings if f.status in _PROBLEM and "platform" in f.details
        ),
        platforms=_platforms(report),
        breach_unknown=sum(
            1
            for f in report.findings
            if f.check_id == "BR101" and f.status in (Status.ERROR, Status.SKIP)
        ),
        score=report.score.value,
        grade=report.score.grade,
        plan=tuple(action.title for action in build_plan(report)),
        exports=len(report.inputs.sources),
    )


def demo_breach_list() -> dict[str, int]:
    """The demo's breach corpus (HASH:COUNT lines), as a dict."""
    table: dict[str, int] = {}
    for line in demo_file("breached-demo.txt").read_text("ascii").splitlines():
        digest, _sep, count = line.partition(":")
        if count.strip().isdigit():
            table[digest.strip().upper()] = int(count)
    return table


def demo_statuses(report: Report) -> dict[str, Status]:
    """PW101's status for each demo vault password (the first login using it)."""
    vault = json.loads(demo_file("vault.json").read_text("utf-8"))
    by_name = {short_name(f.subject): f.status for f in report.findings if f.check_id == "PW101"}
    found: dict[str, Status] = {}
    for item in vault.get("items", []):
        password = (item.get("login") or {}).get("password")
        status = by_name.get(demo_label(str(item.get("name"))))
        if isinstance(password, str) and status is not None:
            found.setdefault(password, status)
    return found


def samples(
    estimator: StrengthEstimator,
    passwords: Sequence[str] = SAMPLE_PASSWORDS,
    statuses: Mapping[str, Status] | None = None,
) -> tuple[Sample, ...]:
    rated = estimator.estimate_many([(pw, ()) for pw in passwords])
    corpus = demo_breach_list()
    judged = statuses or {}
    return tuple(
        Sample(
            pw,
            s.score,
            s.guesses_log10,
            corpus.get(sha1_hex(pw), 0),
            judged.get(pw, Status.ERROR),  # not judged: never shown as strong
        )
        for pw, s in zip(passwords, rated, strict=True)
    )


def demo_sms_only() -> tuple[str, ...]:
    """The demo profile's services that use only text-message codes."""
    data = tomllib.loads(demo_file("profile.toml").read_text("utf-8"))
    return tuple(str(a.get("service")) for a in data.get("accounts", []) if a.get("mfa") == ["sms"])


def practice_figures(report: Report, estimator: StrengthEstimator) -> Figures:
    """The demo run's figures with the sample passwords and the SMS-only accounts."""
    return dataclasses.replace(
        from_report(report),
        samples=samples(estimator, statuses=demo_statuses(report)),
        sms_only=demo_sms_only(),
    )


_MINUTE, _HOUR, _DAY, _MONTH, _YEAR = 60.0, 3600.0, 86400.0, 86400.0 * 31, 86400.0 * 365


def _count(seconds: float, unit: float) -> int:
    return max(1, round(seconds / unit))


def crack_time(guesses_log10: float) -> str:
    """How long the guessing takes, in words of the current language (zxcvbn's own
    wording is English only)."""
    s = 10**guesses_log10 / GUESSES_PER_SECOND
    # Literal calls, one per unit, so the extractor sees every plural form.
    if s < 1:
        text = _("less than a second")
    elif s < _MINUTE:
        n = _count(s, 1)
        text = ngettext("{n} second", "{n} seconds", n).format(n=n)
    elif s < _HOUR:
        n = _count(s, _MINUTE)
        text = ngettext("{n} minute", "{n} minutes", n).format(n=n)
    elif s < _DAY:
        n = _count(s, _HOUR)
        text = ngettext("{n} hour", "{n} hours", n).format(n=n)
    elif s < _MONTH:
        n = _count(s, _DAY)
        text = ngettext("{n} day", "{n} days", n).format(n=n)
    elif s < _YEAR:
        n = _count(s, _MONTH)
        text = ngettext("{n} month", "{n} months", n).format(n=n)
    elif s < _YEAR * 100:
        n = _count(s, _YEAR)
        text = ngettext("{n} year", "{n} years", n).format(n=n)
    else:
        text = _("centuries")
    return text


def strength_word(status: Status, score: int) -> str:
    """PW101's verdict in the lesson's words, so the table, the one-password check and
    the report never disagree (a raw zxcvbn score does not know PW101's length rule)."""
    if status is Status.FAIL:  # PW101's title: "Weak or short password"
        return _("weak")
    if status is Status.WARN:
        return _("too short")
    if status is Status.PASS:
        return _("strong") if score >= 4 else _("acceptable")
    return _("could not rate it")
