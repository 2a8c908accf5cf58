"""A run that stops at validation leaves nothing behind, not even a lock file; a held
lock still stops a second run before it reads its inputs."""

from __future__ import annotations

from pathlib import Path

from privaudit.store.lock import profile_lock
from tests.history.exports import STRONG, write_export


def test_bad_input_leaves_no_lock_and_no_files(cli, tmp_path: Path, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.json"
    bad.write_text("{not json")
    result = cli(
        "audit", "--offline", "--no-input", "-a", str(bad), "--source-format", "bitwarden-json"
    )
    assert result.code == 2
    assert [p for p in isolated_home.rglob("*") if p.is_file()] == []
    assert not (isolated_home / "data" / "locks").exists()


def test_a_held_lock_stops_the_run_before_its_inputs_are_read(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "not-there.json"  # would be exit 2 if it were read
    with profile_lock("default"):
        result = cli("audit", "--offline", "--no-input", "-a", str(missing))
    assert result.code == 3
    assert "another privaudit run" in result.err


def test_a_good_run_still_takes_the_lock_and_records(
    cli, tmp_path: Path, isolated_home: Path
) -> None:  # type: ignore[no-untyped-def]
    export = write_export(tmp_path / "v.json", {"Gmail": STRONG})
    result = cli("audit", "--offline", "--no-input", "-a", str(export), "-f", "json")
    assert result.code in (0, 1), result.err
    assert list((isolated_home / "data" / "locks").glob("*.lock"))
