"""A damaged offline corpus is an ERROR, never "not breached"; a killed build leaves nothing.

Per-prefix files with junk after valid lines, negative counts or duplicates;
a compact index with a flipped byte in a record, a zeroed count or a shifted
fan-out entry; `pwned-data build` killed with SIGKILL. The audit cases run the
real CLI on a vault holding the canary, which the corpus lists as breached:
a damaged corpus must never make it read as clean.
"""

from __future__ import annotations

import asyncio
import fcntl
import json
import os
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from privaudit.errors import InputError
from privaudit.pwned.build import build_index
from privaudit.pwned.index import DATA_START, FANOUT, HEADER_SIZE, CompactIndex
from privaudit.pwned.lookup import LookupFailure
from privaudit.pwned.offline import CorpusLookup, open_corpus
from tests.conftest import CANARY_PASSWORD
from tests.pwned.conftest import sha1
from tests.pwned.test_offline import as_complete_folder, make_entries, write_dir, write_text
from tests.reliability.vaults import write_vault

CANARY = sha1(CANARY_PASSWORD)
CANARY_LINE = f"{CANARY[5:]}:42"


def lookup(corpus_path: Path, full_hash: str = CANARY) -> object:
    return asyncio.run(CorpusLookup(open_corpus(corpus_path)).lookup([full_hash]))[full_hash]


def prefix_folder(tmp_path: Path, body: str) -> Path:
    folder = write_dir(tmp_path / "ranges", make_entries(50))
    (folder / f"{CANARY[:5]}.txt").write_text(body, encoding="ascii", newline="")
    return folder


MALFORMED_PREFIX_FILES = {
    "junk after valid lines": f"{CANARY_LINE}\r\n{'A' * 35}:3\r\n<html>blocked</html>\r\n",
    "a negative count": f"{CANARY[5:]}:-42\r\n",
    "a zero copy of the line first": f"{CANARY[5:]}:0\r\n{CANARY_LINE}\r\n",
    "a duplicate suffix": f"{CANARY_LINE}\r\n{CANARY_LINE}\r\n",
    "30-character suffixes": f"{CANARY_LINE}\r\n{'B' * 30}:7\r\n",
    "a non-decimal count": f"{CANARY[5:]}:4x2\r\n",
    "a signed count": f"{CANARY[5:]}:+42\r\n",
}


@pytest.mark.parametrize("case", sorted(MALFORMED_PREFIX_FILES))
def test_a_malformed_prefix_file_is_an_error_for_lookups_and_builds(
    tmp_path: Path, case: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = prefix_folder(tmp_path, MALFORMED_PREFIX_FILES[case])
    result = lookup(folder)
    assert isinstance(result, LookupFailure), case
    assert CANARY[:5] not in result.reason and CANARY[5:] not in result.reason
    with pytest.raises(InputError, match="no index was written"):
        build_index(as_complete_folder(monkeypatch, folder), tmp_path / "out.idx")
    assert not list(tmp_path.glob("*out.idx*"))


def test_a_valid_prefix_file_still_answers(tmp_path: Path) -> None:
    folder = prefix_folder(tmp_path, f"{'0' * 35}:0\r\n{CANARY_LINE}\r\n\r\n")
    assert lookup(folder) == 42


def test_build_and_lookup_agree_that_a_folder_with_missing_files_is_incomplete(
    tmp_path: Path,
) -> None:
    folder = write_dir(tmp_path / "ranges", make_entries(30))
    with pytest.raises(InputError, match="incomplete"):
        build_index(folder, tmp_path / "out.idx")
    missing = next(f"{p:05X}" for p in range(1, 1 << 20) if not (folder / f"{p:05X}.txt").exists())
    result = lookup(folder, missing + "0" * 35)
    assert isinstance(result, LookupFailure) and "incomplete" in result.reason


@pytest.fixture
def index(tmp_path: Path) -> tuple[Path, bytes]:
    entries = make_entries(3000)
    entries[CANARY] = 42
    write_text(tmp_path / "c.txt", entries)
    build_index(tmp_path / "c.txt", tmp_path / "c.idx")
    return tmp_path / "c.idx", (tmp_path / "c.idx").read_bytes()


def canary_record(blob: bytes) -> int:
    fan = struct.unpack_from(f"<{FANOUT + 1}Q", blob, HEADER_SIZE)
    bucket = int(CANARY[:4], 16)
    key = bytes.fromhex(CANARY)[2:]
    for i in range(fan[bucket], fan[bucket + 1]):
        at = DATA_START + i * 22
        if blob[at : at + 18] == key:
            return at
    raise AssertionError("the canary is not in the index")


def test_a_sound_index_answers(index: tuple[Path, bytes]) -> None:
    assert lookup(index[0]) == 42


@pytest.mark.parametrize("damage", ["flipped key byte", "flipped count byte", "zeroed count"])
def test_a_damaged_record_is_an_error_when_read(index: tuple[Path, bytes], damage: str) -> None:
    path, blob = index
    data = bytearray(blob)
    at = canary_record(blob)
    if damage == "flipped key byte":
        data[at + 5] ^= 0x01
    elif damage == "flipped count byte":
        data[at + 18] ^= 0x01
    else:
        data[at + 18 : at + 22] = bytes(4)
    path.write_bytes(bytes(data))
    result = lookup(path)
    assert isinstance(result, LookupFailure), damage
    assert "damaged" in result.reason


def test_a_shifted_fan_out_entry_is_refused_on_open(index: tuple[Path, bytes]) -> None:
    path, blob = index
    data = bytearray(blob)
    bucket = int(CANARY[:4], 16)
    at = HEADER_SIZE + (bucket + 1) * 8
    value = struct.unpack_from("<Q", data, at)[0]
    struct.pack_into("<Q", data, at, value - 1)  # still ascending: the canary falls outside
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="corrupt"):
        CompactIndex(path)


