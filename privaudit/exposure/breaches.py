"""Have I Been Pwned's public breach catalogue (`GET /api/v3/breaches`).

Parsed strictly: a catalogue that does not look like one raises `DatasetError`
and is never used. Flags decide what a breach means for a password
(docs/checks.md, EXP101): spam lists, fabricated and stealer-log/malware
records say nothing about the site's own password database.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from importlib import resources
from typing import Any, Final

from privaudit.i18n import ngettext
from privaudit.tfa.dataset import DatasetError

BUILTIN_FORMAT: Final = "privaudit-breaches/1"
MAX_CATALOGUE_BYTES: Final = 16 * 1024 * 1024
MAX_BAD_FRACTION: Final = 0.05


@dataclass(frozen=True, slots=True)
class Breach:
    name: str
    title: str
    domain: str
    breach_date: date
    added: datetime
    pwn_count: int = 0
    data_classes: tuple[str, ...] = ()
    verified: bool = True
    fabricated: bool = False
    sensitive: bool = False
    retired: bool = False
    spam_list: bool = False
    malware: bool = False
    stealer_log: bool = False

    @property
    def about_the_site(self) -> bool:
        """Whether the site's own accounts leaked: not a spam list, fake, or malware haul."""
        return not (self.spam_list or self.fabricated or self.malware or self.stealer_log)

    @property
    def exposed_passwords(self) -> bool:
        return "Passwords" in self.data_classes

    @property
    def vague_date(self) -> bool:
        """HIBP writes a breach known only to the month or year as its 1st day."""
        return self.breach_date.day == 1

    @property
    def cutoff(self) -> datetime:
        """A password set before this may have leaked: the breach date, or when HIBP
        added it if the breach date is only known to the month or year."""
        if self.vague_date:
            return max(self.added, _start_of(self.breach_date))
        return _start_of(self.breach_date)

    @property
    def when(self) -> str:
        if self.vague_date:
            return f"around {self.breach_date.isoformat()} (made public {self.added.date()})"
        return f"on {self.breach_date.isoformat()}"


def _start_of(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _text(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def parse_breach(record: Any) -> Breach | None:
    """One catalogue record, or None when it lacks what a verdict needs."""
    if not isinstance(record, dict):
        return None
    name = _text(record, "Name")
    try:
        breach_date = date.fromisoformat(_text(record, "BreachDate"))
        added = datetime.fromisoformat(_text(record, "AddedDate").replace("Z", "+00:00"))
    except ValueError:
        return None
    if not name:
        return None
    count = record.get("PwnCount")
    classes = record.get("DataClasses")
    flags = {key: record.get(key) is True for key in _FLAGS}
    return Breach(
        name=name,
        title=_text(record, "Title") or name,
        domain=_text(record, "Domain").lower().rstrip("."),
        breach_date=breach_date,
        added=added if added.tzinfo else added.replace(tzinfo=UTC),
        pwn_count=count if isinstance(count, int) and not isinstance(count, bool) else 0,
        data_classes=tuple(c for c in classes if isinstance(c, str))
        if isinstance(classes, list)
        else (),
        verified=record.get("IsVerified") is not False,
        **{field: flags[key] for key, field in _FLAGS.items()},
    )


_FLAGS: Final = {
    "IsFabricated": "fabricated",
    "IsSensitive": "sensitive",
    "IsRetired": "retired",
    "IsSpamList": "spam_list",
    "IsMalware": "malware",
    "IsStealerLog": "stealer_log",
}


def parse_breaches(data: Any, *, where: str, min_entries: int = 1) -> tuple[list[Breach], int]:
    """The records of a catalogue, and how many were malformed (too many: refused)."""
    if not isinstance(data, list):
        raise DatasetError(f"{where}: not a breach catalogue (expected a JSON array of breaches)")
    breaches = [b for b in map(parse_breach, data) if b is not None]
    bad = len(data) - len(breaches)
    if len(breaches) < min_entries:
        raise DatasetError(
            f"{where}: only {len(breaches)} usable breach records (expected at least"
            f" {min_entries}); the download is partial or not HIBP's catalogue"
        )
    if bad > MAX_BAD_FRACTION * len(data):
        raise DatasetError(f"{where}: {bad} of {len(data)} breach records are malformed")
    return breaches, bad


def parse_catalogue_bytes(raw: bytes, *, where: str, min_entries: int = 1) -> list[Breach]:
    if len(raw) > MAX_CATALOGUE_BYTES:
        raise DatasetError(f"{where}: larger than {MAX_CATALOGUE_BYTES // 2**20} MiB")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise DatasetError(f"{where}: not valid JSON; the download is corrupt or partial") from None
    return parse_breaches(data, where=where, min_entries=min_entries)[0]


class BreachCatalogue:
    """Breaches indexed by the registrable domain of the breached site."""

    def __init__(self, breaches: Iterable[Breach], *, label: str) -> None:
        self.breaches = tuple(breaches)
        self.label = label
        self._by_site: dict[str, list[Breach]] | None = None

    def for_sites(self, sites: Iterable[str], site_of: Callable[[str], str | None]) -> list[Breach]:
        """Breaches of any of these registrable domains, oldest first."""
        if self._by_site is None:  # indexed once: each account then costs a few probes
            index: dict[str, list[Breach]] = {}
            for breach in self.breaches:
                site = site_of(breach.domain) if breach.domain else None
                if site:
                    index.setdefault(site, []).append(breach)
            self._by_site = index
        found = [b for site in set(sites) for b in self._by_site.get(site, ())]
        return sorted(found, key=lambda b: (b.breach_date, b.name))


def load_builtin() -> BreachCatalogue:
    where = "built-in breach catalogue"
    doc = json.loads((resources.files("privaudit.exposure") / "data/breaches.json").read_bytes())
    if not isinstance(doc, dict) or doc.get("format") != BUILTIN_FORMAT:
        raise DatasetError(f"{where}: unknown format; reinstall privaudit")
    breaches, _bad = parse_breaches(doc.get("breaches"), where=where)
    return BreachCatalogue(
        breaches,
        label=ngettext(
            "built-in snapshot of {n} breach", "built-in snapshot of {n} breaches", len(breaches)
        ).format(n=len(breaches)),
    )


def breach_record(breach: Breach) -> dict[str, Any]:
    """A breach back in HIBP's own shape (what parse_breach reads): for caches."""
    record: dict[str, Any] = {
        "Name": breach.name,
        "Title": breach.title,
        "Domain": breach.domain,
        "BreachDate": breach.breach_date.isoformat(),
        "AddedDate": breach.added.isoformat(),
        "PwnCount": breach.pwn_count,
        "DataClasses": list(breach.data_classes),
        "IsVerified": breach.verified,
    }
    for key, name in _FLAGS.items():
        record[key] = getattr(breach, name)
    return record
