"""Second factors the user declares with `privaudit mfa set` (an export cannot show them).

Stored in the data dir (0600, atomic) and merged with the profile's `mfa = [...]`:
a declaration *sets* the methods of the matching profile account (it is the
newer statement); unmatched declarations become accounts of their own, which
`merge_profile` then applies to imported logins like any profile entry.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from privaudit.accounts import Account, MfaMethod
from privaudit.errors import ConfigError, UsageError
from privaudit.inputs import apply_to_matching
from privaudit.paths import data_dir
from privaudit.store.atomic import ensure_private_dir, verify_private_dir, write_atomic
from privaudit.tfa.methods import parse_methods as methods_of

FORMAT: Final = "privaudit-mfa/1"


def declarations_path() -> Path:
    return data_dir() / "mfa-declarations.json"


@dataclass(frozen=True, slots=True)
class Declaration:
    service: str
    methods: frozenset[MfaMethod]
    domains: tuple[str, ...] = ()
    recovery_codes: bool | None = None
    updated: str = ""

    @property
    def key(self) -> str:
        return self.service.casefold()

    def as_account(self) -> Account:
        return Account(
            label=self.service,
            urls=self.domains,
            mfa=self.methods,
            recovery_codes=self.recovery_codes,
            source="declared",
        )


def parse_methods(names: Sequence[str]) -> frozenset[MfaMethod]:
    try:
        return methods_of(names)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


def _parse(item: Any, where: str) -> Declaration:
    if not isinstance(item, dict) or not isinstance(item.get("service"), str):
        raise ConfigError(f"{where}: malformed entry; fix or delete the file and declare again")
    methods = item.get("methods", [])
    domains = item.get("domains", [])
    recovery = item.get("recovery_codes")
    if not isinstance(methods, list) or not all(isinstance(m, str) for m in methods):
        raise ConfigError(f"{where}: 'methods' must be a list of method names")
    if not isinstance(domains, list) or not all(isinstance(d, str) for d in domains):
        raise ConfigError(f"{where}: 'domains' must be a list of domains")
    if recovery is not None and not isinstance(recovery, bool):
        raise ConfigError(f"{where}: 'recovery_codes' must be true, false or null")
    try:
        parsed = parse_methods(methods)
    except UsageError:
        raise ConfigError(f"{where}: unknown 2FA method; declare it again") from None
    return Declaration(
        service=item["service"],
        methods=parsed,
        domains=tuple(domains),
        recovery_codes=recovery,
        updated=str(item.get("updated", "")),
    )


def load_declarations(path: Path | None = None) -> list[Declaration]:
    path = path or declarations_path()
    if not verify_private_dir(path.parent) or not path.is_file():
        return []
    try:
        doc = json.loads(path.read_bytes())
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        raise ConfigError(
            f"{path}: unreadable 2FA declarations; fix or delete the file, then use"
            " 'privaudit mfa set' again"
        ) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ConfigError(f"{path}: not a privaudit 2FA declarations file; delete it")
    items = doc.get("services", [])
    if not isinstance(items, list):
        raise ConfigError(f"{path}: 'services' must be a list; delete the file")
    return [_parse(item, f"{path}: services[{i}]") for i, item in enumerate(items, 1)]


def save_declaration(
    declaration: Declaration, *, now: datetime, path: Path | None = None
) -> list[Declaration]:
    path = path or declarations_path()
    current = [d for d in load_declarations(path) if d.key != declaration.key]
    current.append(dataclasses.replace(declaration, updated=now.isoformat(timespec="seconds")))
    return _write(current, path)


def remove_declaration(service: str, path: Path | None = None) -> Declaration | None:
    """Forget the declaration for `service` (case-insensitive); the removed one, or None."""
    path = path or declarations_path()
    current = load_declarations(path)
    gone = [d for d in current if d.key == service.strip().casefold()]
    if gone:
        _write([d for d in current if d not in gone], path)
    return gone[0] if gone else None


def _write(current: list[Declaration], path: Path) -> list[Declaration]:
    current.sort(key=lambda d: d.key)
    doc = {
        "format": FORMAT,
        "services": [
            {
                "service": d.service,
                "methods": sorted(m.value for m in d.methods),
                "domains": list(d.domains),
                "recovery_codes": d.recovery_codes,
                "updated": d.updated,
            }
            for d in current
        ],
    }
    ensure_private_dir(path.parent)
    write_atomic(path, (json.dumps(doc, indent=2) + "\n").encode("utf-8"))
    return current


def _same_service(declared: Account, account: Account) -> bool:
    if declared.label.casefold() == account.label.casefold():
        return True
    return any(
        host == want or host.endswith("." + want)
        for want in declared.domains
        for host in account.domains
    )


def _declare(declared: Account, account: Account) -> Account:
    # A declaration replaces the methods: it is the user's latest word on the account.
    recovery = declared.recovery_codes
    return dataclasses.replace(
        account,
        mfa=declared.mfa,
        recovery_codes=account.recovery_codes if recovery is None else recovery,
    )


def apply_declarations(
    declarations: Sequence[Declaration], profile: Sequence[Account]
) -> tuple[Account, ...]:
    """Profile accounts with declared methods set on them; unmatched declarations appended."""
    declared = [d.as_account() for d in declarations]
    return tuple(apply_to_matching(declared, profile, _same_service, _declare))
