"""The built-in checks. Each has a section in docs/checks.md (a test enforces it)."""

from __future__ import annotations

from privaudit.checks.mfa import MissingMfa
from privaudit.checks.passwords import ReusedPassword, WeakPassword
from privaudit.checks.vault import InsecureLoginUrl, NearReusedPassword, TotpInSameVault

BUILTIN_CHECKS = (
    WeakPassword,
    ReusedPassword,
    MissingMfa,
    InsecureLoginUrl,
    NearReusedPassword,
    TotpInSameVault,
)

__all__ = ["BUILTIN_CHECKS"]
