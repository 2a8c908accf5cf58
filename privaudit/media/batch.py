"""Walking the paths a user gives and sorting them: media, unreadable, not media.

Shared by `media fingerprint` and `media match`, so both count and name the
files they could not use in the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from privaudit.media.fingerprint import Fingerprint, Kind, kind_of


@dataclass
class Skipped:
    unreadable: list[str] = field(default_factory=list)
    not_media: list[str] = field(default_factory=list)


def expand(paths: Sequence[Path]) -> tuple[list[tuple[Path, Kind]], Skipped]:
    """Files under the given paths (folders walked, sorted), split by kind."""
    skipped = Skipped()
    found: list[tuple[Path, Kind]] = []
    for path in paths:
        for file in _walk(path, skipped):
            kind = kind_of(file)
            if kind is None:
                skipped.not_media.append(str(file))
            else:
                found.append((file, kind))
    return found, skipped


def _walk(path: Path, skipped: Skipped) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not child.name.startswith("."):
                yield child
    elif path.is_file():
        yield path
    else:
        skipped.unreadable.append(str(path))


def fingerprint_all(
    files: Sequence[tuple[Path, Kind]],
    *,
    label: str,
    keep_names: bool,
    added: str,
    decode_video: bool,
    skipped: Skipped,
    progress: Callable[[int], None] | None = None,
) -> list[Fingerprint]:
    from privaudit.media.fingerprint import fingerprint_image, fingerprint_video  # noqa: PLC0415
    from privaudit.media.images import NotAnImageError  # noqa: PLC0415
    from privaudit.media.video import VideoDecodeError  # noqa: PLC0415

    out: list[Fingerprint] = []
    for done, (path, kind) in enumerate(files, 1):
        try:
            if kind == "image":
                out.append(fingerprint_image(path, label=label, keep_name=keep_names, added=added))
            else:
                out.append(
                    fingerprint_video(
                        path, label=label, keep_name=keep_names, added=added, decode=decode_video
                    )
                )
        except (NotAnImageError, VideoDecodeError, OSError):
            skipped.unreadable.append(str(path))
        if progress:
            progress(done)
    return out
