"""Read checklist files: the built-ins, a trainer's folder, or files given to `lint`.

`validate_*` return every problem found (for `checklist lint`); the loaders raise
on the first one, in one line that names the file, item and field (for an audit).
"""

from __future__ import annotations

import functools
import stat
import tomllib
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import NoReturn

from privaudit.checklists.model import Checklist
from privaudit.checklists.texts import DOMAIN
from privaudit.checklists.validate import LANG_PATTERN, Problems, parse_checklist
from privaudit.errors import InputError
from privaudit.files import is_virtual
from privaudit.text import sanitize

__all__ = ["LANG_PATTERN", "ChecklistError", "all_checklists", "builtin_checklists", "load_dir"]

MAX_FILE_BYTES = 512 * 1024


class ChecklistError(InputError):
    """A checklist file is invalid; the message names the file, item and field."""


def validate_bytes(
    raw: bytes, where: str, source: str, domain: str | None = None
) -> tuple[Checklist | None, list[str]]:
    """Parse one checklist file; return it (or None) and every problem found.

    ``domain``: the gettext domain translating its texts (built-ins: ``checklists``).
    """
    p = Problems(where)
    if len(raw) > MAX_FILE_BYTES:
        p.add(f"file is over {MAX_FILE_BYTES // 1024} KiB; is it really a checklist?")
        return None, p.messages
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        p.add("not UTF-8 text; save it as UTF-8")
        return None, p.messages
    except tomllib.TOMLDecodeError as exc:
        p.add(f"invalid TOML: {sanitize(str(exc))}")
        return None, p.messages
    return parse_checklist(data, p, source, domain), p.messages


def validate_file(path: Path) -> tuple[Checklist | None, list[str]]:
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None, [f"{path}: file not found"]
    except OSError:
        mode = stat.S_IFREG  # let the read below say what is wrong
    if stat.S_ISDIR(mode):
        return None, [f"{path}: is a folder; give checklist files (*.toml)"]
    if not stat.S_ISREG(mode) or is_virtual(path):
        # A FIFO would block forever, a device never end.
        return None, [f"{path}: not a regular file; give checklist files (*.toml)"]
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [f"{path}: file not found"]
    except IsADirectoryError:
        return None, [f"{path}: is a folder; give checklist files (*.toml)"]
    except PermissionError:
        return None, [f"{path}: permission denied"]
    return validate_bytes(raw, str(path), str(path))


def _raise_first(problems: list[str]) -> NoReturn:
    more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
    raise ChecklistError(f"{problems[0]}{more}; run 'privaudit checklist lint' on the file")


def check_unique(checklists: Iterable[Checklist]) -> list[str]:
    """Platform ids and check ids must be unique across every loaded checklist."""
    problems: list[str] = []
    ids: dict[str, str] = {}
    checks: dict[str, str] = {}
    for cl in checklists:
        for value, seen, field in ((cl.id, ids, "id"), (cl.check_id, checks, "check_id")):
            if value in seen:
                problems.append(
                    f"{cl.source}: field '{field}': '{value}' is already used by {seen[value]};"
                    " pick another"
                )
            else:
                seen[value] = cl.source
    return problems


@functools.cache
def builtin_checklists() -> tuple[Checklist, ...]:
    """The checklists shipped with privaudit, sorted by check id.

    Parsed and validated once per process (they cannot change while it runs;
    the result is an immutable tuple of frozen checklists): the check registry
    and the audit plan both need them.
    """
    found: list[Checklist] = []
    folder = resources.files("privaudit.checklists")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        checklist, problems = validate_bytes(entry.read_bytes(), entry.name, "built-in", DOMAIN)
        if problems or checklist is None:
            _raise_first(problems)
        found.append(checklist)
    return tuple(sorted(found, key=lambda c: c.check_id))


def load_dir(folder: Path) -> tuple[Checklist, ...]:
    """Every *.toml checklist in a folder (a trainer's or organisation's own)."""
    if not folder.is_dir():
        raise ChecklistError(
            f"checklist folder not found: {folder}"
            " (check --checklist-dir or checklists.checklist_dir)"
        )
    found: list[Checklist] = []
    for path in sorted(folder.glob("*.toml")):
        checklist, problems = validate_file(path)
        if problems or checklist is None:
            _raise_first(problems)
        found.append(checklist)
    return tuple(found)


def all_checklists(folder: Path | None = None) -> tuple[Checklist, ...]:
    """Built-ins plus a folder's own; ids must not clash."""
    lists = builtin_checklists() + (load_dir(folder) if folder is not None else ())
    problems = check_unique(lists)
    if problems:
        _raise_first(problems)
    return lists