def test_an_index_of_the_previous_format_must_be_rebuilt(index: tuple[Path, bytes]) -> None:
    path, blob = index
    data = bytearray(blob)
    struct.pack_into("<H", data, 8, 1)
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match="rebuild"):
        CompactIndex(path)


def test_audit_with_a_damaged_index_reports_error_and_exit_3(
    tmp_path: Path, index: tuple[Path, bytes]
) -> None:
    path, blob = index
    data = bytearray(blob)
    data[canary_record(blob) + 18 : canary_record(blob) + 22] = bytes(4)
    path.write_bytes(bytes(data))
    vault = write_vault(tmp_path / "vault.json", 3, extra=CANARY_PASSWORD)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "privaudit",
            "audit",
            "--accounts",
            str(vault),
            "--offline",
            "--pwned-corpus",
            str(path),
            "--select",
            "BR101",
            "--format",
            "json",
            "-q",
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 3, proc.stderr
    statuses = {f["subject"]: f["status"] for f in json.loads(proc.stdout)["findings"]}
    assert statuses["Site 0 (user0@example.org)"] == "error"
    assert CANARY[:5] not in proc.stdout.decode() and CANARY[5:] not in proc.stdout.decode()


def test_a_stale_temporary_file_is_removed_and_a_live_one_kept(tmp_path: Path) -> None:
    write_text(tmp_path / "c.txt", make_entries(100))
    stale = tmp_path / ".c.idx.0123456789ab.tmp"
    stale.write_bytes(b"half an index")
    live = tmp_path / ".c.idx.ba9876543210.tmp"
    live.write_bytes(b"being written")
    with live.open("rb") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        build_index(tmp_path / "c.txt", tmp_path / "c.idx")
        assert not stale.exists()
        assert live.exists()


@pytest.mark.slow
def test_kill_9_during_build_leaves_a_file_the_next_build_removes(tmp_path: Path) -> None:
    step = (1 << 160) // 1_500_000
    source = tmp_path / "big.txt"
    source.write_bytes(b"".join(b"%040X:1\n" % (i * step + 1) for i in range(1_500_000)))
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "privaudit",
            "pwned-data",
            "build",
            str(source),
            str(tmp_path / "big.idx"),
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".big.idx.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    leftovers = list(tmp_path.glob(".big.idx.*.tmp"))
    assert leftovers, "the build finished before it could be killed"
    write_text(tmp_path / "small.txt", make_entries(10))
    build_index(tmp_path / "small.txt", tmp_path / "big.idx")
    assert not list(tmp_path.glob(".big.idx.*.tmp"))
