"""The built-in checks. Each has a section in docs/checks.md (a test enforces it)."""

from __future__ import annotations

from privaudit.checks.mfa import MissingMfa, RecoveryCodes, WeakMfaMethod
from privaudit.checks.passwords import ReusedPassword, WeakPassword
from privaudit.checks.totp import TotpSeedQuality, TotpSeedReuse
from privaudit.checks.vault import InsecureLoginUrl, NearReusedPassword, TotpInSameVault

# Report order: passwords, reuse, 2FA, TOTP, web.
BUILTIN_CHECKS = (
    WeakPassword,
    ReusedPassword,
    NearReusedPassword,
    MissingMfa,
    WeakMfaMethod,
    RecoveryCodes,
    TotpInSameVault,
    TotpSeedQuality,
    TotpSeedReuse,
    InsecureLoginUrl,
)

__all__ = ["BUILTIN_CHECKS"]
