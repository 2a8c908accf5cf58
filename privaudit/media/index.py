"""Finding every stored hash within a radius of a query, at any size.

Up to SCAN_LIMIT stored hashes a numpy XOR + popcount over all of them is
fastest (no build step). Above, a multi-index (ThreatExchange's layout: the
256 bits as 16 chunks of 16 bits) narrows the candidates, which are then
checked exactly: 31 differing bits spread over 16 chunks leave at least one
chunk with at most one, so probing each chunk's value and its 16 one-bit
neighbours misses nothing. With faiss-cpu installed its IndexBinaryMultiHash is used
instead. Every backend returns the same pairs (tests/media/test_index.py).
"""

from __future__ import annotations

from typing import Final, Protocol

import numpy as np
import numpy.typing as npt

SCAN_LIMIT: Final = 100_000
Rows = npt.NDArray[np.uint8]  # N × 32
_POPCOUNT: Final = np.array([bin(i).count("1") for i in range(256)], dtype=np.uint8)


class Index(Protocol):
    name: str

    def search(self, queries: Rows, radius: int) -> list[tuple[int, int, int]]:
        """(query row, stored row, distance) for every pair within `radius`."""
        ...


def distances(stored: Rows, query: npt.NDArray[np.uint8]) -> npt.NDArray[np.int64]:
    """Hamming distance of every stored row to `query`."""
    if hasattr(np, "bitwise_count"):  # numpy >= 2: popcount on 4 words a row, not 32 bytes
        xor64 = np.bitwise_xor(stored.view(np.uint64), query.view(np.uint64)[None, :])
        words: npt.NDArray[np.int64] = np.bitwise_count(xor64).sum(axis=1, dtype=np.int64)
        return words
    xor = np.bitwise_xor(stored, query[None, :])
    total: npt.NDArray[np.int64] = _POPCOUNT[xor].sum(axis=1, dtype=np.int64)
    return total


class ScanIndex:
    name = "scan"

    def __init__(self, stored: Rows) -> None:
        self._stored = np.ascontiguousarray(stored)

    def search(self, queries: Rows, radius: int) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        for qi, query in enumerate(queries):
            d = distances(self._stored, query)
            hits = np.flatnonzero(d <= radius)
            out += [(qi, int(s), int(d[s])) for s in hits]
        return out


class MultiIndex:
    """16 tables keyed by a 16-bit chunk; probes each chunk and its 1-bit neighbours."""

    name = "multi-index"

    def __init__(self, stored: Rows) -> None:
        self._stored = np.ascontiguousarray(stored)
        chunks = self._stored.view(">u2").astype(np.int64)  # N × 16
        self._order = [np.argsort(chunks[:, c], kind="stable") for c in range(16)]
        self._sorted = [chunks[order, c] for c, order in enumerate(self._order)]

    def _candidates(self, query: npt.NDArray[np.uint8], flips: int) -> npt.NDArray[np.intp]:
        keys = query.view(">u2").astype(np.int64)
        found: list[npt.NDArray[np.intp]] = []
        neighbours = [0] if flips == 0 else [0, *(1 << b for b in range(16))]
        for c in range(16):
            probe = np.array([keys[c] ^ n for n in neighbours], dtype=np.int64)
            lo = np.searchsorted(self._sorted[c], probe, side="left")
            hi = np.searchsorted(self._sorted[c], probe, side="right")
            found += [self._order[c][a:b] for a, b in zip(lo, hi, strict=True) if b > a]
        if not found:
            return np.empty(0, dtype=np.intp)
        return np.unique(np.concatenate(found))

    def search(self, queries: Rows, radius: int) -> list[tuple[int, int, int]]:
        if radius > 31:
            return ScanIndex(self._stored).search(queries, radius)
        flips = radius // 16
        out: list[tuple[int, int, int]] = []
        for qi, query in enumerate(queries):
            cand = self._candidates(query, flips)
            if cand.size == 0:
                continue
            d = distances(self._stored[cand], query)
            keep = d <= radius
            out += [(qi, int(s), int(dd)) for s, dd in zip(cand[keep], d[keep], strict=True)]
        return sorted(out)


class FaissIndex:
    name = "faiss"

    def __init__(self, stored: Rows) -> None:
        import faiss  # noqa: PLC0415

        self._index = faiss.IndexBinaryMultiHash(256, 16, 16)
        self._index.add(np.ascontiguousarray(stored))

    def search(self, queries: Rows, radius: int) -> list[tuple[int, int, int]]:
        self._index.nflip = radius // 16
        lims, dist, ids = self._index.range_search(np.ascontiguousarray(queries), radius + 1)
        out: list[tuple[int, int, int]] = []
        for qi in range(len(queries)):
            for k in range(int(lims[qi]), int(lims[qi + 1])):
                out.append((qi, int(ids[k]), int(dist[k])))
        return sorted(out)


def faiss_available() -> bool:
    try:
        import faiss  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def build(stored: Rows, *, backend: str = "auto") -> Index:
    """`auto`: a scan up to SCAN_LIMIT rows, then faiss if installed, else the multi-index."""
    if backend == "auto":
        if len(stored) <= SCAN_LIMIT:
            backend = "scan"
        else:
            backend = "faiss" if faiss_available() else "multi-index"
    if backend == "scan":
        return ScanIndex(stored)
    if backend == "multi-index":
        return MultiIndex(stored)
    if backend == "faiss":
        return FaissIndex(stored)
    raise ValueError(f"unknown index backend {backend!r}")
