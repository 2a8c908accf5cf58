"""Build a compact index (privaudit/pwned/index.py) from the downloader's corpus.

Streaming and in near-constant memory: records are written as lines are
read; the fan-out table (65,537 counters) and one CRC-32 per block of records
(4 bytes per 128 records) are the only state. The index is written to a
temporary file beside the output, locked while it is written, and renamed
into place only when complete, so a truncated or corrupt source leaves nothing
behind. A build killed outright (kill -9, power loss) leaves its temporary
file; the next build of that output removes every such file no build holds.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import struct
import sys
import zlib
from array import array
from binascii import unhexlify
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from privaudit.errors import InputError, ServiceError, UsageError
from privaudit.i18n import _
from privaudit.pwned.index import (
    BLOCK_RECORDS,
    DATA_START,
    FANOUT,
    FULL_KEY,
    HEADER,
    HEADER_SIZE,
    MAGIC,
    MAX_COUNT,
    MIN_KEY,
    VERSION,
    record_size,
)
from privaudit.pwned.prefixdir import parse_prefix_file, prefix_files
from privaudit.store.atomic import atomic_writer

CHUNK = 1 << 23
_U32 = struct.Struct("<I")
Progress = Callable[[int, int], None]
"""(bytes read so far, total bytes of the source)"""


def _source_files(source: Path) -> tuple[list[tuple[Path, bytes]], int]:
    """[(file, prefix to put before each line)], total bytes."""
    if source.is_dir():
        # The same definition of a valid folder as the offline lookup's (prefixdir.py).
        parts = [(p, prefix.encode("ascii")) for p, prefix in prefix_files(source)]
    elif source.is_file():
        parts = [(source, b"")]
    else:
        raise InputError(_("breach corpus not found: {source}").format(source=source))
    return parts, sum(p.stat().st_size for p, _ in parts)


def _chunks(
    parts: list[tuple[Path, bytes]], progress: Progress | None, total: int
) -> Iterator[tuple[list[bytes], str, int]]:
    """(full `HASH:COUNT` lines, file name, number of the first line), chunk by chunk."""
    done = 0
    for path, prefix in parts:
        if prefix:
            yield _prefix_file_lines(path, prefix), path.name, 1
            done += path.stat().st_size
            if progress:
                progress(done, total)
            continue
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


def _prefix_file_lines(path: Path, prefix: bytes) -> list[bytes]:
    """One prefix file as full `HASH:COUNT` lines, vetted as the offline lookup vets it."""
    blob = path.read_bytes()
    try:
        parse_prefix_file(blob.decode("ascii"), path.name)
    except (UnicodeDecodeError, ServiceError) as exc:
        why = str(exc) if isinstance(exc, ServiceError) else f"{path.name} is not ASCII text"
        raise InputError(_("{why}; no index was written").format(why=why)) from None
    return [prefix + line.upper() for line in blob.split(b"\n") if line.strip()]


def _stale_temp_files(folder: Path, output: Path) -> None:
    """Remove temporary files of builds of `output` that were killed: none holds its lock."""
    import fcntl  # noqa: PLC0415

    for tmp in folder.glob(f".{output.name}.*.tmp"):
        try:
            fd = os.open(tmp, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a build running now holds it
        else:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        finally:
            os.close(fd)


def build_index(
    source: Path, output: Path, *, key_bytes: int = FULL_KEY, progress: Progress | None = None
) -> int:
    """Build the index; return the number of records. Raises InputError on bad input."""
    if not MIN_KEY <= key_bytes <= FULL_KEY:
        raise UsageError(
            _("--key-bytes must be from {min_key} to {full_key}").format(
                min_key=MIN_KEY, full_key=FULL_KEY
            )
        )
    parts, total = _source_files(source)
    folder = output.parent if str(output.parent) else Path()
    if folder.is_dir():
        _stale_temp_files(folder, output)
    with atomic_writer(output) as out:
        _lock_while_written(out.fileno())
        return _write(out, parts, total, key_bytes, progress)


def _block_crcs(data: bytes, size: int, crcs: array[int]) -> bytes:
    """Append the CRC-32 of each whole block in `data`; return the partial rest."""
    view = memoryview(data)
    full = len(data) - len(data) % size
    for at in range(0, full, size):
        crcs.append(zlib.crc32(view[at : at + size]))
    rest = bytes(view[full:])
    view.release()
    return rest


def _lock_while_written(fd: int) -> None:
    try:
        import fcntl  # noqa: PLC0415

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        pass  # no flock here: a later build may remove this file only once it is stale


def _bad_line(tail: bytes, name: str, number: int) -> InputError:
    if tail[:1] == b"-" and tail[1:].isdigit():
        negative = _("{name}: line {number} has a negative count; no index was written")
        return InputError(negative.format(name=name, number=number))
    return _not_hash_count(name, number)


def _finish(
    out: BinaryIO,
    digest: hashlib._Hash,
    counts: list[int],
    crcs: array[int],
    records: int,
    key_bytes: int,
) -> None:
    """Write the block table, then the header and fan-out over the zeros left for them."""
    if sys.byteorder == "big":
        crcs.byteswap()
    table = crcs.tobytes()
    out.write(table)
    digest.update(table)
    fan = [0] * (FANOUT + 1)
    for i, n in enumerate(counts):
        fan[i + 1] = fan[i] + n
    fan_bytes = struct.pack(f"<{FANOUT + 1}Q", *fan)
    digest.update(fan_bytes)
    meta_crc = zlib.crc32(table, zlib.crc32(fan_bytes))
    header = HEADER.pack(
        MAGIC, VERSION, key_bytes, 4, records, digest.digest(), BLOCK_RECORDS, meta_crc
    )
    out.seek(0)
    out.write(header.ljust(HEADER_SIZE, b"\0"))
    out.write(fan_bytes)


def _not_hash_count(name: str, number: int) -> InputError:
    return InputError(
        _(
            "{name}: line {number} is not HASH:COUNT (truncated or corrupt download?);"
            " no index was written"
        ).format(name=name, number=number)
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
    block_bytes = BLOCK_RECORDS * record_size(key_bytes)
    crcs = array("I")
    pending = b""
    for lines, name, first in _chunks(parts, progress, total):
        number = first - 1
        for line in lines:  # the hot loop: one iteration per corpus line
            number += 1
            tail = line[41:].rstrip(b"\r")
            # 58 is ':'; the count is ASCII digits only: no sign, space or underscore.
            if len(line) < 42 or line[40] != 58 or not tail.isdigit():
                if not line.strip():
                    continue
                raise _bad_line(tail, name, number)
            try:
                key = unhexlify(line[:40])
            except ValueError:
                raise _not_hash_count(name, number) from None
            count = int(tail)
            if count == 0:
                continue  # padding-style entry: says nothing was seen
            if key <= previous:
                raise InputError(
                    _(
                        "{name}: line {number} is out of order (the corpus must be sorted"
                        " by hash, without duplicates); no index was written"
                    ).format(name=name, number=number)
                )
            previous = key
            counts[key[0] << 8 | key[1]] += 1
            batch.append(key[2:cut] + pack(count if count <= MAX_COUNT else MAX_COUNT))
        blob = b"".join(batch)
        out.write(blob)
        digest.update(blob)
        pending = _block_crcs(pending + blob, block_bytes, crcs)
        records += len(batch)
        batch.clear()
    if not records:
        raise InputError(_("the corpus holds no HASH:COUNT lines; no index was written"))
    if pending:
        crcs.append(zlib.crc32(pending))
    _finish(out, digest, counts, crcs, records, key_bytes)
    return records
