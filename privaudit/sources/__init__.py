"""Account sources: read password-manager and browser exports into Accounts.

An importer is an object with `name`, `description`, `plaintext`,
`detect(sample, filename)` and `read(source, options) -> ImportResult`.
Built-ins and plugins (entry-point group `privaudit.sources.v1`) are looked up
the same way. Importers read a `SourceData` (a file opened lazily, or stdin held
in memory) and never write anything. The only exception a `read` may raise is
`InputError`, whose message never quotes a value read from the export.
"""

from __future__ import annotations

import traceback
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from privaudit.accounts import Account
from privaudit.errors import InputError, UsageError
from privaudit.i18n import _
from privaudit.model import SourceSummary
from privaudit.plugins import SOURCES_GROUP, Broken, Plugin, discover, load, load_named
from privaudit.secret import Secret
from privaudit.sources import guess
from privaudit.sources.data import SAMPLE_BYTES, SourceData, open_source

DEFAULT_MAX_BYTES = 256 * 1024 * 1024
"""Refuse larger exports unless --max-input-size says otherwise: a typo'd path to a disk image
should fail fast, not fill memory."""
MAX_PROBLEM_EXAMPLES = 5

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ImportResult",
    "Importer",
    "ReadOptions",
    "SourceData",
    "all_importers",
    "get_importer",
    "import_accounts",
    "source_targets",
]


@dataclass(frozen=True)
class ReadOptions:
    """What some importers need beyond the bytes: set from the command line."""

    column_map: dict[str, str] | None = None
    """Generic CSV: field -> column header (`--map url=Website,password=Pass`)."""
    kdbx_password: Callable[[], Secret | None] | None = None
    """Asked only when a KDBX database is actually read (hidden prompt or stdin)."""
    kdbx_attempts: int = 1
    """How many passwords to try: 3 at a hidden prompt (a typo is asked again), else 1."""
    kdbx_keyfile: Path | None = None
    kdbx_kdf_limit: int = 1
    """Multiplies the bounds on a KDBX file's key-derivation parameters (kdbx_header.py)."""
    max_bytes: int = DEFAULT_MAX_BYTES
    """Also bounds what is decompressed from a zip export (1PUX, Proton Pass)."""


@dataclass
class ImportResult:
    accounts: list[Account] = field(default_factory=list)
    read: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    """The first few malformed items, located ("row 17: no password column value")."""

    def skip(self, reason: str, problem: str | None = None) -> None:
        """Count a skipped item; `problem` (a location, never a value) marks it malformed."""
        self.skipped[reason] += 1
        if problem is not None and len(self.problems) < MAX_PROBLEM_EXAMPLES:
            self.problems.append(problem)

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

    def read(self, source: SourceData, options: ReadOptions) -> ImportResult: ...


# Order matters for detection: the first importer that claims a file reads it, so the
# formats with the most specific signatures come first.
BUILTIN_SOURCES: dict[str, str] = {
    "enpass-json": "privaudit.sources.enpass:EnpassJson",
    "bitwarden-json": "privaudit.sources.bitwarden:BitwardenJson",
    "bitwarden-csv": "privaudit.sources.bitwarden:BitwardenCsv",
    "1password-1pux": "privaudit.sources.onepassword:OnePux",
    "1password-csv": "privaudit.sources.onepassword:OnePasswordCsv",
    "keepass-kdbx": "privaudit.sources.keepass:KeePassKdbx",
    "keepass-xml": "privaudit.sources.keepass:KeePassXml",
    "keepassxc-csv": "privaudit.sources.keepass:KeePassXcCsv",
    "firefox-csv": "privaudit.sources.browsers:FirefoxCsv",
    "chrome-csv": "privaudit.sources.browsers:ChromeCsv",
    "safari-csv": "privaudit.sources.browsers:SafariCsv",
    "lastpass-csv": "privaudit.sources.lastpass:LastPassCsv",
    "dashlane-csv": "privaudit.sources.dashlane:DashlaneCsv",
    "nordpass-csv": "privaudit.sources.nordpass:NordPassCsv",
    "protonpass-json": "privaudit.sources.protonpass:ProtonPassJson",
    "protonpass-csv": "privaudit.sources.protonpass:ProtonPassCsv",
    "keeper-json": "privaudit.sources.keeper:KeeperJson",
    "myki-csv": "privaudit.sources.myki:MykiCsv",
    "roboform-csv": "privaudit.sources.roboform:RoboFormCsv",
    "csv": "privaudit.sources.generic:GenericCsv",
}


