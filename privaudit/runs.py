"""What the history keeps of a run: plain values, so renderers and trends need no database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from privaudit.model import Severity, Status


@dataclass(frozen=True, slots=True)
class RunResult:
    check_id: str
    key: str
    status: Status
    severity: Severity
    subject: str

    @property
    def problem(self) -> bool:
        return self.status in (Status.FAIL, Status.WARN)


@dataclass(frozen=True, slots=True)
class RunSource:
    """One input a run audited: its file name and format, and counts."""

    name: str
    format: str
    read: int
    used: int
    skipped: int


@dataclass(frozen=True, slots=True)
class RunSummary:
    id: int
    profile: str
    started_at: datetime
    finished_at: datetime
    tool_version: str
    score: int | None
    grade: str | None
    errors: int
    unanswered: int
    skipped: int
    counts: dict[str, int]
    categories: tuple[tuple[str, int | None, str | None], ...]
    sources: tuple[RunSource, ...] | None = None
    """None for runs recorded before privaudit kept them."""
