"""Account sources: read password-manager and browser exports into Accounts.

An importer is an object with `name`, `description`, `detect(sample, filename)`
and `read(data, filename) -> ImportResult`. Built-ins and plugins
(entry-point group `privaudit.sources.v1`) are looked up the same way.
Importers work on bytes already in memory and never write anything.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from importlib.metadata import entry_points
from pathlib import Path
from typing import Protocol

from privaudit.accounts import Account
from privaudit.errors import InputError, UsageError
from privaudit.model import SourceSummary

SOURCES_GROUP = "privaudit.sources.v1"
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""Refuse larger exports unless --max-input-size says otherwise: a typo'd path to a disk image
should fail fast, not fill memory."""


@dataclass
class ImportResult:
    accounts: list[Account] = field(default_factory=list)
    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)

    def skip(self, reason: str) -> None:
        self.skipped[reason] += 1

    def summary(self, name: str, fmt: str) -> SourceSummary:
        return SourceSummary(
            name=name,
            format=fmt,
            read=self.read,
            used=len(self.accounts),
            skipped=dict(self.skipped),
        )


class Importer(Protocol):
    name: str
    description: str
    plaintext: bool
    """Whether the export holds passwords in the clear (the report then reminds to delete it)."""

    def detect(self, sample: bytes, filename: str) -> bool: ...

    def read(self, data: bytes, filename: str) -> ImportResult: ...


BUILTIN_SOURCES: dict[str, str] = {
    "bitwarden-json": "privaudit.sources.bitwarden:BitwardenJson",
}


def _plugin_sources() -> dict[str, str]:
    return {ep.name: ep.value for ep in entry_points(group=SOURCES_GROUP)}


def _load(target: str) -> Importer:
    module_name, _, attr = target.partition(":")
    factory: Callable[[], Importer] = getattr(import_module(module_name), attr)
    return factory()


def all_importers() -> list[Importer]:
    targets = {**_plugin_sources(), **BUILTIN_SOURCES}
    return [_load(t) for t in targets.values()]


def get_importer(name: str) -> Importer:
    targets = {**_plugin_sources(), **BUILTIN_SOURCES}
    if name not in targets:
        raise UsageError(
            f"unknown --source-format {name!r}; choose one of: {', '.join(sorted(targets))}"
        )
    return _load(targets[name])


def read_bytes(path: Path | str, stdin: Callable[[], bytes], max_bytes: int) -> tuple[bytes, str]:
    if str(path) == "-":
        data = stdin()
        name = "stdin"
    else:
        p = Path(path)
        try:
            size = p.stat().st_size
            if size > max_bytes:
                raise InputError(
                    f"{p}: {size} bytes is over the {max_bytes}-byte limit;"
                    " pass --max-input-size to raise it"
                )
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"export not found: {p} (check the path)") from None
        except IsADirectoryError:
            raise InputError(f"{p} is a folder; give the export file itself") from None
        except PermissionError:
            raise InputError(f"cannot read {p}: permission denied") from None
        name = p.name
    if len(data) > max_bytes:
        raise InputError(f"{name}: input is over the {max_bytes}-byte limit; pass --max-input-size")
    return data, name


def import_accounts(
    path: Path | str,
    *,
    fmt: str | None,
    stdin: Callable[[], bytes],
    max_bytes: int = DEFAULT_MAX_BYTES,
    importers: Sequence[Importer] | None = None,
) -> tuple[ImportResult, SourceSummary, bool]:
    """Read one export; return its accounts, its summary and whether it was plaintext."""
    data, name = read_bytes(path, stdin, max_bytes)
    if fmt:
        importer = get_importer(fmt)
    else:
        sample = data[:65536]
        candidates = [i for i in (importers or all_importers()) if i.detect(sample, name)]
        if not candidates:
            raise InputError(
                f"{name}: format not recognised; name it with --source-format"
                " (see 'privaudit sources list')"
            )
        importer = candidates[0]
    result = importer.read(data, name)
    return result, result.summary(name, importer.name), importer.plaintext
