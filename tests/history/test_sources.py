"""History keeps which sources each run audited (file name, format, counts) and
`privaudit history` shows them; runs recorded before that are shown as unknown."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from privaudit.model import InputSummary
from privaudit.paths import data_dir
from privaudit.render.history import sources_cell, sources_lines
from privaudit.runs import RunSource
from privaudit.store.history import History
from privaudit.store.migrations import MIGRATIONS, SCHEMA_VERSION
from tests.history.exports import STRONG, WEAK, write_export
from tests.report.samples import sample_report


def test_history_records_and_shows_the_sources_of_each_run(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "private-exports-folder"
    folder.mkdir()
    export = write_export(folder / "vault.json", {"Gmail": WEAK, "GitHub": STRONG})
    args = ("audit", "--accounts", str(export), "--offline", "--no-input", "--quiet")
    assert cli(*args, "--format", "json").code in (0, 1)

    runs = json.loads(cli("history", "--format", "json").out)["runs"]
    assert runs[0]["sources"] == [
        {"name": "vault.json", "format": "bitwarden-json", "read": 2, "used": 2, "skipped": 0}
    ]
    table = cli("history").out
    assert "Sources of run #1: vault.json (bitwarden-json)" in table
    row = next(line for line in table.splitlines() if line.lstrip().startswith("#1 "))
    assert row.split()[-1] == "2"  # logins used, in the table
    # Names only: neither the folder nor anything from inside the export is kept.
    raw = b"".join(p.read_bytes() for p in data_dir().glob("history.sqlite3*"))
    for secret in (b"private-exports-folder", WEAK.encode()):
        assert secret not in raw


def test_sources_read_back_with_skips_counted(tmp_path: Path) -> None:
    with History.open(tmp_path / "h.sqlite3") as history:
        run = history.get(history.append(sample_report(), "p"))
        bare = dataclasses.replace(sample_report(), inputs=InputSummary(accounts=3))
        profile_only = history.get(history.append(bare, "p"))
    assert run.sources == (RunSource("vault<1>.json", "bitwarden-json", 7, 6, 1),)
    assert profile_only.sources == ()
    assert sources_cell(profile_only) == "-"
    assert sources_lines([run, profile_only])[1] == "Sources of run #2: no export (profile only)"


def test_migration_keeps_old_runs_and_marks_their_sources_unknown(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = data_dir() / "history.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as db:  # a database as privaudit wrote it before sources
        db.executescript(MIGRATIONS[0])
        db.execute("PRAGMA user_version = 1")
        db.execute(
            "INSERT INTO runs (profile, started_at, finished_at, tool_version, score, grade,"
            " errors, unanswered, skipped, counts) VALUES ('default', '2026-01-05T06:17:00+00:00',"
            " '2026-01-05T06:17:09+00:00', '0.9', 80, 'B', 0, 0, 0, '{}')"
        )
    path.chmod(0o600)
    runs = json.loads(cli("history", "--format", "json").out)["runs"]
    assert runs[0]["score"] == 80
    assert runs[0]["sources"] is None
    assert "Sources of run #1: not recorded (older privaudit)" in cli("history").out
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
