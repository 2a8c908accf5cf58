"""Typed settings, as resolved from defaults, the config file, the environment and flags.

This is the one description of the scalar config sections: each field's type,
default, bounds and meaning. config.py derives its validation from it, and the
tables in docs/configuration.md are generated from it (`python -m
privaudit.config_doc`; a test fails when they are stale).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from privaudit.accounts import Account
from privaudit.model import Severity


def setting(
    default: Any,
    doc: str,
    *,
    low: int | None = None,
    high: int | None = None,
    choices: tuple[str, ...] = (),
    url: bool = False,
    shown: str | None = None,
) -> Any:
    """A config key: `low`/`high` bound an integer, `choices` a string, `url` an
    http(s) URL; `shown` is the default as the docs print it."""
    meta = {"doc": doc, "low": low, "high": high, "choices": choices, "url": url, "shown": shown}
    return field(default=default, metadata=meta)


@dataclass(frozen=True, slots=True)
class AuditSettings:
    fail_under: int | None = setting(
        None, "exit 1 when the score is below this", low=0, high=100, shown="none"
    )
    fail_on: Severity | None = setting(
        None, "exit 1 when a WARN/FAIL reaches this severity", shown="none"
    )
    select: tuple[str, ...] = setting((), "only these checks (ids, id prefixes, names, categories)")
    skip: tuple[str, ...] = setting((), "leave these checks out")
    offline: bool = setting(False, "use no network")
    format: str = setting("terminal", "default report format")
    lang: str | None = setting(
        None,
        "language of messages and reports (`en`, `es`); `--lang` wins over it",
        shown="from the locale",
    )


@dataclass(frozen=True, slots=True)
class PasswordPolicy:
    min_length: int = setting(
        15, "shortest password that may stand alone (NIST SP 800-63B rev 4)", low=1, high=64
    )
    min_length_with_mfa: int = setting(
        8, "shortest password at all (and with a second factor)", low=1, high=64
    )
    min_strength: int = setting(3, "lowest acceptable zxcvbn score", low=0, high=4)


@dataclass(frozen=True, slots=True)
class TfaSettings:
    """2FA support data (`privaudit data update`)."""

    url: str = setting(
        "https://api.2fa.directory/v3/all.json",
        "where `privaudit data update` downloads the 2fa.directory dataset (v3 or v4 all.json)",
    )
    min_entries: int = setting(
        1000,
        "a download with fewer usable entries is refused as partial (the real one has ~2,600)",
        low=1,
        high=1_000_000,
    )
    dataset: str = setting(
        "auto",
        "`auto`: the downloaded copy when there is a good one, else the built-in;"
        " `built-in`: always the built-in",
        choices=("auto", "built-in"),
    )


@dataclass(frozen=True, slots=True)
class ChecklistSettings:
    platforms: tuple[str, ...] = setting(
        (), "checklists every audit includes (ids from `privaudit checklist list`)"
    )
    stale_after_days: int = setting(
        180, "answers older than this are asked again and count as unanswered", low=1, high=3650
    )
    checklist_dir: str | None = setting(
        None, "a folder of your own (or your trainer's) checklist files", shown="none"
    )
    lang: str | None = setting(
        None, "language of checklist text (`en`, `es`)", shown="from the locale"
    )


@dataclass(frozen=True, slots=True)
class PwnedSettings:
    """Breach lookups: the range API (or a mirror) online, a local corpus offline."""

    api_url: str = setting(
        "https://api.pwnedpasswords.com", "Pwned Passwords range API (or a mirror)", url=True
    )
    allow_insecure_url: bool = setting(
        False, "accept a plain http:// api_url on another machine (prefixes then travel in clear)"
    )
    offline_corpus: str | None = setting(
        None,
        "a sorted HASH:COUNT file, a per-prefix folder or a privaudit index; used whenever set",
        shown="none",
    )
    concurrency: int = setting(100, "range requests in flight at once", low=1, high=256)
    timeout: int = setting(10, "seconds to connect, and to wait for each read", low=1, high=300)
    deadline: int = setting(
        120, "seconds for all breach lookups of one run, retries included", low=1, high=3600
    )
    retries: int = setting(3, "retries of a failed range request", low=0, high=10)
    cache: bool = setting(True, "keep range answers in the cache folder")
    cache_ttl_days: int = setting(7, "days a cached range answer is used", low=0, high=365)


@dataclass(frozen=True, slots=True)
class ExposureSettings:
    """Site breaches, passkeys and the opt-in email lookups (docs/checks.md, EXP101/EXP102)."""

    breaches_url: str = setting(
        "https://haveibeenpwned.com/api/v3/breaches",
        "where `data update` downloads HIBP's public breach catalogue (refused with fewer"
        " than 300 records)",
        url=True,
    )
    passkeys_url: str = setting(
        "https://passkeys-api.2fa.directory/v1/all.json",
        "where `data update` downloads the passkeys directory (refused with fewer than 100"
        " entries)",
        url=True,
    )
    update: bool = setting(
        True, "whether a bare `data update` refreshes these two as well as the 2FA data"
    )
    hibp_api_url: str = setting(
        "https://haveibeenpwned.com/api/v3", "HIBP's API for `audit --check-emails`", url=True
    )
    email_deadline: int = setting(
        300,
        "seconds for all email lookups of one run, rate-limit waits included; what is left"
        " unknown is ERROR",
        low=10,
        high=3600,
    )


SECTIONS: dict[str, type] = {
    "audit": AuditSettings,
    "passwords": PasswordPolicy,
    "tfa": TfaSettings,
    "checklists": ChecklistSettings,
    "pwned": PwnedSettings,
    "exposure": ExposureSettings,
}
"""Config section -> its settings class (an attribute of Settings of the same name)."""


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
    exposure: ExposureSettings = field(default_factory=ExposureSettings)
    ignore: tuple[IgnoreRule, ...] = ()
    accounts: tuple[Account, ...] = ()
    """Accounts declared in the profile (never with passwords)."""
    source_path: str | None = None
    """The config file these settings came from, for messages."""
