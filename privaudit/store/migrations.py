"""The history database's schema, step by step, and the code that applies it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from privaudit.errors import InputError

# Each entry moves the schema from version i to i + 1; never edit a shipped one.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        profile TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        tool_version TEXT NOT NULL,
        score INTEGER,
        grade TEXT,
        errors INTEGER NOT NULL,
        unanswered INTEGER NOT NULL,
        skipped INTEGER NOT NULL,
        counts TEXT NOT NULL
    );
    CREATE INDEX runs_by_profile ON runs (profile, started_at);
    CREATE TABLE run_categories (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        category TEXT NOT NULL,
        score INTEGER,
        grade TEXT,
        PRIMARY KEY (run_id, category)
    );
    CREATE TABLE run_results (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        check_id TEXT NOT NULL,
        key TEXT NOT NULL,
        status TEXT NOT NULL,
        severity TEXT NOT NULL,
        subject TEXT NOT NULL
    );
    CREATE INDEX run_results_by_run ON run_results (run_id);
    """,
    # What each run audited: a JSON list of {name, format, read, used, skipped} (file
    # names, never folders or contents); NULL for runs recorded before this step.
    """
    ALTER TABLE runs ADD COLUMN sources TEXT
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    # The version is read inside the write transaction, so two first runs at once
    # cannot both apply the same step; a crash leaves the old version or the new one.
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        _check_version(version, path)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # Statements hold no semicolons of their own, so a split is exact.
            for statement in MIGRATIONS[target - 1].split(";"):
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {target}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _check_version(version: int, path: Path) -> None:
    if version > SCHEMA_VERSION:
        raise InputError(
            f"the history database {path} was made by a newer privaudit (schema {version});"
            " upgrade privaudit, or move the file aside"
        )
