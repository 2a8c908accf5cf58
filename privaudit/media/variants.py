"""The hashes stored for one picture: PDQ, its 8 rotations/flips, and crops.

PDQ is not crop-robust: a 5% centre crop moves about 45 of 256 bits. So the
hash list also keeps PDQ of the picture with 2.5, 5, 7.5 and 10% taken off
around the centre, off one side, or off two adjacent sides (a corner): 36
crops, all from the same 512-pixel luminance, so no second decode. Measured
on the bridge photo and generated images (bench/media.py), crops of up to 10%
of those shapes land within 31 bits of one of them; docs/leak-response.md
says what is not covered (uneven crops off several sides, crops with zoom).
These crop hashes stay on the user's machine: they are only for `media
match`, never exported to a hash-sharing service.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from privaudit.media.pdq import DIHEDRAL, FloatArray, PdqHash, hash_luma, hash_luma_dihedral

CROP_FRACTIONS: Final = (0.025, 0.05, 0.075, 0.10)
CROP_SIDES: Final = (
    "centre", "left", "top", "right", "bottom",
    "top-left", "top-right", "bottom-left", "bottom-right",
)  # fmt: skip


def _crop(luma: FloatArray, side: str, fraction: float) -> FloatArray:
    rows, cols = luma.shape
    dy, dx = round(rows * fraction), round(cols * fraction)
    if side == "centre":
        half_y, half_x = round(rows * fraction / 2), round(cols * fraction / 2)
        return luma[half_y : rows - half_y, half_x : cols - half_x]
    edges = side.split("-")
    top = dy if "top" in edges else 0
    bottom = rows - (dy if "bottom" in edges else 0)
    left = dx if "left" in edges else 0
    right = cols - (dx if "right" in edges else 0)
    return luma[top:bottom, left:right]


def crop_variants(luma: FloatArray) -> Iterator[tuple[str, PdqHash]]:
    """(name, hash) of every stored crop, e.g. ("crop-left-5%", ...)."""
    for fraction in CROP_FRACTIONS:
        for side in CROP_SIDES:
            name = f"crop-{side}-{fraction * 100:g}%"
            yield name, hash_luma(_crop(luma, side, fraction))


def dihedral_variants(luma: FloatArray) -> list[tuple[str, PdqHash]]:
    return list(zip(DIHEDRAL, hash_luma_dihedral(luma), strict=True))


__all__ = ["CROP_FRACTIONS", "crop_variants", "dihedral_variants", "hash_luma"]