def source_plugins() -> tuple[Plugin, ...]:
    """Built-ins first, in detection order, then plugins (privaudit/plugins.py's rule)."""
    return discover(SOURCES_GROUP, BUILTIN_SOURCES)


def source_targets() -> dict[str, tuple[str, str]]:
    """name -> (import target, origin)."""
    return {p.name: (p.target, p.origin) for p in source_plugins()}


def as_importer(obj: object) -> Importer:
    importer: Importer = obj() if callable(obj) else obj  # type: ignore[assignment]
    return importer


def all_importers() -> list[Importer]:
    """Every importer that loads; a broken plugin is left out here and reported by the
    audit as an ERROR (privaudit/plugins.py)."""
    loaded = (load(p) for p in source_plugins())
    return [as_importer(obj) for obj in loaded if not isinstance(obj, Broken)]


def get_importer(name: str) -> Importer:
    plugins = source_plugins()
    obj = load_named(plugins, name)
    if obj is None:
        names = ", ".join(sorted(p.name for p in plugins))
        raise UsageError(
            _("unknown --source-format {name!r}; choose one of: {names}").format(
                name=name, names=names
            )
        )
    return as_importer(obj)


def import_accounts(
    path: Path | str,
    *,
    fmt: str | None,
    stdin: Callable[[int], bytes],
    options: ReadOptions | None = None,
    importers: Sequence[Importer] | None = None,
) -> tuple[ImportResult, SourceSummary, bool]:
    """Read one export; return its accounts, its summary and whether it was plaintext."""
    options = options or ReadOptions()
    source = open_source(path, stdin, options.max_bytes)
    if source.size == 0 or not source.head.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise InputError(
            _("{name}: the file is empty; export again from your password manager").format(
                name=source.name
            )
        )
    if options.column_map is not None:
        if fmt not in (None, "csv"):
            raise UsageError(_("--map reads a CSV of any layout: use it without --source-format"))
        fmt = "csv"
    known = [p.name for p in source_plugins()]
    if fmt:
        importer = get_importer(fmt)
    else:
        sample = source.head[:SAMPLE_BYTES]
        candidates = [i for i in (importers or all_importers()) if i.detect(sample, source.name)]
        if not candidates:
            raise InputError(guess.unrecognised_message(source.name, sample, known))
        importer = candidates[0]
    result = read_guarded(importer, source, options)
    summary = result.summary(source.name, importer.name)
    if summary.used == 0:
        raise InputError(
            guess.no_logins_message(
                summary.name, summary.format, summary.read, summary.skipped, source.head, known
            )
        )
    return result, summary, importer.plaintext


def read_guarded(importer: Importer, source: SourceData, options: ReadOptions) -> ImportResult:
    """`importer.read`, where anything but InputError is still bad input, not a crash.

    Importers turn what they expect into notes or InputError; a damaged file can
    still reach a library's own bug (a plugin's too). That is exit 2 naming the
    exception type and place, never its message, which could quote the export.
    """
    try:
        return importer.read(source, options)
    except (InputError, UsageError, KeyboardInterrupt, MemoryError):
        raise
    except RecursionError:
        raise InputError(
            _("{name}: nested too deeply to be an export").format(name=source.name)
        ) from None
    except Exception as exc:  # noqa: BLE001
        frames = traceback.extract_tb(exc.__traceback__)
        where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
        raise InputError(
            _(
                "{name}: cannot read this {format} export ({error}{where}); it may"
                " be damaged: export it again (please report this if it keeps"
                " happening)"
            ).format(name=source.name, format=importer.name, error=type(exc).__name__, where=where)
        ) from None
