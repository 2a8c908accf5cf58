"""The built-in checks. Each has a section in docs/checks.md (a test enforces it)."""

from __future__ import annotations

from privaudit.check import Check
from privaudit.checks.breach import BreachedPassword
from privaudit.checks.checklist import CHECKLIST_CHECKS
from privaudit.checks.emails import EmailInBreaches
from privaudit.checks.expired import ExpiredEntry
from privaudit.checks.exposure import SiteBreachedSincePassword
from privaudit.checks.mfa import MissingMfa, RecoveryCodes, WeakMfaMethod
from privaudit.checks.passwords import ReusedPassword, StalePasswordCopy, WeakPassword
from privaudit.checks.totp import TotpSeedQuality, TotpSeedReuse
from privaudit.checks.vault import InsecureLoginUrl, NearReusedPassword, TotpInSameVault

# Report order: passwords, reuse, breaches, 2FA, TOTP, web, then the privacy checklists.
BUILTIN_CHECKS: tuple[type[Check], ...] = (
    WeakPassword,
    ReusedPassword,
    StalePasswordCopy,
    NearReusedPassword,
    BreachedPassword,
    SiteBreachedSincePassword,
    EmailInBreaches,
    ExpiredEntry,
    MissingMfa,
    WeakMfaMethod,
    RecoveryCodes,
    TotpInSameVault,
    TotpSeedQuality,
    TotpSeedReuse,
    InsecureLoginUrl,
    *CHECKLIST_CHECKS,
)

__all__ = ["BUILTIN_CHECKS"]
