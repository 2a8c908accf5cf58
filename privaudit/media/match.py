"""`media match`: which stored fingerprint, if any, a suspect file is a copy of.

The suspect's PDQ and its 8 rotations/flips are compared with every stored
hash (original, crops, video frames); the closest within the threshold wins.
An identical file (same SHA-256 or MD5) matches at distance 0 without
decoding. Nothing of the suspect is kept or shown: only its path, as given.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from privaudit.media import index as hash_index
from privaudit.media.fingerprint import Fingerprint
from privaudit.media.model import MATCH_THRESHOLD, MIN_QUALITY
from privaudit.media.pdq import DIHEDRAL, from_hex

STRONG: Final = 15


@dataclass(frozen=True, slots=True)
class StoredRow:
    entry: int  # position in the hash list
    variant: str


@dataclass(frozen=True, slots=True)
class Match:
    entry: Fingerprint
    distance: int
    variant: str  # which stored hash, and how the suspect was turned to meet it

    @property
    def confidence(self) -> str:
        return confidence(self.distance, identical=self.variant == IDENTICAL)


IDENTICAL: Final = "identical file"


def confidence(distance: int, *, identical: bool = False) -> str:
    """Plain words: 'identical' (same bytes), 'strong' (≤ 15 bits), 'likely' (up to the bar)."""
    if identical:
        return "identical"
    return "strong" if distance <= STRONG else "likely"


class Matcher:
    def __init__(
        self,
        entries: Sequence[Fingerprint],
        *,
        threshold: int = MATCH_THRESHOLD,
        backend: str = "auto",
    ) -> None:
        self.entries = list(entries)
        self.threshold = threshold
        self._by_digest = {e.sha256: e for e in entries} | {e.md5: e for e in entries}
        rows: list[bytes] = []
        self._rows: list[StoredRow] = []
        for i, entry in enumerate(entries):
            for variant, hex_hash in _stored_hashes(entry):
                rows.append(from_hex(hex_hash))
                self._rows.append(StoredRow(i, variant))
        matrix = np.frombuffer(b"".join(rows), dtype=np.uint8).reshape(-1, 32)
        self.index = hash_index.build(matrix, backend=backend)

    @property
    def stored_hashes(self) -> int:
        return len(self._rows)

    def exact(self, sha256: str, md5: str) -> Match | None:
        entry = self._by_digest.get(sha256) or self._by_digest.get(md5)
        return Match(entry, 0, IDENTICAL) if entry else None

    def best(self, query_hashes: Sequence[tuple[str, bytes]]) -> Match | None:
        """The closest stored hash to any of (orientation, hash) within the threshold."""
        if not query_hashes or not self._rows:
            return None
        queries = np.frombuffer(b"".join(h for _, h in query_hashes), dtype=np.uint8)
        hits = self.index.search(queries.reshape(-1, 32), self.threshold)
        if not hits:
            return None
        qi, si, dist = min(hits, key=lambda hit: (hit[2], hit[0], hit[1]))
        row = self._rows[si]
        turned = query_hashes[qi][0]
        variant = row.variant
        if turned != "original":
            variant += f" (suspect turned {turned})"
        return Match(self.entries[row.entry], dist, variant)


def _stored_hashes(entry: Fingerprint) -> list[tuple[str, str]]:
    # Orientation-0 hashes only: the suspect brings its own 8 orientations.
    if entry.kind == "video":
        return [
            (f"frame at {f.seconds:g}s", f.pdq) for f in entry.frames if f.quality >= MIN_QUALITY
        ]
    if entry.pdq is None or (entry.quality or 0) < MIN_QUALITY:
        return []
    return [("original", entry.pdq), *entry.crops.items()]


def image_queries(luma_hashes: Sequence[bytes]) -> list[tuple[str, bytes]]:
    return list(zip(DIHEDRAL, luma_hashes, strict=True))
