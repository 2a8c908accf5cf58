"""privaudit's compact breach index: fixed-width binary records sorted by hash.

Layout (all integers little-endian):
  header   64 bytes: MAGIC, format version (u16), key bytes per hash (u8: 20 =
           exact, fewer = truncated), count bytes (u8: 4), record count (u64),
           SHA-256 of records || fan-out (32 bytes), zero padding
  fan-out  65,537 u64: fan[i] = number of records whose first two hash bytes
           are < i, so fan[i]..fan[i+1] are the records starting with bytes i
  records  (key_bytes - 2) bytes of hash after the first two, then a u32 count

Full keys take 22 bytes a record against ~45 for a text line. A truncated key
of k bytes over n records wrongly reports a clean password as breached with
probability at most n / 2**(8k) per lookup (k = 8, n = 10**9: under 6e-11);
it can never report a breached one as clean.
"""

from __future__ import annotations

import hashlib
import mmap
import struct
from pathlib import Path

from privaudit.errors import InputError, ServiceError

MAGIC = b"PAPWIDX\x00"
VERSION = 1
FANOUT = 1 << 16
HEADER = struct.Struct("<8sHBBQ32s")
HEADER_SIZE = 64
FANOUT_SIZE = (FANOUT + 1) * 8
DATA_START = HEADER_SIZE + FANOUT_SIZE
COUNT_BYTES = 4
MAX_COUNT = (1 << 32) - 1
FULL_KEY = 20
MIN_KEY = 6


def record_size(key_bytes: int) -> int:
    return key_bytes - 2 + COUNT_BYTES


class CompactIndex:
    """Read-only view of an index file; lookups are a fan-out read and a binary search."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.description = f"compact index {path.name}"
        try:
            with path.open("rb") as fh:
                self._mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            raise InputError(f"cannot read breach index {path}") from None
        size = len(self._mm)
        if size < DATA_START:
            self._corrupt("shorter than its header")
        magic, version, key_bytes, count_bytes, records, checksum = HEADER.unpack_from(self._mm)
        if magic != MAGIC:
            self._corrupt("not a privaudit breach index")
        if version != VERSION:
            raise InputError(
                f"breach index {path} has format {version}; this privaudit reads format"
                f" {VERSION}: rebuild it with 'privaudit pwned-data build'"
            )
        if not MIN_KEY <= key_bytes <= FULL_KEY or count_bytes != COUNT_BYTES:
            self._corrupt("impossible header values")
        self.key_bytes: int = int(key_bytes)
        self.records: int = int(records)
        self.checksum: bytes = bytes(checksum)
        self.rec = record_size(key_bytes)
        if size != DATA_START + records * self.rec:
            self._corrupt("its size does not match its header (truncated?)")
        self._fan = struct.unpack_from(f"<{FANOUT + 1}Q", self._mm, HEADER_SIZE)
        if self._fan[0] != 0 or self._fan[-1] != records:
            self._corrupt("its fan-out table is inconsistent")
        if any(a > b for a, b in zip(self._fan, self._fan[1:], strict=False)):
            self._corrupt("its fan-out table is not ascending")

    def _corrupt(self, why: str) -> None:
        raise InputError(
            f"breach index {self.path} is corrupt ({why}); rebuild it with"
            " 'privaudit pwned-data build SOURCE OUTPUT'"
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
        while lo < hi:
            mid = (lo + hi) // 2
            at = DATA_START + mid * rec
            probe = mm[at : at + width]
            if probe == key:
                return int.from_bytes(mm[at + width : at + rec], "little")
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
                f"breach index {self.path} fails its checksum; rebuild it with"
                " 'privaudit pwned-data build'"
            )

    def close(self) -> None:
        self._mm.close()
