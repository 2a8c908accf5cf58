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

from dataclasses import dataclass
from typing import Final

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

DCT_SIZE: Final = 64
HASH_SIDE: Final = 16
MATCH_THRESHOLD: Final = 31
"""The reference's own bar: two hashes within 31 bits are the same picture."""
MIN_QUALITY: Final = 50
"""Below this the reference discards a hash (flat or featureless images)."""

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


def _box_filter(values: FloatArray, window: int, axis: int) -> FloatArray:
    """The reference's box1DFloat along `axis`: output k averages the inputs
    from k - (window - half) to k + half - 1, clipped to the edges."""
    half = (window + 2) // 2
    left, right = window - half, half - 1
    n = values.shape[axis]
    moved = np.moveaxis(values, axis, -1)
    padded = np.concatenate([np.zeros((*moved.shape[:-1], 1)), np.cumsum(moved, axis=-1)], -1)
    k = np.arange(n)
    lo = np.clip(k - left, 0, n)
    hi = np.clip(k + right + 1, 0, n)
    sums = padded[..., hi] - padded[..., lo]
    return np.moveaxis(sums / (hi - lo), -1, axis)


def _jarosz(luma: FloatArray) -> FloatArray:
    rows, cols = luma.shape
    win_rows = _window_size(rows, DCT_SIZE)
    win_cols = _window_size(cols, DCT_SIZE)
    out = luma
    for _ in range(2):  # PDQ_NUM_JAROSZ_XY_PASSES
        out = _box_filter(out, win_cols, axis=1)
        out = _box_filter(out, win_rows, axis=0)
    return out


def _decimate(buffer: FloatArray) -> FloatArray:
    rows, cols = buffer.shape
    ri = (((np.arange(DCT_SIZE) + 0.5) * rows) / DCT_SIZE).astype(np.intp)
    ci = (((np.arange(DCT_SIZE) + 0.5) * cols) / DCT_SIZE).astype(np.intp)
    return buffer[np.ix_(ri, ci)]


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
    buffer64 = _decimate(_jarosz(luma))
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
