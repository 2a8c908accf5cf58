"""Special files as inputs: FIFOs, devices, /proc and growing files are refused (exit 2)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from privaudit.errors import InputError
from privaudit.files import open_user_file
from tests.conftest import run_privaudit


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    os.mkfifo(path)
    return path


def test_a_fifo_as_accounts_is_refused_without_waiting_for_a_writer(cli, fifo: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("audit", "--offline", "--no-input", "-a", str(fifo))
    assert result.code == 2
    assert "named pipe (FIFO)" in result.err
    assert "--accounts -" in result.err, "process substitution users learn to pipe to stdin"
    assert "Traceback" not in result.err


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_even_with_a_streaming_format(cli, device: str) -> None:  # type: ignore[no-untyped-def]
    if not Path(device).exists():
        pytest.skip(f"{device} is not on this system")
    result = cli(
        "audit", "--offline", "--no-input", "-a", device, "--source-format", "lastpass-csv",
        "--max-input-size", "1M",
    )  # fmt: skip
    assert result.code == 2
    assert "device" in result.err


@pytest.mark.parametrize("path", ["/proc/version", "/proc/self/mem", "/proc/self/environ"])
def test_proc_files_are_refused(cli, path: str) -> None:  # type: ignore[no-untyped-def]
    if not Path(path).exists():
        pytest.skip("no /proc here")
    result = cli("audit", "--offline", "--no-input", "-a", path)
    assert result.code == 2
    assert "system file" in result.err or "permission denied" in result.err


def test_a_symlink_into_proc_is_refused_too(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if not Path("/proc/version").exists():
        pytest.skip("no /proc here")
    link = tmp_path / "export.csv"
    link.symlink_to("/proc/version")
    result = cli("audit", "--offline", "--no-input", "-a", str(link))
    assert result.code == 2
    assert "system file" in result.err


def test_reads_stop_at_the_limit_whatever_the_size_said(tmp_path: Path) -> None:
    # A file that grows after it was measured: the bounded reader still stops.
    path = tmp_path / "growing.csv"
    path.write_bytes(b"a" * 100)
    with open_user_file(path, what="export", max_bytes=1000) as stream:
        with path.open("ab") as grow:
            grow.write(b"b" * 5000)
        with pytest.raises(InputError, match="over the 1000-byte limit"):
            stream.read()


def test_reads_up_to_the_limit_exactly_are_fine(tmp_path: Path) -> None:
    path = tmp_path / "exact.csv"
    path.write_bytes(b"a" * 1000)
    with open_user_file(path, what="export", max_bytes=1000) as stream:
        assert len(stream.read()) == 1000


def test_a_streamed_csv_over_the_limit_exits_2(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    export = tmp_path / "lastpass.csv"
    rows = "".join(f"https://s{i}.example,u{i},pw-{i}-long-enough,,,s{i},,0\n" for i in range(3000))
    export.write_text("url,username,password,totp,extra,name,grouping,fav\n" + rows)
    result = cli(
        "audit", "--offline", "--no-input", "-a", str(export), "--source-format", "lastpass-csv",
        "--max-input-size", "10K",
    )  # fmt: skip
    assert result.code == 2
    assert "limit" in result.err


@pytest.mark.slow
def test_a_fifo_does_not_hang_the_real_process(fifo: Path) -> None:
    result = run_privaudit("audit", "--offline", "--no-input", "-a", str(fifo), timeout=60)
    assert result.code == 2
    assert "Traceback" not in result.err


def test_a_fifo_as_pwned_corpus_is_refused(cli, fifo: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "password",
        "check",
        "--password-stdin",
        "--pwned-corpus",
        str(fifo),
        stdin=b"pw-long-enough-1\n",
    )
    assert result.code == 2, result.err
    assert "named pipe (FIFO)" in result.err


def test_a_device_as_pwned_corpus_is_refused(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli(
        "audit", "--no-input", "--pwned-corpus", "/dev/zero", "--password-stdin", stdin=b""
    )
    assert result.code == 2, result.err
    assert "device" in result.err


def test_a_fifo_as_a_checklist_file_is_refused(cli, fifo: Path) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "lint", str(fifo))
    assert result.code == 2
    assert "not a regular file" in result.err
