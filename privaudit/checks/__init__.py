"""The built-in checks. Each has a section in docs/checks.md (a test enforces it)."""

from __future__ import annotations

from privaudit.checks.breach import BreachedPassword
from privaudit.checks.mfa import MissingMfa
from privaudit.checks.passwords import ReusedPassword, WeakPassword

BUILTIN_CHECKS = (WeakPassword, ReusedPassword, BreachedPassword, MissingMfa)

__all__ = ["BUILTIN_CHECKS"]
