"""The scan, the built-in multi-index and faiss find exactly the same pairs."""

from __future__ import annotations

import numpy as np
import pytest

from privaudit.media import index


def _near_copies(rng: np.random.Generator, base: np.ndarray, flips: int) -> np.ndarray:
    out = base.copy()
    for row in out:
        for bit in rng.choice(256, size=flips, replace=False):
            row[bit // 8] ^= 1 << (bit % 8)
    return out


@pytest.fixture
def data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(14)
    stored = rng.integers(0, 256, size=(5000, 32), dtype=np.uint8)
    picks = stored[rng.choice(5000, size=40, replace=False)]
    queries = np.concatenate(
        [_near_copies(rng, picks[i::4], flips) for i, flips in enumerate((0, 15, 31, 32))]
        + [rng.integers(0, 256, size=(10, 32), dtype=np.uint8)]
    )
    return stored, queries


@pytest.mark.parametrize("radius", [0, 10, 15, 16, 31])
def test_multi_index_equals_scan(data: tuple[np.ndarray, np.ndarray], radius: int) -> None:
    stored, queries = data
    expected = sorted(index.ScanIndex(stored).search(queries, radius))
    assert expected  # the exact copies at least
    assert index.MultiIndex(stored).search(queries, radius) == expected


@pytest.mark.parametrize("radius", [15, 31])
def test_faiss_equals_scan(data: tuple[np.ndarray, np.ndarray], radius: int) -> None:
    pytest.importorskip("faiss", reason="faiss-cpu is an optional extra")
    stored, queries = data
    expected = sorted(index.ScanIndex(stored).search(queries, radius))
    assert index.FaissIndex(stored).search(queries, radius) == expected


def test_auto_chooses_by_size() -> None:
    small = np.zeros((10, 32), dtype=np.uint8)
    assert index.build(small).name == "scan"
    big = np.zeros((index.SCAN_LIMIT + 1, 32), dtype=np.uint8)
    assert index.build(big).name in ("faiss", "multi-index")
    assert index.build(big, backend="multi-index").name == "multi-index"
