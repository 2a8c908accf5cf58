"""The log as incidents: each `add` with the status updates that followed it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from privaudit.i18n import N_

MINOR_WARNING: Final = N_(
    "An entry is marked as involving someone under 18. Do not keep, screenshot or send "
    "such images to anyone, including platforms or the police by e-mail: report the URL "
    "only, and use Take It Down (https://takeitdown.ncmec.org/) or your national hotline."
)


@dataclass
class Incident:
    entry: dict[str, Any]
    updates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def id(self) -> int:
        return int(self.entry["seq"])

    @property
    def status(self) -> str:
        return str(self.updates[-1]["status"]) if self.updates else "recorded"

    @property
    def minor(self) -> bool:
        return bool(self.entry.get("minor"))


def incidents(entries: Sequence[dict[str, Any]]) -> list[Incident]:
    by_id: dict[int, Incident] = {}
    for entry in entries:
        if entry.get("type") == "add":
            by_id[int(entry["seq"])] = Incident(entry)
        elif entry.get("type") == "update" and entry.get("ref") in by_id:
            by_id[int(entry["ref"])].updates.append(entry)
    return list(by_id.values())


def for_platform(items: list[Incident], platform: str | None) -> list[Incident]:
    if not platform:
        return items
    wanted = platform.strip().lower()
    return [i for i in items if str(i.entry.get("platform", "")).lower() == wanted]
