"""privaudit: a privacy-hygiene auditor that keeps every secret on the user's machine."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("privaudit")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+unknown"

PROJECT_URL = "https://github.com/privaudit/privaudit"

__all__ = ["PROJECT_URL", "__version__"]
