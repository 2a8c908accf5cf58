"""Second-factor methods: their strength ranking and what each service category guards.

The ranking follows NIST SP 800-63B rev 4: phishing-resistant authenticators
(WebAuthn passkeys, security keys) are the strongest class; SMS and voice codes
are "restricted" authenticators (SIM swaps, number porting, interception).
docs/mfa.md shows the same table; a test keeps the two in step.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntEnum
from typing import Final

from privaudit.accounts import MfaMethod
from privaudit.model import Severity


class Strength(IntEnum):
    NONE = 0
    RESTRICTED = 1
    """SMS or voice codes: a SIM swap or number port hands them to an attacker."""
    EMAIL = 2
    """A code by email: only as safe as the mailbox, and phishable."""
    APP = 3
    """App codes, app push prompts, hardware OTP tokens: phishable, not SIM-swappable."""
    PHISHING_RESISTANT = 4
    """Passkeys and security keys (WebAuthn/FIDO2): bound to the real site, cannot be phished."""


STRENGTH: Final[dict[MfaMethod, Strength]] = {
    MfaMethod.PASSKEY: Strength.PHISHING_RESISTANT,
    MfaMethod.HARDWARE_KEY: Strength.PHISHING_RESISTANT,
    MfaMethod.TOTP: Strength.APP,
    MfaMethod.PUSH: Strength.APP,
    MfaMethod.CUSTOM_SOFTWARE: Strength.APP,
    MfaMethod.CUSTOM_HARDWARE: Strength.APP,
    MfaMethod.EMAIL: Strength.EMAIL,
    MfaMethod.SMS: Strength.RESTRICTED,
    MfaMethod.CALL: Strength.RESTRICTED,
    MfaMethod.NONE: Strength.NONE,
}

# 2fa.directory method names -> privaudit's. "u2f" there means any security key
# or WebAuthn credential.
DIRECTORY_METHODS: Final[dict[str, MfaMethod]] = {
    "sms": MfaMethod.SMS,
    "call": MfaMethod.CALL,
    "email": MfaMethod.EMAIL,
    "totp": MfaMethod.TOTP,
    "u2f": MfaMethod.HARDWARE_KEY,
    "custom-software": MfaMethod.CUSTOM_SOFTWARE,
    "custom-hardware": MfaMethod.CUSTOM_HARDWARE,
}

METHOD_NAMES: Final[dict[MfaMethod, str]] = {
    MfaMethod.PASSKEY: "a passkey",
    MfaMethod.HARDWARE_KEY: "a security key (or passkey)",
    MfaMethod.TOTP: "an authenticator app (TOTP codes)",
    MfaMethod.PUSH: "app push prompts",
    MfaMethod.CUSTOM_SOFTWARE: "the service's own app",
    MfaMethod.CUSTOM_HARDWARE: "the service's hardware token",
    MfaMethod.EMAIL: "codes by email",
    MfaMethod.SMS: "SMS codes",
    MfaMethod.CALL: "voice-call codes",
    MfaMethod.NONE: "no second factor",
}


# The one table of names a user may type for a method: `mfa set`, the profile's
# `mfa = [...]` and the declarations file all read it, and error messages list it.
METHOD_ALIASES: Final[dict[str, MfaMethod]] = {
    "webauthn": MfaMethod.PASSKEY,
    "passkeys": MfaMethod.PASSKEY,
    "u2f": MfaMethod.HARDWARE_KEY,
    "fido2": MfaMethod.HARDWARE_KEY,
    "security-key": MfaMethod.HARDWARE_KEY,
    "yubikey": MfaMethod.HARDWARE_KEY,
    "app": MfaMethod.TOTP,
    "authenticator": MfaMethod.TOTP,
    "otp": MfaMethod.TOTP,
    "text": MfaMethod.SMS,
    "voice": MfaMethod.CALL,
    "phone": MfaMethod.CALL,
}


def accepted_method_names() -> str:
    """The names `parse_methods` takes, for error messages and help."""
    aliases = ", ".join(f"{a} = {m.value}" for a, m in sorted(METHOD_ALIASES.items()))
    return f"{', '.join(m.value for m in MfaMethod)} (also {aliases})"


def parse_methods(names: Sequence[str]) -> frozenset[MfaMethod]:
    """Method names (or aliases) to methods; ValueError with a one-line reason."""
    known = {m.value: m for m in MfaMethod}
    methods: set[MfaMethod] = set()
    for name in names:
        key = str(name).strip().lower().replace("_", "-")
        method = known.get(key) or METHOD_ALIASES.get(key)
        if method is None:
            shown = "".join(c for c in str(name)[:40] if c.isprintable())
            raise ValueError(f"unknown 2FA method {shown!r}; use one of: {accepted_method_names()}")
        methods.add(method)
    if MfaMethod.NONE in methods and len(methods) > 1:
        raise ValueError("'none' cannot be combined with other 2FA methods")
    return frozenset(methods)


def strongest(methods: Iterable[MfaMethod]) -> Strength:
    return max((STRENGTH[m] for m in methods), default=Strength.NONE)


def best_methods(methods: Iterable[MfaMethod]) -> list[MfaMethod]:
    """The methods of the highest strength among `methods`, in a stable order."""
    items = list(methods)
    top = strongest(items)
    if top is Strength.NONE:
        return []
    return sorted((m for m in set(items) if STRENGTH[m] is top), key=list(STRENGTH).index)


# What an account guards decides how bad a missing second factor is. Email and
# identity providers reset every other password: they are the recovery root.
CATEGORY_SEVERITY: Final[dict[str, Severity]] = {
    "email": Severity.CRITICAL,
    "identity": Severity.CRITICAL,
    "password-manager": Severity.CRITICAL,
    "banking": Severity.HIGH,
    "finance": Severity.HIGH,
    "payments": Severity.HIGH,
    "investing": Severity.HIGH,
    "cryptocurrencies": Severity.HIGH,
    "crowdfunding": Severity.HIGH,
    "backup": Severity.HIGH,
    "cloud": Severity.HIGH,
    "social": Severity.HIGH,
    "creativity": Severity.HIGH,
    "creator": Severity.HIGH,
    "communication": Severity.HIGH,
    "domains": Severity.HIGH,
    "hosting": Severity.HIGH,
    "developer": Severity.HIGH,
}
DEFAULT_SEVERITY: Final = Severity.MEDIUM
"""Any other service that offers 2FA (shopping, games, streaming...)."""


def severity_for(categories: Iterable[str]) -> Severity:
    found = [CATEGORY_SEVERITY.get(c.strip().lower(), DEFAULT_SEVERITY) for c in categories]
    return max(found, default=DEFAULT_SEVERITY)
