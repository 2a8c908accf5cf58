"""The words of the 2FA checks (MFA101-103): method names, hints and fixes.

`privaudit.tfa.methods.METHOD_NAMES` stays the English reference (`mfa`
commands and details use it); here each method has its marked text, so a
Spanish report names it in Spanish. Details keep English values (`how`).
"""

from __future__ import annotations

import re
from typing import Final

from privaudit.accounts import Account, MfaMethod
from privaudit.checks.lang import N_, _
from privaudit.exposure.passkeys import PasskeySupport
from privaudit.model import Severity

METHOD_TEXT: Final[dict[MfaMethod, str]] = {
    MfaMethod.PASSKEY: N_("a passkey"),
    MfaMethod.HARDWARE_KEY: N_("a security key (or passkey)"),
    MfaMethod.TOTP: N_("an authenticator app (TOTP codes)"),
    MfaMethod.PUSH: N_("app push prompts"),
    MfaMethod.CUSTOM_SOFTWARE: N_("the service's own app"),
    MfaMethod.CUSTOM_HARDWARE: N_("the service's hardware token"),
    MfaMethod.EMAIL: N_("codes by email"),
    MfaMethod.SMS: N_("SMS codes"),
    MfaMethod.CALL: N_("voice-call codes"),
    MfaMethod.NONE: N_("no second factor"),
}


def or_list(texts: list[str]) -> str:
    return _(" or ").join(texts)


def names(methods: list[MfaMethod]) -> str:
    if MfaMethod.PASSKEY in methods:  # "a security key (or passkey)" would say it twice
        return or_list(
            [
                _("a security key") if m is MfaMethod.HARDWARE_KEY else _(METHOD_TEXT[m])
                for m in methods
            ]
        )
    return or_list([_(METHOD_TEXT[m]) for m in methods])


def ways(passkeys: PasskeySupport) -> str:
    """`PasskeySupport.how` in the current language."""
    found = []
    if passkeys.passwordless:
        found.append(_("to sign in without a password"))
    if passkeys.mfa:
        found.append(_("as a second factor"))
    return or_list(found)


def passkey_fix(account: Account, passkeys: PasskeySupport) -> str:
    lines = [
        _(
            "Create a passkey for {service} (it offers them {how}): it cannot be phished,"
            " and nothing reusable is left for a breach to leak."
        ).format(service=passkeys.name, how=ways(passkeys))
    ]
    if passkeys.documentation:
        lines.append(_("How: {link}").format(link=passkeys.documentation))
    lines.append(
        _("Already have one? Declare it: {command}").format(
            command=f"privaudit mfa set '{account.label}' passkey"
        )
    )
    return "\n".join(lines)


def set_hint(account: Account) -> str:
    return _("{command} (or sms, hardware-key, passkey, none)").format(
        command=f"privaudit mfa set '{account.label}' totp"
    )


def not_known(account: Account) -> str:
    """What privaudit looked up, so the user can tell a gap in the data from a typo."""
    if account.domains:
        return _("{domain} is not a known service in the 2FA data").format(
            domain=account.domains[0]
        )
    if account.apps:
        return _("the app {app} is not a known service in the 2FA data").format(app=account.apps[0])
    return _("not a known service in the 2FA data")


def guards(severity: Severity) -> str:
    """What a takeover of a service of this severity costs."""
    if severity is Severity.CRITICAL:
        return _("it can reset the passwords of your other accounts")
    if severity is Severity.HIGH:
        return _("it holds money, files or your public identity")
    return _("a takeover costs you the account and what it stores")


_EVIDENCE: Final = (
    (re.compile(r"TOTP seed in (?P<sources>.+)"), N_("TOTP seed in {sources}")),
    (re.compile(r"declared: none"), N_("declared: none")),
    (re.compile(r"declared: (?P<methods>.+)"), N_("declared: {methods}")),
    (re.compile(r"checklist (?P<id>\S+) (?P<item>\S+): yes"), N_("checklist {id} {item}: yes")),
    (re.compile(r"checklist (?P<id>\S+) (?P<item>\S+): no"), N_("checklist {id} {item}: no")),
)


def evidence(facts: tuple[str, ...]) -> str:
    """`MfaStatus.evidence` (English, as details keep it) for a message: '; '-joined."""
    return "; ".join(_evidence(fact) for fact in facts)


def _evidence(fact: str) -> str:
    for pattern, text in _EVIDENCE:
        if match := pattern.fullmatch(fact):
            return _(text).format(**match.groupdict())
    return fact
