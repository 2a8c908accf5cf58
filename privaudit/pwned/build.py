"""Build a compact index (privaudit/pwned/index.py) from the downloader's corpus.

Streaming and in constant memory: records are written as lines are read, the
fan-out table (65,537 counters) is the only state. The index is written to a
temporary file beside the output and renamed into place only when complete,
so a truncated or corrupt source leaves nothing behind.
"""

from __future__ import annotations

import hashlib
import io
import struct
from binascii import unhexlify
from collections.abc import Callable, Iterator
from pathlib import Path

from privaudit.errors import InputError, UsageError
from privaudit.pwned.index import (
    DATA_START,
    FANOUT,
    FULL_KEY,
    HEADER,
    HEADER_SIZE,
    MAGIC,
    MAX_COUNT,
    MIN_KEY,
    VERSION,
)
from privaudit.store.atomic import atomic_writer

CHUNK = 1 << 23
_U32 = struct.Struct("<I")
Progress = Callable[[int, int], None]
"""(bytes read so far, total bytes of the source)"""


def _source_files(source: Path) -> tuple[list[tuple[Path, bytes]], int]:
    """[(file, prefix to put before each line)], total bytes."""
    if source.is_dir():
        files = sorted(p for p in source.iterdir() if p.suffix == ".txt" and len(p.stem) == 5)
        if not files:
            raise InputError(f"{source} holds no per-prefix files (00000.txt ...)")
        parts = [(p, p.stem.upper().encode("ascii")) for p in files]
    elif source.is_file():
        parts = [(source, b"")]
    else:
        raise InputError(f"breach corpus not found: {source}")
    return parts, sum(p.stat().st_size for p, _ in parts)


def _chunks(
    parts: list[tuple[Path, bytes]], progress: Progress | None, total: int
) -> Iterator[tuple[list[bytes], str, int]]:
    """(full `HASH:COUNT` lines, file name, number of the first line), chunk by chunk."""
    done = 0
    for path, prefix in parts:
        number = 1
        rest = b""
        with path.open("rb") as fh:
            size = min(CHUNK, path.stat().st_size + 1)  # small files: no 8 MB buffer each
            while chunk := fh.read(size):
                done += len(chunk)
                lines = (rest + chunk).split(b"\n")
                rest = lines.pop()
                yield ([prefix + line for line in lines] if prefix else lines), path.name, number
                number += len(lines)
                if progress:
                    progress(done, total)
        if rest.strip():
            yield [prefix + rest], path.name, number


def build_index(
    source: Path, output: Path, *, key_bytes: int = FULL_KEY, progress: Progress | None = None
) -> int:
    """Build the index; return the number of records. Raises InputError on bad input."""
    if not MIN_KEY <= key_bytes <= FULL_KEY:
        raise UsageError(f"--key-bytes must be from {MIN_KEY} to {FULL_KEY}")
    parts, total = _source_files(source)
    with atomic_writer(output) as out:
        return _write(out, parts, total, key_bytes, progress)


def _not_hash_count(name: str, number: int) -> InputError:
    return InputError(
        f"{name}: line {number} is not HASH:COUNT (truncated or corrupt download?);"
        " no index was written"
    )


def _write(
    out: object,
    parts: list[tuple[Path, bytes]],
    total: int,
    key_bytes: int,
    progress: Progress | None,
) -> int:
    assert isinstance(out, io.BufferedWriter)
    out.write(bytes(DATA_START))  # header and fan-out, filled in at the end
    digest = hashlib.sha256()
    counts = [0] * FANOUT
    batch: list[bytes] = []
    previous = b""
    records = 0
    cut = key_bytes
    pack = _U32.pack
    for lines, name, first in _chunks(parts, progress, total):
        number = first - 1
        for line in lines:  # the hot loop: one iteration per corpus line
            number += 1
            if len(line) < 42 or line[40] != 58:  # 58 is ':'
                if not line.strip():
                    continue
                raise _not_hash_count(name, number)
            try:
                key = unhexlify(line[:40])
                count = int(line[41:])  # int() ignores the \r of CRLF
            except ValueError:
                raise _not_hash_count(name, number) from None
            if count <= 0:
                if count < 0:
                    raise InputError(f"{name}: line {number} has a negative count")
                continue  # padding-style entry: says nothing was seen
            if key <= previous:
                raise InputError(
                    f"{name}: line {number} is out of order (the corpus must be sorted by hash,"
                    " without duplicates); no index was written"
                )
            previous = key
            counts[key[0] << 8 | key[1]] += 1
            batch.append(key[2:cut] + pack(count if count <= MAX_COUNT else MAX_COUNT))
        blob = b"".join(batch)
        out.write(blob)
        digest.update(blob)
        records += len(batch)
        batch.clear()
    blob = b"".join(batch)
    out.write(blob)
    digest.update(blob)
    records += len(batch)
    if not records:
        raise InputError("the corpus holds no HASH:COUNT lines; no index was written")
    fan = [0] * (FANOUT + 1)
    for i, n in enumerate(counts):
        fan[i + 1] = fan[i] + n
    fan_bytes = struct.pack(f"<{FANOUT + 1}Q", *fan)
    digest.update(fan_bytes)
    header = HEADER.pack(MAGIC, VERSION, key_bytes, 4, records, digest.digest())
    out.seek(0)
    out.write(header.ljust(HEADER_SIZE, b"\0"))
    out.write(fan_bytes)
    return records
