"""The reporting table (platforms.toml): where and how to report, with sources."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import date
from importlib import resources

from privaudit.errors import UsageError
from privaudit.i18n import _


@dataclass(frozen=True, slots=True)
class Platform:
    id: str
    name: str
    report: str
    how: str
    sources: tuple[str, ...]


def load() -> tuple[list[Platform], date]:
    text = resources.files("privaudit.incidents").joinpath("platforms.toml").read_text("utf-8")
    doc = tomllib.loads(text)
    rows = [
        Platform(p["id"], p["name"], p["report"], p["how"], tuple(p["sources"]))
        for p in doc["platforms"]
    ]
    return rows, doc["reviewed"]


def find(name: str) -> Platform | None:
    """A platform by id or name, case-insensitively; None when the table lacks it."""
    wanted = name.strip().lower()
    for p in load()[0]:
        if wanted in (p.id, p.name.lower()) or wanted == p.name.split(" ")[0].lower():
            return p
    return None


def require(name: str) -> Platform:
    found = find(name)
    if found is None:
        known = ", ".join(p.id for p in load()[0])
        raise UsageError(
            _("no reporting details for platform {name!r}; known: {known}").format(
                name=name, known=known
            )
        )
    return found
