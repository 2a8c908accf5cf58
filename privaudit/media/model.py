"""What the hash list holds for one file (store.py writes it as JSON)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal

MATCH_THRESHOLD: Final = 31
"""PDQ's reference bar: two hashes within 31 bits are the same picture."""
MIN_QUALITY: Final = 50
"""Below this the reference discards a hash (flat or featureless images)."""

Kind = Literal["image", "video"]


@dataclass(frozen=True, slots=True)
class FrameHash:
    seconds: float
    pdq: str
    quality: int


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """One file's hashes: the shape of an entry in the hash list (store.py)."""

    id: str
    kind: Kind
    label: str
    size: int
    sha256: str
    md5: str
    pdq: str | None = None
    quality: int | None = None
    dihedral: dict[str, str] = field(default_factory=dict)
    crops: dict[str, str] = field(default_factory=dict)
    frames: tuple[FrameHash, ...] = ()
    name: str | None = None  # the file's name, only with --keep-names
    added: str = ""

    @property
    def usable(self) -> bool:
        """Whether a perceptual hash exists that the reference would not discard."""
        if self.kind == "video":
            return any(f.quality >= MIN_QUALITY for f in self.frames)
        return self.quality is not None and self.quality >= MIN_QUALITY
