"""The history database itself: private files, migrations, versions, prune, bad files."""

from __future__ import annotations

import dataclasses
import sqlite3
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from privaudit.errors import InputError
from privaudit.model import Status
from privaudit.store.history import History
from privaudit.store.migrations import SCHEMA_VERSION
from tests.report.samples import sample_report


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_database_files_are_private_and_in_wal_mode(tmp_path: Path) -> None:
    path = tmp_path / "data" / "history.sqlite3"
    with History.open(path) as history:
        history.append(sample_report(), "default")
        files = [p for p in path.parent.iterdir() if p.name.startswith("history.sqlite3")]
        assert {p.name for p in files} >= {"history.sqlite3", "history.sqlite3-wal"}
        for p in files:
            assert mode(p) == 0o600, p.name
    assert mode(path.parent) == 0o700
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_append_and_read_back(tmp_path: Path) -> None:
    report = sample_report()
    with History.open(tmp_path / "h.sqlite3") as history:
        run_id = history.append(report, "p")
        run = history.get(run_id)
        assert (run.score, run.grade, run.errors) == (report.score.value, report.score.grade, 1)
        assert run.counts["fail"] == 2
        assert [c[0] for c in run.categories] == ["mfa", "passwords", "platform"]
        results = history.results(run_id)
        assert [(r.check_id, r.key, r.status) for r in results] == [
            (f.check_id, f.key, f.status) for f in report.findings
        ]
        assert history.last("p") == run
        assert history.last("other") is None
        assert history.trend("p")[0].score == report.score.value


def test_prune_by_count_and_age(tmp_path: Path) -> None:
    base = sample_report()
    day = timedelta(days=1)
    with History.open(tmp_path / "h.sqlite3") as history:
        for i in range(5):
            moment = base.started_at + i * day
            history.append(dataclasses.replace(base, started_at=moment, finished_at=moment), "p")
        assert history.prune(keep=4, now=base.started_at) == 1
        now = base.started_at + 4 * day
        assert history.prune(older_than=timedelta(days=2), now=now) == 1
        assert [r.id for r in history.runs()] == [3, 4, 5]
        assert history.prune(keep=0, now=now) == 3
        assert history.runs() == []
        assert history.results(3) == []  # results go with their run


def test_migrates_an_empty_file_and_refuses_a_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.touch(mode=0o600)
    with History.open(path):
        pass
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(InputError, match="newer privaudit"):
        History.open(path)


def test_a_corrupt_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(InputError, match="move it aside"):
        History.open(path)


def test_refuses_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.sqlite3"
    target.touch()
    link = tmp_path / "h.sqlite3"
    link.symlink_to(target)
    with pytest.raises(InputError, match="symbolic link"):
        History.open(link)


def test_no_message_text_or_details_are_stored(tmp_path: Path) -> None:
    report = sample_report()
    path = tmp_path / "h.sqlite3"
    with History.open(path) as history:
        history.append(report, "p")
    blob = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for finding in report.findings:
        assert finding.message.encode() not in blob
    assert Status.FAIL.value.encode() in blob  # the check above did look at the data


def test_open_existing_does_not_create(tmp_path: Path) -> None:
    assert History.open_existing(tmp_path / "none.sqlite3") is None
    assert not (tmp_path / "none.sqlite3").exists()


def test_trend_is_oldest_first(tmp_path: Path) -> None:
    base = sample_report()
    with History.open(tmp_path / "h.sqlite3") as history:
        for i in (2, 0, 1):
            moment = datetime(2026, 1, 1 + i, tzinfo=UTC)
            history.append(dataclasses.replace(base, started_at=moment, finished_at=moment), "p")
        assert [p.at.day for p in history.trend("p")] == [1, 2, 3]
