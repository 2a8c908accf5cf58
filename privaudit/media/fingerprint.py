"""`media fingerprint`: the hashes of one file, and nothing that could rebuild it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from privaudit.media.model import Fingerprint, FrameHash, Kind

__all__ = ["Fingerprint", "FrameHash", "Kind", "fingerprint_image", "fingerprint_video"]


def file_digests(path: Path) -> tuple[str, str, int]:
    """SHA-256, MD5 (what StopNCII takes for videos) and size, in one read."""
    sha, md5, size = hashlib.sha256(), hashlib.md5(usedforsecurity=False), 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            sha.update(chunk)
            md5.update(chunk)
            size += len(chunk)
    return sha.hexdigest(), md5.hexdigest(), size


VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".3gp", ".wmv"})


def kind_of(path: Path) -> Kind | None:
    suffix = path.suffix.lower()
    if suffix in VIDEO_SUFFIXES:
        return "video"
    from privaudit.media.images import IMAGE_SUFFIXES  # noqa: PLC0415

    return "image" if suffix in IMAGE_SUFFIXES else None


def fingerprint_image(path: Path, *, label: str, keep_name: bool, added: str) -> Fingerprint:
    """Raises images.NotAnImageError for a file Pillow cannot decode."""
    from privaudit.media.images import load_luma  # noqa: PLC0415
    from privaudit.media.variants import crop_variants, dihedral_variants  # noqa: PLC0415

    luma = load_luma(path)
    sha256, md5, size = file_digests(path)
    dihedral = dihedral_variants(luma)
    original = dihedral[0][1]
    return Fingerprint(
        id=sha256[:12],
        kind="image",
        label=label,
        size=size,
        sha256=sha256,
        md5=md5,
        pdq=original.hex,
        quality=original.quality,
        dihedral={name: h.hex for name, h in dihedral},
        crops={name: h.hex for name, h in crop_variants(luma)},
        name=path.name if keep_name else None,
        added=added,
    )


def fingerprint_video(
    path: Path, *, label: str, keep_name: bool, added: str, decode: bool
) -> Fingerprint:
    """MD5/SHA-256 always; per-frame PDQ of sampled frames when a decoder is installed."""
    sha256, md5, size = file_digests(path)
    frames: tuple[FrameHash, ...] = ()
    if decode:
        from privaudit.media.video import frame_hashes  # noqa: PLC0415

        frames = tuple(frame_hashes(path))
    return Fingerprint(
        id=sha256[:12],
        kind="video",
        label=label,
        size=size,
        sha256=sha256,
        md5=md5,
        frames=frames,
        name=path.name if keep_name else None,
        added=added,
    )
