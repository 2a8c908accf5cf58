"""The leak-response kit's media side: perceptual fingerprints of the user's own
images and videos, kept as hashes only, and matching of suspect copies.

Everything here runs offline; nothing keeps pixels, thumbnails or EXIF.
"""

from __future__ import annotations

import os
import sys

from privaudit.errors import InputError
from privaudit.i18n import _

if "numpy" not in sys.modules:
    # PDQ's matrix products are small (64×512): BLAS threads only add overhead,
    # and on a busy machine they made each hash 40 times slower (bench/media.py).
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, "1")

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
            _(
                "media commands need the imaging libraries ({name} is missing);"
                " install them with: {install_hint}"
            ).format(name=exc.name, install_hint=INSTALL_HINT)
        ) from None
