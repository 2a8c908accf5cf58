"""privaudit's compact breach index: fixed-width binary records sorted by hash.

Layout (all integers little-endian):
  header   64 bytes: MAGIC, format version (u16), key bytes per hash (u8: 20 =
           exact, fewer = truncated), count bytes (u8: 4), record count (u64),
           SHA-256 of everything after the fan-out, then of the fan-out (32 bytes),
           records per block (u32), CRC-32 of fan-out || block table (u32), padding
  fan-out  65,537 u64: fan[i] = number of records whose first two hash bytes
           are < i, so fan[i]..fan[i+1] are the records starting with bytes i
  records  (key_bytes - 2) bytes of hash after the first two, then a u32 count
  blocks   one u32 CRC-32 per `BLOCK_RECORDS` records

Verified as read, so a damaged file is an ERROR and never a "not breached":
the header, sizes and fan-out (ascending, and its CRC with the block table)
when opened; each block of records the first time a lookup touches it. A
lookup reads a few blocks (~3 KB each), so no run reads the whole 20 GB;
`pwned-data verify` checks the SHA-256 of everything.

Full keys take 22 bytes a record against ~45 for a text line. A truncated key
of k bytes over n records wrongly reports a clean password as breached with
probability at most n / 2**(8k) per lookup (k = 8, n = 10**9: under 6e-11);
it can never report a breached one as clean.
"""

from __future__ import annotations

import hashlib
import mmap
import struct
import zlib
from pathlib import Path
from typing import NoReturn

from privaudit.errors import InputError, ServiceError
from privaudit.i18n import _

MAGIC = b"PAPWIDX\x00"
VERSION = 2
FANOUT = 1 << 16
HEADER = struct.Struct("<8sHBBQ32sII")
BLOCK_RECORDS = 128
HEADER_SIZE = 64
FANOUT_SIZE = (FANOUT + 1) * 8
DATA_START = HEADER_SIZE + FANOUT_SIZE
COUNT_BYTES = 4
MAX_COUNT = (1 << 32) - 1
FULL_KEY = 20
MIN_KEY = 6


def record_size(key_bytes: int) -> int:
    return key_bytes - 2 + COUNT_BYTES


def block_count(records: int, per_block: int) -> int:
    return -(-records // per_block)


class CompactIndex:
    """Read-only view of an index file; lookups are a fan-out read and a binary search."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"compact index {path.name}"
        try:
            with path.open("rb") as fh:
                self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            raise InputError(_("cannot read breach index {path}").format(path=path)) from None
        size = len(self._mm)
        if size < DATA_START:
            self._corrupt("shorter than its header")
        magic, version, key_bytes, count_bytes, records, checksum, per_block, meta_crc = (
            HEADER.unpack_from(self._mm)
        )
        if magic != MAGIC:
            self._corrupt("not a privaudit breach index")
        if version != VERSION:
            raise InputError(
                _(
                    "breach index {path} has format {version}; this privaudit reads"
                    " format {expected}: rebuild it with 'privaudit pwned-data build'"
                ).format(path=path, version=version, expected=VERSION)
            )
        if not MIN_KEY <= key_bytes <= FULL_KEY or count_bytes != COUNT_BYTES or not per_block:
            self._corrupt("impossible header values")
        self.key_bytes: int = int(key_bytes)
        self.records: int = int(records)
        self.checksum: bytes = bytes(checksum)
        self.rec = record_size(key_bytes)
        self.per_block: int = int(per_block)
        self._table = DATA_START + records * self.rec
        if size != self._table + 4 * block_count(records, per_block):
            self._corrupt("its size does not match its header (truncated?)")
        view = memoryview(self._mm)
        crc = zlib.crc32(view[self._table :], zlib.crc32(view[HEADER_SIZE:DATA_START]))
        view.release()
        if crc != meta_crc:
            self._corrupt("its fan-out or block table fails its checksum")
        self._fan = struct.unpack_from(f"<{FANOUT + 1}Q", self._mm, HEADER_SIZE)
        if self._fan[0] != 0 or self._fan[-1] != records:
            self._corrupt("its fan-out table is inconsistent")
        if any(a > b for a, b in zip(self._fan, self._fan[1:], strict=False)):
            self._corrupt("its fan-out table is not ascending")
        self._verified: set[int] = set()

    def _corrupt(self, why: str) -> NoReturn:
        raise InputError(
            _(
                "breach index {path} is corrupt ({why}); rebuild it with"
                " 'privaudit pwned-data build SOURCE OUTPUT'"
            ).format(path=self.path, why=why)
        )

    def _check_block(self, block: int) -> None:
        start = DATA_START + block * self.per_block * self.rec
        end = min(start + self.per_block * self.rec, self._table)
        at = self._table + 4 * block
        stored = int.from_bytes(self._mm[at : at + 4], "little")
        if zlib.crc32(self._mm[start:end]) != stored:
            self._damaged("a block of records fails its checksum")
        self._verified.add(block)

    def _damaged(self, why: str) -> NoReturn:
        raise ServiceError(
            _(
                "breach index {path} is damaged ({why}); rebuild it with"
                " 'privaudit pwned-data build SOURCE OUTPUT'"
            ).format(path=self.path, why=why)
        )

    @property
    def exact(self) -> bool:
        return self.key_bytes == FULL_KEY

    def count(self, full_hash: str) -> int:
        raw = bytes.fromhex(full_hash)
        bucket = raw[0] << 8 | raw[1]
        lo, hi = self._fan[bucket], self._fan[bucket + 1]
        key = raw[2 : self.key_bytes]
        width, mm, rec = self.key_bytes - 2, self._mm, self.rec
        per_block, verified = self.per_block, self._verified
        while lo < hi:
            mid = (lo + hi) // 2
            if mid // per_block not in verified:
                self._check_block(mid // per_block)
            at = DATA_START + mid * rec
            probe = mm[at : at + width]
            if probe == key:
                count = int.from_bytes(mm[at + width : at + rec], "little")
                if count == 0:  # the builder never writes one
                    self._damaged("a record holds a zero count")
                return count
            if probe < key:
                lo = mid + 1
            else:
                hi = mid
        return 0

    def verify(self) -> None:
        """Recompute the checksum (reads the whole file); raise if it differs."""
        digest = hashlib.sha256()
        view = memoryview(self._mm)
        step = 1 << 24
        for at in range(DATA_START, len(view), step):
            digest.update(view[at : min(at + step, len(view))])
        digest.update(view[HEADER_SIZE:DATA_START])
        view.release()
        if digest.digest() != self.checksum:
            raise ServiceError(
                _(
                    "breach index {path} fails its checksum; rebuild it with"
                    " 'privaudit pwned-data build'"
                ).format(path=self.path)
            )

    def close(self) -> None:
        self._mm.close()
