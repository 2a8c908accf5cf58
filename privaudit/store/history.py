"""The history database: one summary per audit, for trends, diffs and --since-last.

SQLite in WAL mode, so a run killed at any moment leaves the last committed
state; every write is one transaction. The schema version lives in
`PRAGMA user_version` and moves forward (privaudit/store/migrations.py). The file is 0600 in
a 0700 folder. It holds scores, counts, check ids, statuses and each result's
subject label and stable key: never a password, hash or message text.
"""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePath
from types import TracebackType

from privaudit.errors import InputError
from privaudit.model import Report, Severity, Status, TrendPoint
from privaudit.paths import data_dir
from privaudit.runs import RunResult, RunSource, RunSummary
from privaudit.store.atomic import ensure_private_dir, open_private
from privaudit.store.migrations import migrate

HISTORY_FILE = "history.sqlite3"


def default_history_path() -> Path:
    return data_dir() / HISTORY_FILE


def _ts(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _sources(report: Report) -> list[dict[str, object]]:
    # The file name only: the folder an export sits in says more than a trend needs.
    return [
        {
            "name": PurePath(s.name).name or s.name,
            "format": s.format,
            "read": s.read,
            "used": s.used,
            "skipped": sum(s.skipped.values()),
        }
        for s in report.inputs.sources
    ]


def _load_sources(raw: object) -> tuple[RunSource, ...] | None:
    if raw is None:
        return None
    return tuple(
        RunSource(
            str(d["name"]), str(d["format"]), int(d["read"]), int(d["used"]), int(d["skipped"])
        )
        for d in json.loads(str(raw))
    )


class History:
    """An open history database. Use as a context manager, or call close()."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> History:
        """Open the database, creating and migrating it as needed."""
        path = path or default_history_path()
        ensure_private_dir(path.parent)
        os.close(open_private(path, os.O_WRONLY))
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            migrate(conn, path)
        except sqlite3.DatabaseError as exc:
            raise InputError(
                f"cannot use the history database {path} ({exc}); move it aside to start afresh"
            ) from None
        return cls(conn, path)

    @classmethod
    def open_existing(cls, path: Path | None = None) -> History | None:
        """For read-only commands: None when no audit has been recorded yet."""
        path = path or default_history_path()
        return cls.open(path) if path.exists() else None

    def __enter__(self) -> History:
        return self

    def __exit__(
        self,
        _exc_type: type[BaseException] | None,
        _exc: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    def append(self, report: Report, profile: str) -> int:
        """Record one run in a single transaction; returns its id."""
        score = report.score
        counts = {s.value: n for s, n in report.counts().items()}
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            cur = conn.execute(
                "INSERT INTO runs (profile, started_at, finished_at, tool_version, score, grade,"
                " errors, unanswered, skipped, counts, sources)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    profile,
                    _ts(report.started_at),
                    _ts(report.finished_at),
                    report.tool_version,
                    score.value,
                    score.grade,
                    score.errors,
                    score.unanswered,
                    score.skipped,
                    json.dumps(counts, sort_keys=True),
                    json.dumps(_sources(report)),
                ),
            )
            run_id = int(cur.lastrowid or 0)
            conn.executemany(
                "INSERT INTO run_categories (run_id, category, score, grade) VALUES (?, ?, ?, ?)",
                [(run_id, c.category, c.value, c.grade) for c in score.categories],
            )
            conn.executemany(
                "INSERT INTO run_results (run_id, check_id, key, status, severity, subject)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (
                        run_id,
                        f.check_id,
                        f.key,
                        f.status.value,
                        report.severity_of(f).value,
                        f.subject,
                    )
                    for f in report.findings
                ],
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return run_id

    def runs(self, profile: str | None = None, limit: int | None = None) -> list[RunSummary]:
        """Runs oldest first; with `limit`, only the most recent ones."""
        where, args = ("WHERE profile = ?", [profile]) if profile is not None else ("", [])
        sql = f"SELECT * FROM runs {where} ORDER BY started_at DESC, id DESC"  # noqa: S608
        if limit is not None:
            sql += " LIMIT ?"
            args.append(str(limit))
        rows = self._conn.execute(sql, args).fetchall()
        return [self._summary(row) for row in reversed(rows)]

    def get(self, run_id: int) -> RunSummary:
        row = self._conn.execute("SELECT * FROM runs WHERE id = ?", (run_id,)).fetchone()
        if row is None:
            raise InputError(f"no run #{run_id} in the history; see 'privaudit history'")
        return self._summary(row)

    def last(self, profile: str) -> RunSummary | None:
        found = self.runs(profile, limit=1)
        return found[0] if found else None

    def results(self, run_id: int) -> list[RunResult]:
        rows = self._conn.execute(
            "SELECT check_id, key, status, severity, subject FROM run_results"
            " WHERE run_id = ? ORDER BY rowid",
            (run_id,),
        ).fetchall()
        return [RunResult(c, k, Status(st), Severity(sev), subj) for c, k, st, sev, subj in rows]

    def problem_keys(self, run_id: int) -> frozenset[str]:
        """Keys of a run's problems (FAIL, WARN): all --since-last and --notify compare."""
        rows = self._conn.execute(
            "SELECT key FROM run_results WHERE run_id = ? AND status IN (?, ?)",
            (run_id, Status.FAIL.value, Status.WARN.value),
        )
        return frozenset(key for (key,) in rows)

    def trend(self, profile: str, limit: int = 30) -> tuple[TrendPoint, ...]:
        return tuple(TrendPoint(r.started_at, r.score) for r in self.runs(profile, limit))

    def prune(
        self, *, keep: int | None = None, older_than: timedelta | None = None, now: datetime
    ) -> int:
        """Delete old runs (all profiles); returns how many went."""
        conn = self._conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            ids: set[int] = set()
            if keep is not None:
                rows = conn.execute(
                    "SELECT id FROM runs ORDER BY started_at DESC, id DESC LIMIT -1 OFFSET ?",
                    (keep,),
                ).fetchall()
                ids.update(r[0] for r in rows)
            if older_than is not None:
                cutoff = _ts(now - older_than)
                old = conn.execute("SELECT id FROM runs WHERE started_at < ?", (cutoff,))
                ids.update(r[0] for r in old.fetchall())
            conn.executemany("DELETE FROM runs WHERE id = ?", [(i,) for i in sorted(ids)])
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return len(ids)

    def _summary(self, row: tuple[object, ...]) -> RunSummary:
        (run_id, profile, started, finished, version, score, grade, errors, unanswered) = row[:9]
        skipped, counts, sources = row[9], row[10], row[11]
        cats = self._conn.execute(
            "SELECT category, score, grade FROM run_categories WHERE run_id = ? ORDER BY category",
            (run_id,),
        ).fetchall()
        return RunSummary(
            id=int(str(run_id)),
            profile=str(profile),
            started_at=datetime.fromisoformat(str(started)),
            finished_at=datetime.fromisoformat(str(finished)),
            tool_version=str(version),
            score=None if score is None else int(str(score)),
            grade=None if grade is None else str(grade),
            errors=int(str(errors)),
            unanswered=int(str(unanswered)),
            skipped=int(str(skipped)),
            counts=json.loads(str(counts)),
            categories=tuple((str(c), s, g) for c, s, g in cats),
            sources=_load_sources(sources),
        )
