"""privaudit: a privacy-hygiene auditor that keeps every secret on the user's machine."""

from __future__ import annotations

# The single source of the version (pyproject reads it from here): a literal,
# because importlib.metadata costs ~80 ms of start-up for every command.
__version__ = "0.1.0"

PROJECT_URL = "https://github.com/privaudit/privaudit"

__all__ = ["PROJECT_URL", "__version__"]
