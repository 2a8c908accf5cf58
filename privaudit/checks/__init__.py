"""The built-in checks. Each has a section in docs/checks.md (a test enforces it)."""

from __future__ import annotations

from privaudit.checks.mfa import MissingMfa, RecoveryCodes, WeakMfaMethod
from privaudit.checks.passwords import ReusedPassword, WeakPassword
from privaudit.checks.totp import TotpSeedQuality, TotpSeedReuse

BUILTIN_CHECKS = (
    WeakPassword,
    ReusedPassword,
    MissingMfa,
    WeakMfaMethod,
    RecoveryCodes,
    TotpSeedQuality,
    TotpSeedReuse,
)

__all__ = ["BUILTIN_CHECKS"]
