"""Typed settings, as resolved from defaults, the config file, the environment and flags."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from privaudit.accounts import Account
from privaudit.model import Severity


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    min_length: int = 15
    """NIST SP 800-63B rev 4: a password used as the only factor needs 15 characters."""
    min_length_with_mfa: int = 8
    """...and 8 when a second factor protects the account."""
    min_strength: int = 3
    """Lowest acceptable zxcvbn score (0-4)."""


@dataclass(frozen=True, slots=True)
class AuditSettings:
    fail_under: int | None = None
    fail_on: Severity | None = None
    select: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    offline: bool = False
    format: str = "terminal"


@dataclass(frozen=True, slots=True)
class TfaSettings:
    """2FA support data (`privaudit data update`)."""

    url: str = "https://api.2fa.directory/v3/all.json"
    """Where `data update` downloads the 2fa.directory dataset (v3 or v4 all.json)."""
    min_entries: int = 1000
    """A download with fewer usable entries is refused as partial (the real one has ~2,600)."""
    dataset: str = "auto"
    """auto: the downloaded copy when there is a good one, else the built-in; built-in: always."""


@dataclass(frozen=True, slots=True)
class ChecklistSettings:
    platforms: tuple[str, ...] = ()
    """Checklists every audit includes (ids from `privaudit checklist list`)."""
    stale_after_days: int = 180
    """Answers older than this are asked again and count as unanswered."""
    checklist_dir: str | None = None
    """A folder of the user's or trainer's own checklist files."""
    lang: str | None = None
    """Language of checklist text; default from the locale."""


@dataclass(frozen=True, slots=True)
class PwnedSettings:
    """Breach lookups: the range API (or a mirror) online, a local corpus offline."""

    api_url: str = "https://api.pwnedpasswords.com"
    allow_insecure_url: bool = False
    """Accept a plain http:// API URL to another machine (prefixes then travel in clear)."""
    offline_corpus: str | None = None
    """A sorted HASH:COUNT file, a per-prefix folder or a privaudit index; used whenever set."""
    concurrency: int = 100
    timeout: int = 10
    """Seconds to connect, and to wait for each read."""
    deadline: int = 120
    """Seconds for all breach lookups of one run, retries included."""
    retries: int = 3
    cache: bool = True
    cache_ttl_days: int = 7


@dataclass(frozen=True, slots=True)
class IgnoreRule:
    """A finding the user accepts, with a reason and an optional end date."""

    check: str
    reason: str
    subject: str | None = None
    expires: date | None = None


@dataclass(frozen=True, slots=True)
class Settings:
    audit: AuditSettings = field(default_factory=AuditSettings)
    passwords: PasswordPolicy = field(default_factory=PasswordPolicy)
    tfa: TfaSettings = field(default_factory=TfaSettings)
    checklists: ChecklistSettings = field(default_factory=ChecklistSettings)
    pwned: PwnedSettings = field(default_factory=PwnedSettings)
    ignore: tuple[IgnoreRule, ...] = ()
    accounts: tuple[Account, ...] = ()
    """Accounts declared in the profile (never with passwords)."""
    source_path: str | None = None
    """The config file these settings came from, for messages."""
