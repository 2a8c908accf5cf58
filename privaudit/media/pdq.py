"""PDQ, Meta's 256-bit perceptual hash, in numpy.

A port of ThreatExchange's reference hasher (pdq/cpp/hashing/pdqhashing.cpp):
luminance, two passes of a Jarosz box filter, decimation to 64×64, a 16×16
DCT of the lowest non-DC frequencies, one bit per coefficient above the
median. `pdqhash` (the C++ binding) ships no wheels, so a fresh machine would
need a compiler; this port needs only numpy and is proven against the
reference hashes in tests/media/test_pdq_reference.py.

The 8 dihedral variants (rotations and flips) come from the same DCT with sign
changes and transposes, so they cost about one hash.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

DCT_SIZE: Final = 64
HASH_SIDE: Final = 16

DIHEDRAL: Final = (
    "original",
    "rotate-90",
    "rotate-180",
    "rotate-270",
    "flip-x",
    "flip-y",
    "flip-plus-1",
    "flip-minus-1",
)


def _dct_matrix() -> FloatArray:
    i = np.arange(1, HASH_SIDE + 1, dtype=np.float64)[:, None]
    j = np.arange(DCT_SIZE, dtype=np.float64)[None, :]
    matrix: FloatArray = np.sqrt(2.0 / DCT_SIZE) * np.cos((np.pi / 2 / DCT_SIZE) * i * (2 * j + 1))
    return matrix


_DCT: Final = _dct_matrix()
_BIT_WEIGHTS: Final = (1 << np.arange(HASH_SIDE, dtype=np.uint32)).astype(np.uint32)


@dataclass(frozen=True, slots=True)
class PdqHash:
    """A 256-bit hash and the reference's quality score (0–100)."""

    bits: bytes  # 32 bytes, in the byte order of the reference's hex form
    quality: int

    @property
    def hex(self) -> str:
        return self.bits.hex()


def luminance(rgb: npt.NDArray[np.uint8]) -> FloatArray:
    """The reference's luma (Rec. 601 weights) of an H×W×3 uint8 array."""
    pixels = rgb.astype(np.float64)
    return pixels[..., 0] * 0.299 + pixels[..., 1] * 0.587 + pixels[..., 2] * 0.114


def _window_size(old: int, new: int) -> int:
    return (old + 2 * new - 1) // (2 * new)


def _box_bounds(n: int, window: int) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """The reference's box1DFloat: output k averages inputs lo[k]..hi[k]-1, that is
    from k - (window - half) to k + half - 1, clipped to the edges."""
    half = (window + 2) // 2
    k = np.arange(n)
    return np.clip(k - (window - half), 0, n), np.clip(k + half, 0, n)


@functools.lru_cache(maxsize=64)
def _sampler(n: int) -> FloatArray:
    """64×n: two box-filter passes along one axis, then the reference's decimation.

    The reference filters the whole image (rows, columns, twice) and keeps 64×64
    samples; the filters are linear and separable, so the same numbers come from
    the rows of B·B at the sample positions, applied as two matrix products.
    """
    lo, hi = _box_bounds(n, _window_size(n, DCT_SIZE))
    picks = (((np.arange(DCT_SIZE) + 0.5) * n) / DCT_SIZE).astype(np.intp)
    # Row k of the box matrix B is 1/(hi-lo) on [lo, hi); row p of B·B is the mean
    # of B's rows lo[p]..hi[p]-1, read off a running sum of those rows.
    cols = np.arange(n)[None, :]
    box = ((cols >= lo[:, None]) & (cols < hi[:, None])) / (hi - lo)[:, None]
    running = np.vstack([np.zeros((1, n)), np.cumsum(box, axis=0)])
    a, b = lo[picks], hi[picks]
    rows: FloatArray = (running[b] - running[a]) / (b - a)[:, None]
    return rows


def _buffer64(luma: FloatArray) -> FloatArray:
    rows, cols = luma.shape
    # A crop is a strided view; BLAS is several times faster on contiguous rows.
    buffer: FloatArray = (_sampler(rows) @ np.ascontiguousarray(luma)) @ _sampler(cols).T
    return buffer


def _quality(buffer64: FloatArray) -> int:
    # int() in C truncates toward zero: np.trunc, not floor.
    down = np.trunc((buffer64[:-1, :] - buffer64[1:, :]) * 100 / 255)
    across = np.trunc((buffer64[:, :-1] - buffer64[:, 1:]) * 100 / 255)
    gradient = int(np.abs(down).sum() + np.abs(across).sum())
    return min(gradient // 90, 100)


def _bits(dct16: FloatArray) -> bytes:
    median = np.median(dct16)
    bits = (dct16 > median).astype(np.uint32)  # row i is word i, column j its bit j
    words = (bits * _BIT_WEIGHTS).sum(axis=1).astype(">u2")
    return bytes(words[::-1].tobytes())  # the reference prints word 15 first


def dct16(luma: FloatArray) -> tuple[FloatArray, int]:
    """The 16×16 DCT block and the quality of a luminance array of any size ≥ 1×1."""
    buffer64 = _buffer64(luma)
    return _DCT @ buffer64 @ _DCT.T, _quality(buffer64)


def dihedral_blocks(block: FloatArray) -> list[FloatArray]:
    """The DCT blocks of the 8 rotations/flips, in DIHEDRAL order.

    Mirroring a 64-sample row negates its odd-index coefficients (frequency
    i + 1 even), a transpose swaps the axes; the reference does the same.
    """
    sign = np.where(np.arange(HASH_SIDE) % 2 == 0, -1.0, 1.0)  # frequency 1, 3, ... flip sign
    flip_cols = block * sign[None, :]  # mirror left-right
    flip_rows = block * sign[:, None]  # mirror top-bottom
    both = flip_cols * sign[:, None]
    return [
        block,
        flip_cols.T,  # rotate 90°: transpose of the left-right mirror
        both,
        flip_rows.T,
        flip_rows,  # flip-x in the reference: top-bottom mirror
        flip_cols,  # flip-y: left-right mirror
        block.T,  # transpose about the main diagonal
        both.T,  # about the other diagonal
    ]


def hash_luma(luma: FloatArray) -> PdqHash:
    block, quality = dct16(luma)
    return PdqHash(_bits(block), quality)


def hash_luma_dihedral(luma: FloatArray) -> list[PdqHash]:
    block, quality = dct16(luma)
    return [PdqHash(_bits(b), quality) for b in dihedral_blocks(block)]


def from_hex(text: str) -> bytes:
    raw = bytes.fromhex(text)
    if len(raw) != 32:
        raise ValueError("a PDQ hash is 64 hexadecimal digits")
    return raw


def distance(a: bytes, b: bytes) -> int:
    return (int.from_bytes(a, "big") ^ int.from_bytes(b, "big")).bit_count()
