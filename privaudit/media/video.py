"""Per-frame PDQ of a video's sampled frames, vPDQ-style, when PyAV is installed.

One frame a second (at most MAX_FRAMES), and a frame within 10 bits of the one
kept before it is dropped, as vPDQ does, so a still scene costs one hash.
Without a decoder a video still gets its MD5 and SHA-256, which is what
StopNCII shares for videos.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Final

import numpy as np

from privaudit.media.model import FrameHash
from privaudit.media.pdq import distance, hash_luma

MAX_FRAMES: Final = 300
SAMPLE_SECONDS: Final = 1.0
SAME_SCENE_BITS: Final = 10


class VideoDecodeError(Exception):
    """The decoder could not read the file (the caller counts and names it)."""


def decoder_available() -> bool:
    try:
        import av  # noqa: F401, PLC0415
    except ImportError:
        return False
    return True


def frame_hashes(path: Path) -> Iterator[FrameHash]:
    import av  # noqa: PLC0415

    from privaudit.media.images import luma_from_rgb  # noqa: PLC0415

    try:
        container = av.open(str(path))
    except (av.FFmpegError, OSError, ValueError) as exc:
        raise VideoDecodeError(type(exc).__name__) from None
    with container:
        if not container.streams.video:
            raise VideoDecodeError("no video stream")
        next_at, kept, last = 0.0, 0, b""
        try:
            for frame in container.decode(video=0):
                seconds = float(frame.time or 0.0)
                if seconds + 1e-6 < next_at:
                    continue
                next_at = seconds + SAMPLE_SECONDS
                rgb = np.asarray(frame.to_ndarray(format="rgb24"), dtype=np.uint8)
                digest = hash_luma(luma_from_rgb(rgb))
                if last and distance(digest.bits, last) <= SAME_SCENE_BITS:
                    continue
                last = digest.bits
                yield FrameHash(round(seconds, 3), digest.hex, digest.quality)
                kept += 1
                if kept >= MAX_FRAMES:
                    return
        except (av.FFmpegError, ValueError) as exc:
            raise VideoDecodeError(type(exc).__name__) from None
