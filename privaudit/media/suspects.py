"""Checking suspect files against the hash list, one verdict per file."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from privaudit.media.fingerprint import Kind, file_digests
from privaudit.media.match import Match, Matcher, image_queries
from privaudit.media.model import MIN_QUALITY
from privaudit.media.pdq import hash_luma_dihedral

Outcome = Literal["matched", "no-match", "too-flat", "unreadable", "not-media", "undecoded"]


@dataclass(frozen=True, slots=True)
class Verdict:
    path: str
    outcome: Outcome
    match: Match | None = None

    def to_json(self) -> dict[str, Any]:
        m = self.match
        return {
            "path": self.path,
            "matched": m is not None,
            "distance": m.distance if m else None,
            "label": m.entry.label if m else None,
            "fingerprint": m.entry.id if m else None,
            "variant": m.variant if m else None,
            "confidence": m.confidence if m else None,
            "outcome": self.outcome,
        }


def check_file(path: Path, kind: Kind, matcher: Matcher, *, decode_video: bool) -> Verdict:
    from privaudit.media.images import NotAnImageError, load_luma  # noqa: PLC0415
    from privaudit.media.video import VideoDecodeError  # noqa: PLC0415

    name = str(path)
    try:
        sha256, md5, _ = file_digests(path)
        exact = matcher.exact(sha256, md5)
        if exact:
            return Verdict(name, "matched", exact)
        if kind == "video":
            return _check_video(path, matcher, decode_video)
        hashes = hash_luma_dihedral(load_luma(path))
    except (NotAnImageError, VideoDecodeError, OSError):
        return Verdict(name, "unreadable")
    if hashes[0].quality < MIN_QUALITY:
        return Verdict(name, "too-flat")
    found = matcher.best(image_queries([h.bits for h in hashes]))
    return Verdict(name, "matched" if found else "no-match", found)


def _check_video(path: Path, matcher: Matcher, decode_video: bool) -> Verdict:
    if not decode_video:
        return Verdict(str(path), "undecoded")
    from privaudit.media.pdq import from_hex  # noqa: PLC0415
    from privaudit.media.video import frame_hashes  # noqa: PLC0415

    best: Match | None = None
    for frame in frame_hashes(path):
        if frame.quality < MIN_QUALITY:
            continue
        found = matcher.best([("original", from_hex(frame.pdq))])
        if found and (best is None or found.distance < best.distance):
            best = found
    return Verdict(str(path), "matched" if best else "no-match", best)


def check_all(
    files: Sequence[tuple[Path, Kind]],
    matcher: Matcher,
    *,
    decode_video: bool,
    progress: Callable[[int], None] | None = None,
) -> list[Verdict]:
    verdicts: list[Verdict] = []
    for done, (path, kind) in enumerate(files, 1):
        verdicts.append(check_file(path, kind, matcher, decode_video=decode_video))
        if progress:
            progress(done)
    return verdicts
