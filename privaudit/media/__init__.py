"""The leak-response kit's media side: perceptual fingerprints of the user's own
images and videos, kept as hashes only, and matching of suspect copies.

Everything here runs offline; nothing keeps pixels, thumbnails or EXIF.
"""

from __future__ import annotations

from privaudit.errors import InputError

INSTALL_HINT = "pip install 'privaudit[media]'"


class MediaDependencyError(InputError):
    """The imaging libraries (numpy, Pillow) are not installed."""


def require_media() -> None:
    """One clear line, with the install command, when the [media] extra is missing."""
    try:
        import numpy  # noqa: F401, PLC0415
        import PIL  # noqa: F401, PLC0415
    except ImportError as exc:
        raise MediaDependencyError(
            f"media commands need the imaging libraries ({exc.name} is missing); "
            f"install them with: {INSTALL_HINT}"
        ) from None
