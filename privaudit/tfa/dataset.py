"""2FA support data in the 2fa.directory format: API v3 arrays and v4 objects.

v3 `all.json` is an array of `[name, entry]`; v4 `all.json` an object keyed by
domain (each additional domain repeats the entry, without a name). The built-in
dataset wraps a v3 array with its own date. Everything is validated here: a
dataset that does not look like one raises `DatasetError` and is never used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final

from privaudit.accounts import MfaMethod
from privaudit.errors import InputError
from privaudit.i18n import N_, _
from privaudit.model import Severity
from privaudit.tfa.methods import DIRECTORY_METHODS, severity_for

MAX_DATASET_BYTES: Final = 32 * 1024 * 1024
MAX_BAD_FRACTION: Final = 0.05
"""More malformed entries than this and the whole dataset is refused."""
BUILTIN_FORMAT: Final = "privaudit-tfa/1"
_HOSTNAME = re.compile(r"^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}$")


_LIST_FIELDS: Final = (
    "tfa",
    "methods",  # v4's name for tfa
    "additional-domains",
    "keywords",
    "categories",  # newer name for keywords
    "custom-software",
    "custom-hardware",
)


class DatasetError(InputError):
    """The data is not a usable 2fa.directory dataset (the message says why)."""


@dataclass(frozen=True, slots=True)
class Service:
    """One service's 2FA facts."""

    name: str
    domain: str
    additional_domains: tuple[str, ...] = ()
    methods: frozenset[MfaMethod] = frozenset()
    custom_software: tuple[str, ...] = ()
    custom_hardware: tuple[str, ...] = ()
    documentation: str | None = None
    recovery: str | None = None
    notes: str | None = None
    categories: tuple[str, ...] = ()

    @property
    def offers_2fa(self) -> bool:
        return bool(self.methods)

    @property
    def severity(self) -> Severity:
        """How much a missing second factor here matters (by what the account guards)."""
        return severity_for(self.categories)

    @property
    def domains(self) -> tuple[str, ...]:
        return (self.domain, *self.additional_domains)


@dataclass(frozen=True, slots=True)
class Dataset:
    services: tuple[Service, ...]
    origin: str
    """'built-in' or 'downloaded'."""
    date: str
    """ISO date of the data (built-in release or download)."""
    skipped: int = 0
    """Malformed entries left out."""

    @property
    def label(self) -> str:
        # TRANSLATORS: where the 2FA data came from and its date: "built-in 2026-11-24".
        return _("{origin} {date}").format(origin=_(self.origin), date=self.date)


def _hostname(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    host = value.strip().rstrip(".").lower()
    return host if _HOSTNAME.match(host) else None


def _strings(value: Any) -> tuple[str, ...] | None:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return None
    return tuple(v.strip() for v in value if v.strip())


def _url(value: Any) -> str | None:
    if isinstance(value, str) and value.startswith(("https://", "http://")) and len(value) < 2048:
        return value
    return None


def parse_entry(name: Any, entry: Any) -> Service | None:
    """One entry, or None when it is malformed (counted by the caller)."""
    if not isinstance(entry, Mapping):
        return None
    domain = _hostname(entry.get("domain"))
    if domain is None:
        return None
    lists = [_strings(entry.get(key)) for key in _LIST_FIELDS]
    if any(v is None for v in lists):
        return None
    tfa, v4_methods, extra, keywords, v4_categories, software, hardware = (v or () for v in lists)
    methods_raw = tfa or v4_methods
    categories = keywords or v4_categories
    # Unknown method names are left out, not fatal: the directory may add new ones.
    methods = frozenset(DIRECTORY_METHODS[m] for m in methods_raw if m in DIRECTORY_METHODS)
    notes = entry.get("notes")
    return Service(
        name=name.strip() if isinstance(name, str) and name.strip() else domain,
        domain=domain,
        additional_domains=tuple(h for h in map(_hostname, extra) if h and h != domain),
        methods=methods,
        custom_software=software,
        custom_hardware=hardware,
        documentation=_url(entry.get("documentation")),
        recovery=_url(entry.get("recovery")),
        notes=notes[:1000] if isinstance(notes, str) else None,
        categories=tuple(c.lower() for c in categories),
    )


def _pairs(data: Any) -> Iterable[tuple[Any, Any]]:
    if isinstance(data, list):  # v3: [[name, entry], ...]
        for item in data:
            if isinstance(item, list) and len(item) == 2:
                yield item[0], item[1]
            else:
                yield None, None
    elif isinstance(data, dict):  # v4: {domain: entry} (entries carry no name)
        for domain, value in data.items():
            if isinstance(value, dict) and "domain" not in value:
                yield None, {**value, "domain": domain}
            else:
                yield None, value
    else:
        raise DatasetError(
            "2FA dataset: expected a 2fa.directory all.json (a v3 array or a v4 object)"
        )


def parse_services(data: Any, *, where: str, min_entries: int = 1) -> tuple[list[Service], int]:
    """Validated services and the number of malformed entries left out."""
    services: list[Service] = []
    bad = 0
    for name, entry in _pairs(data):
        service = parse_entry(name, entry)
        if service is None:
            bad += 1
        else:
            services.append(service)
    total = len(services) + bad
    if len(services) < min_entries:
        raise DatasetError(
            f"{where}: only {len(services)} usable entries (at least {min_entries} expected);"
            " the file is incomplete or not a 2fa.directory dataset"
        )
    if total and bad / total > MAX_BAD_FRACTION:
        raise DatasetError(
            f"{where}: {bad} of {total} entries are malformed; refusing to use it"
            " (run 'privaudit data update' again, or remove the file to use the built-in data)"
        )
    return services, bad


def parse_dataset_bytes(
    raw: bytes, *, origin: str, date: str, where: str, min_entries: int = 1
) -> Dataset:
    if len(raw) > MAX_DATASET_BYTES:
        raise DatasetError(f"{where}: larger than {MAX_DATASET_BYTES // 2**20} MiB; refusing it")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DatasetError(f"{where}: not UTF-8 text; not a 2fa.directory dataset") from None
    except json.JSONDecodeError as exc:
        raise DatasetError(
            f"{where}: not valid JSON (line {exc.lineno}); the download is corrupt or partial"
        ) from None
    services, bad = parse_services(data, where=where, min_entries=min_entries)
    return Dataset(tuple(services), origin=origin, date=date, skipped=bad)


def load_builtin() -> Dataset:
    """The small dataset shipped with privaudit, so the check works offline on first run."""
    where = "built-in 2FA dataset"
    raw = (resources.files("privaudit.tfa") / "builtin.json").read_bytes()
    doc = json.loads(raw)
    if not isinstance(doc, dict) or doc.get("format") != BUILTIN_FORMAT:
        raise DatasetError(f"{where}: unknown format; reinstall privaudit")
    date = doc.get("date")
    if not isinstance(date, str):
        raise DatasetError(f"{where}: no date; reinstall privaudit")
    services, bad = parse_services(doc.get("entries"), where=where)
    if bad:
        raise DatasetError(f"{where}: {bad} malformed entries; reinstall privaudit")
    return Dataset(tuple(services), origin=N_("built-in"), date=date)
