"""Decoding images into the luminance array PDQ hashes, and nothing more.

Pixels live only in memory for the time of one hash: no thumbnail, no EXIF and
no file name is kept. Like ThreatExchange's reference tool, an image is first
reduced to fit in 512×512 (PIL's `thumbnail`, which also lets JPEG decode at a
smaller scale), so a 12-megapixel photo costs about what a small one does.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from privaudit.media.pdq import FloatArray, luminance

REFERENCE_SIDE: Final = 512
IMAGE_SUFFIXES: Final = frozenset(
    {".jpg", ".jpeg", ".jpe", ".png", ".webp", ".heic", ".heif", ".gif", ".bmp", ".tif", ".tiff"}
)
_heif_ready = False


class NotAnImageError(Exception):
    """The file is not an image Pillow can decode (the caller counts and names it)."""


def heif_supported() -> bool:
    """Register pillow-heif's HEIC/HEIF opener when it is installed."""
    global _heif_ready  # noqa: PLW0603  # registering an opener is process-wide in Pillow
    if not _heif_ready:
        try:
            from pillow_heif import register_heif_opener  # noqa: PLC0415
        except ImportError:
            return False
        register_heif_opener()
        _heif_ready = True
    return True


def load_luma(path: Path) -> FloatArray:
    """The displayed image (EXIF orientation applied), fitted in 512×512, as luminance."""
    heif_supported()
    try:
        with warnings.catch_warnings():
            # A huge image is refused below, not warned about (tests turn warnings into errors).
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as opened:
                opened.draft("RGB", (REFERENCE_SIDE, REFERENCE_SIDE))
                image = ImageOps.exif_transpose(opened)
                image = image.convert("RGB")
    except (UnidentifiedImageError, Image.DecompressionBombError, SyntaxError, ValueError) as exc:
        raise NotAnImageError(type(exc).__name__) from None
    except OSError as exc:  # truncated or corrupt data
        raise NotAnImageError(type(exc).__name__) from None
    image.thumbnail((REFERENCE_SIDE, REFERENCE_SIDE))
    return luminance(np.asarray(image))


def luma_from_rgb(rgb: npt.NDArray[np.uint8]) -> FloatArray:
    """For video frames: the same reduction as images, from an H×W×3 array."""
    image = Image.fromarray(rgb)
    image.thumbnail((REFERENCE_SIDE, REFERENCE_SIDE))
    return luminance(np.asarray(image.convert("RGB")))
