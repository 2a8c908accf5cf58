"""privaudit's folders: created 0700 and verified before use; interrupted writes swept;
--output only to a regular file or a new path."""

from __future__ import annotations

import os
import socket
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from privaudit.errors import InputError
from privaudit.store import atomic
from privaudit.store.atomic import check_output_path, ensure_private_dir, write_atomic


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def open_umask():  # type: ignore[no-untyped-def]
    old = os.umask(0)
    yield
    os.umask(old)


def test_new_folders_and_their_new_parents_are_0700_under_umask_000(
    tmp_path: Path,
    open_umask: None,
) -> None:
    home = tmp_path / "home"  # a PRIVAUDIT_HOME that does not exist yet
    ensure_private_dir(home / "cache" / "pwned-range")
    for folder in (home, home / "cache", home / "cache" / "pwned-range"):
        assert _mode(folder) == 0o700, folder


def test_a_widened_folder_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o777)
    ensure_private_dir(folder)
    assert _mode(folder) == 0o700


def test_a_symlinked_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "cache").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(InputError, match="symbolic link"):
        ensure_private_dir(tmp_path / "cache")


def test_a_folder_of_another_user_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    # Being another user is simulated: privaudit compares the owner with geteuid().
    monkeypatch.setattr(os, "geteuid", lambda: folder.stat().st_uid + 1)
    with pytest.raises(InputError, match="belongs to another user"):
        ensure_private_dir(folder)


def test_a_file_where_the_folder_should_be_is_refused(tmp_path: Path) -> None:
    (tmp_path / "cache").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        ensure_private_dir(tmp_path / "cache")


def test_privaudit_home_is_created_0700_by_a_run(
    cli, isolated_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    home = tmp_path / "fresh-home"
    monkeypatch.setenv("PRIVAUDIT_HOME", str(home))
    old = os.umask(0o022)
    try:
        export = tmp_path / "chrome.csv"
        export.write_text("name,url,username,password\nsite,https://a.example,u,Pw-long-enough-1\n")
        result = cli(
            "audit", "--offline", "--no-input", "--format", "json", "--accounts", str(export)
        )
    finally:
        os.umask(old)
    assert result.code in (0, 1, 3), result.err
    assert home.is_dir()
    for folder in [home, *(p for p in home.rglob("*") if p.is_dir())]:
        assert _mode(folder) == 0o700, folder


def test_stale_temp_files_of_an_interrupted_write_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    stale = folder / ".history.json.0123456789ab.tmp"
    fresh = folder / ".answers.json.ba9876543210.tmp"  # another run may be writing it now
    mine = folder / "notes.tmp"  # not privaudit's pattern: never touched
    for path in (stale, fresh, mine):
        path.write_bytes(b"partial")
    old = time.time() - atomic.STALE_TEMP_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(mine, (old, old))
    monkeypatch.setattr(atomic, "_swept", set())
    ensure_private_dir(folder)
    assert not stale.exists()
    assert fresh.exists()
    assert mine.exists()


def test_write_atomic_sweeps_through_the_folder_check(tmp_path: Path) -> None:
    write_atomic(tmp_path / "a.json", b"{}")
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


@pytest.fixture
def special(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path]:
    kind = request.param
    path = tmp_path / f"out-{kind}"
    with socket.socket(socket.AF_UNIX) as server:
        if kind == "fifo":
            os.mkfifo(path)
        elif kind == "socket":
            server.bind(str(path))
        elif kind == "folder":
            path.mkdir()
        yield path


@pytest.mark.parametrize("special", ["fifo", "socket", "folder"], indirect=True)
def test_output_to_a_special_file_is_refused_before_the_audit(cli, special: Path) -> None:  # type: ignore[no-untyped-def]
    before = stat.S_IFMT(special.lstat().st_mode)
    result = cli("audit", "--demo", "--format", "json", "--output", str(special))
    assert result.code == 2
    assert "Traceback" not in result.err
    assert stat.S_IFMT(special.lstat().st_mode) == before  # still what it was


@pytest.mark.parametrize(
    "target", ["/dev/null", "/dev/zero", "/proc/version", "/proc/self/status", "/sys/kernel/x"]
)
def test_output_to_devices_and_kernel_files_is_refused(cli, target: str) -> None:  # type: ignore[no-untyped-def]
    if not Path(target).parent.exists():
        pytest.skip(f"no {Path(target).parent} here")
    result = cli("audit", "--demo", "--format", "json", "--output", target)
    assert result.code == 2
    assert "refusing to write" in result.err


def test_report_render_refuses_a_device_output(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    saved = tmp_path / "r.json"
    assert cli("audit", "--demo", "--format", "json", "--output", str(saved)).code in (0, 1)
    result = cli("report", "render", str(saved), "--format", "html", "--output", "/dev/null")
    assert result.code == 2
    assert "device" in result.err


def test_regular_files_and_new_paths_are_fine(tmp_path: Path) -> None:
    existing = tmp_path / "old.html"
    existing.write_text("old")
    assert check_output_path(existing) == existing
    assert check_output_path(tmp_path / "new.html") == tmp_path / "new.html"


def test_reading_checks_the_folder_first_and_creates_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from privaudit.store.answers import load_answers
    from privaudit.store.atomic import verify_private_dir

    assert verify_private_dir(tmp_path / "none") is False
    assert not (tmp_path / "none").exists()
    planted = tmp_path / "data"
    planted.mkdir(mode=0o755)
    (planted / "answers.json").write_text("{}")
    monkeypatch.setattr(os, "geteuid", lambda: planted.stat().st_uid + 1)
    with pytest.raises(InputError, match="belongs to another user"):
        load_answers(planted / "answers.json")


def test_a_widened_data_folder_is_tightened_before_it_is_read(tmp_path: Path) -> None:
    from privaudit.tfa.declarations import load_declarations

    folder = tmp_path / "data"
    folder.mkdir()
    folder.chmod(0o777)
    assert load_declarations(folder / "mfa-declarations.json") == []
    assert _mode(folder) == 0o700
