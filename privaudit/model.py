"""The data every part of privaudit shares: statuses, severities, findings, reports.

Everything here is an immutable value. Nothing in a `Finding` or a `Report` can
hold a `Secret`: constructors reject one, so a bug cannot smuggle a password
into a report, a cache or the history database.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Final

from privaudit.i18n import Nn_, ngettext
from privaudit.secret import Secret
from privaudit.text import sanitize, sanitize_block

SCHEMA_VERSION: Final = "1.1.0"


class Status(StrEnum):
    PASS = "pass"  # noqa: S105  # a status, not a password
    WARN = "warn"
    FAIL = "fail"
    ERROR = "error"
    """The check could not run or its answer is unknown: never a pass."""
    SKIP = "skip"
    """Not applicable (no input of the kind the check needs, or deliberately ignored)."""
    UNANSWERED = "unanswered"
    """A question only the user can answer has no (fresh) answer yet."""

    @property
    def scored(self) -> bool:
        """Whether results with this status enter the score."""
        return self in (Status.PASS, Status.WARN, Status.FAIL)


class Severity(StrEnum):
    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def weight(self) -> int:
        """Weight in the score (docs/scoring.md). INFO findings are never scored."""
        return _WEIGHTS[self]

    @property
    def rank(self) -> int:
        return _ORDER.index(self)

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank >= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank > other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank <= other.rank

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Severity):
            return NotImplemented
        return self.rank < other.rank


_ORDER: Final = (Severity.INFO, Severity.LOW, Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL)
_WEIGHTS: Final = {
    Severity.INFO: 0,
    Severity.LOW: 2,
    Severity.MEDIUM: 4,
    Severity.HIGH: 8,
    Severity.CRITICAL: 12,
}


class Need(StrEnum):
    """Inputs a check requires; the runner skips a check whose needs cannot be met."""

    ACCOUNTS = "accounts"
    PASSWORDS = "passwords"
    NETWORK = "network"
    ANSWERS = "answers"


CHECK_ID_PATTERN: Final = re.compile(r"^[A-Z]{2,8}[0-9]{3,4}$")
SLUG_PATTERN: Final = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

DetailValue = str | int | float | bool | None


@dataclass(frozen=True, slots=True)
class CheckMeta:
    """What a check is, for people and for the registry."""

    id: str
    name: str
    category: str
    severity: Severity
    title: str
    why: str
    fix: str
    references: tuple[str, ...] = ()
    needs: frozenset[Need] = frozenset()
    origin: str = "built-in"
    languages: frozenset[str] = frozenset({"en"})
    """Languages the check's texts come in. A built-in check has every supported one
    (its gettext catalog, domain `checks`); a plugin declares those it translates
    itself, and a run in any other language says plainly that it shows English."""

    def __post_init__(self) -> None:
        if not CHECK_ID_PATTERN.match(self.id):
            raise ValueError(f"check id {self.id!r} must look like 'PW101' (letters then digits)")
        if not SLUG_PATTERN.match(self.name):
            raise ValueError(f"check name {self.name!r} must be a kebab-case slug")
        if not SLUG_PATTERN.match(self.category):
            raise ValueError(f"check category {self.category!r} must be a kebab-case slug")
        if not isinstance(self.severity, Severity):
            raise TypeError("severity must be a Severity")
        for url in self.references:
            if not url.startswith(("https://", "http://")):
                raise ValueError(f"reference {url!r} of {self.id} must be an http(s) URL")
        # Plugins and saved reports supply these texts: they go through the sanitiser too.
        object.__setattr__(self, "title", sanitize(self.title))
        object.__setattr__(self, "why", sanitize_block(self.why))
        object.__setattr__(self, "fix", sanitize_block(self.fix))
        object.__setattr__(self, "origin", sanitize(self.origin, max_length=100))
        object.__setattr__(
            self, "references", tuple(sanitize(u, max_length=2000) for u in self.references)
        )

    def finding(
        self,
        status: Status,
        subject: str,
        message: str,
        *,
        severity: Severity | None = None,
        fix: str | None = None,
        details: Mapping[str, DetailValue] | None = None,
        ref: str | None = None,
    ) -> Finding:
        """A finding of this check: the usual way checks build their results."""
        return Finding(
            check_id=self.id,
            status=status,
            subject=subject,
            message=message,
            severity=severity,
            fix=fix,
            details=details or {},
            ref=ref,
        )


def _reject_secret(name: str, value: object) -> None:
    if isinstance(value, Secret):
        raise TypeError(f"{name} must not hold a Secret")


SUMMARY_DETAIL = "summary"
"""A finding's detail saying its message without naming the account: what a line
folding several accounts' differing messages says (else the check's title)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One result of one check about one subject.

    `subject` is a safe label such as "GitHub (alice)"; `severity` overrides the
    check's default when a result is worse or milder than usual (a password seen
    in 100,000 breaches). Text is sanitised on construction.
    """

    check_id: str
    status: Status
    subject: str
    message: str
    severity: Severity | None = None
    fix: str | None = None
    details: Mapping[str, DetailValue] = field(default_factory=dict)
    ref: str | None = None
    """A language-free name of the subject, for `key`, when `subject` is translated
    (a checklist item: "Account basics: use-password-manager"); None: the subject."""

    def __post_init__(self) -> None:
        for name in ("subject", "message", "fix", "ref"):
            value = getattr(self, name)
            _reject_secret(name, value)
            if value is not None and not isinstance(value, str):
                raise TypeError(f"Finding.{name} must be a str")
        if not isinstance(self.status, Status):
            raise TypeError("Finding.status must be a Status")
        clean: dict[str, DetailValue] = {}
        for key, value in self.details.items():
            _reject_secret(f"details[{key!r}]", value)
            if not isinstance(value, str | int | float | bool | type(None)):
                raise TypeError(f"details[{key!r}] must be a str, number, bool or None")
            clean[sanitize(str(key), max_length=64)] = (
                sanitize(value) if isinstance(value, str) else value
            )
        object.__setattr__(self, "subject", sanitize(self.subject))
        if self.ref is not None:
            object.__setattr__(self, "ref", sanitize(self.ref))
        object.__setattr__(self, "message", sanitize(self.message, max_length=500))
        if self.fix is not None:
            object.__setattr__(self, "fix", sanitize_block(self.fix))
        object.__setattr__(self, "details", MappingProxyType(clean))

    @property
    def key(self) -> str:
        """A stable, secret-free id of this check's subject, for history and diffs.

        Derived from the check id and the (already sanitised, secret-free) subject
        label (or `ref`), so the same account keeps the same key from one run to the
        next, in whichever language each run was.
        """
        name = self.subject if self.ref is None else self.ref
        digest = hashlib.sha256(f"{self.check_id}\x00{name}".encode()).hexdigest()
        return digest[:16]


@dataclass(frozen=True, slots=True)
class CategoryScore:
    category: str
    value: int | None
    grade: str | None
    scored: int
    """How many results entered this score."""
    not_scored: int
    """Results left out: errors, skips and unanswered questions."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "category", sanitize(self.category, max_length=64))


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of one area was checked: "2FA known for 14 of 20 accounts"."""

    area: str
    """passwords, breaches, 2fa or privacy-settings."""
    checked: int
    total: int

    @property
    def phrase(self) -> str:
        """The phrase in the current language (plural forms follow the total)."""
        singular, plural = COVERAGE_PHRASES[self.area]
        return ngettext(singular, plural, self.total).format(checked=self.checked, total=self.total)


# (singular, plural) by the total, marked for extraction; `phrase` translates them.
COVERAGE_PHRASES: Final = {
    "passwords": Nn_(
        "passwords checked for {checked} of {total} account",
        "passwords checked for {checked} of {total} accounts",
    ),
    "breaches": Nn_(
        "breach status known for {checked} of {total} account",
        "breach status known for {checked} of {total} accounts",
    ),
    "2fa": Nn_(
        "2FA known for {checked} of {total} account",
        "2FA known for {checked} of {total} accounts",
    ),
    "privacy-settings": Nn_(
        "privacy settings: {checked} of {total} answered",
        "privacy settings: {checked} of {total} answered",
    ),
}
GRADED_AREAS: Final = ("passwords", "breaches", "2fa")
"""A grade is given only when each of these was checked (docs/scoring.md)."""


@dataclass(frozen=True, slots=True)
class Score:
    """0–100 (None when nothing could be scored), a letter grade, and per-category scores."""

    value: int | None
    grade: str | None
    categories: tuple[CategoryScore, ...]
    errors: int
    unanswered: int
    skipped: int
    coverage: tuple[Coverage, ...] = ()
    missing: tuple[str, ...] = ()
    """Areas of GRADED_AREAS that nothing was checked in: then there is no grade."""

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """What one input contributed: counts only, never contents."""

    name: str
    format: str
    read: int
    used: int
    skipped: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name", sanitize(self.name))
        object.__setattr__(self, "skipped", MappingProxyType(dict(self.skipped)))


@dataclass(frozen=True, slots=True)
class InputSummary:
    accounts: int
    sources: tuple[SourceSummary, ...] = ()
    datasets: Mapping[str, str] = field(default_factory=dict)
    """Reference data used, e.g. {"2fa": "built-in 2026-11-01"}."""

    def __post_init__(self) -> None:
        clean = {
            sanitize(str(key), max_length=64): sanitize(str(value))
            for key, value in self.datasets.items()
        }
        object.__setattr__(self, "datasets", MappingProxyType(clean))


@dataclass(frozen=True, slots=True)
class Report:
    """The whole result of an audit run; renderers are pure functions of it."""

    tool_version: str
    started_at: datetime
    finished_at: datetime
    inputs: InputSummary
    checks: tuple[CheckMeta, ...]
    findings: tuple[Finding, ...]
    score: Score
    notices: tuple[str, ...] = ()
    """Plain-language reminders shown with the report (e.g. delete a plaintext export)."""
    demo: bool = False
    schema_version: str = SCHEMA_VERSION
    new_keys: frozenset[str] | None = None
    """Keys of problems absent from the previous run (`audit --since-last`); None: not compared."""
    lang: str = "en"
    """The language of the report's human text (messages, titles, notices)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "tool_version", sanitize(self.tool_version, max_length=64))
        object.__setattr__(self, "lang", sanitize(self.lang, max_length=16))
        object.__setattr__(
            self, "notices", tuple(sanitize(n, max_length=1000) for n in self.notices)
        )

    def meta(self, check_id: str) -> CheckMeta:
        for meta in self.checks:
            if meta.id == check_id:
                return meta
        raise KeyError(check_id)

    def severity_of(self, finding: Finding) -> Severity:
        return finding.severity or self.meta(finding.check_id).severity

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for finding in self.findings:
            counts[finding.status] += 1
        return counts

    def is_new(self, finding: Finding) -> bool:
        """A WARN/FAIL result that the previous run did not have (only with --since-last)."""
        return (
            self.new_keys is not None
            and finding.status in (Status.WARN, Status.FAIL)
            and finding.key in self.new_keys
        )

    @property
    def incomplete(self) -> bool:
        """True when some check could not give an answer (exit code 3)."""
        return any(f.status is Status.ERROR for f in self.findings)


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One past run's score, for trend charts (from the history database)."""

    at: datetime
    score: int | None
