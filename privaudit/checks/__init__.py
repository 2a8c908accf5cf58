"""The built-in checks. Each has a section in docs/checks.md (a test enforces it)."""

from __future__ import annotations

from privaudit.check import Check
from privaudit.checks.checklist import CHECKLIST_CHECKS
from privaudit.checks.mfa import MissingMfa
from privaudit.checks.passwords import ReusedPassword, WeakPassword

BUILTIN_CHECKS: tuple[type[Check], ...] = (
    WeakPassword,
    ReusedPassword,
    MissingMfa,
    *CHECKLIST_CHECKS,
)

__all__ = ["BUILTIN_CHECKS"]
