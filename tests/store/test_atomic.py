"""store/atomic: the one private open, and writes that are all-or-nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from privaudit.errors import InputError
from privaudit.store.atomic import (
    DIR_MODE,
    FILE_MODE,
    atomic_writer,
    ensure_private_dir,
    open_private,
)


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_open_private_creates_0600_despite_a_permissive_umask(tmp_path: Path) -> None:
    target = tmp_path / "answers.json"
    old = os.umask(0)
    try:
        os.close(open_private(target, os.O_WRONLY))
    finally:
        os.umask(old)
    assert mode_of(target) == FILE_MODE


def test_open_private_narrows_an_existing_wider_file(tmp_path: Path) -> None:
    target = tmp_path / "cache.db"
    target.write_bytes(b"old")
    target.chmod(0o644)
    os.close(open_private(target, os.O_RDWR))
    assert mode_of(target) == FILE_MODE
    assert target.read_bytes() == b"old"  # opened, not truncated


def test_open_private_refuses_a_symlink_and_leaves_its_target_alone(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    victim.chmod(0o644)
    link = tmp_path / "history.db"
    link.symlink_to(victim)
    with pytest.raises(InputError, match="symbolic link"):
        open_private(link, os.O_WRONLY)
    assert victim.read_bytes() == b"keep"
    assert mode_of(victim) == 0o644


def test_open_private_uses_o_nofollow_where_the_check_alone_would_race(tmp_path: Path) -> None:
    # The is_symlink() check and the open are two steps; O_NOFOLLOW closes the gap.
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep")
    link = tmp_path / "lock"
    link.symlink_to(victim)
    with pytest.raises(OSError):
        os.open(link, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, FILE_MODE)
    assert hasattr(os, "O_NOFOLLOW")


def test_open_private_with_o_excl_refuses_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / ".report.0123456789ab.tmp"
    os.close(open_private(target, os.O_WRONLY | os.O_EXCL))
    with pytest.raises(FileExistsError):
        open_private(target, os.O_WRONLY | os.O_EXCL)


def test_private_folder_is_0700_with_its_new_parents(tmp_path: Path) -> None:
    home = tmp_path / "new" / "home"
    old = os.umask(0)
    try:
        ensure_private_dir(home)
    finally:
        os.umask(old)
    assert mode_of(home) == DIR_MODE
    assert mode_of(home.parent) == DIR_MODE


def test_private_folder_is_tightened_when_widened(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    home.chmod(0o755)
    ensure_private_dir(home)
    assert mode_of(home) == DIR_MODE


def test_atomic_writer_replaces_in_one_step_with_mode_0600(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"old report")
    target.chmod(0o644)
    with atomic_writer(target) as fh:
        fh.write(b"new report")
        assert target.read_bytes() == b"old report"  # nothing replaced until the end
    assert target.read_bytes() == b"new report"
    assert mode_of(target) == FILE_MODE
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


@pytest.mark.parametrize("existing", [True, False])
def test_atomic_writer_leaves_no_partial_file_when_the_block_raises(
    tmp_path: Path, existing: bool
) -> None:
    target = tmp_path / "report.json"
    if existing:
        target.write_bytes(b"old report")

    class Interrupted(Exception):
        pass

    def write_half() -> None:
        with atomic_writer(target) as fh:
            fh.write(b'{"half": ')
            raise Interrupted

    with pytest.raises(Interrupted):
        write_half()
    if existing:
        assert target.read_bytes() == b"old report"
        assert [p.name for p in tmp_path.iterdir()] == ["report.json"]
    else:
        assert list(tmp_path.iterdir()) == []
