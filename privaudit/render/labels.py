"""The words reports use for statuses, severities, categories and checks, per language.

Marked for extraction only (N_): each is translated where it is shown, so one
Report renders in whichever language is current.
"""

from __future__ import annotations

from privaudit.i18n import N_, _, ngettext
from privaudit.model import CheckMeta, Severity, Status

# Marked for translation only: status_label() shows them in the report's language.
STATUS_LABEL = {
    # TRANSLATORS: a result's badge, in capitals; short (5 letters or so) reads best.
    Status.PASS: N_("PASS"),
    Status.WARN: N_("WARN"),
    Status.FAIL: N_("FAIL"),
    Status.ERROR: N_("ERROR"),
    Status.SKIP: N_("SKIP"),
    Status.UNANSWERED: N_("UNANSWERED"),
}
SEVERITY_LABEL = {
    Severity.CRITICAL: N_("critical"),
    Severity.HIGH: N_("high"),
    Severity.MEDIUM: N_("medium"),
    Severity.LOW: N_("low"),
    Severity.INFO: N_("info"),
}


def status_label(status: Status) -> str:
    return _(STATUS_LABEL[status])


def severity_label(severity: Severity) -> str:
    return _(SEVERITY_LABEL[severity])


def count_phrase(status: Status, n: int) -> str:
    """'5 warn', as the summary counts results of one status."""
    match status:
        case Status.PASS:
            return ngettext("{n} pass", "{n} pass", n).format(n=n)
        case Status.WARN:
            return ngettext("{n} warn", "{n} warn", n).format(n=n)
        case Status.FAIL:
            return ngettext("{n} fail", "{n} fail", n).format(n=n)
        case Status.ERROR:
            return ngettext("{n} error", "{n} error", n).format(n=n)
        case Status.SKIP:
            return ngettext("{n} skip", "{n} skip", n).format(n=n)
        case Status.UNANSWERED:
            return ngettext("{n} unanswered", "{n} unanswered", n).format(n=n)


# Built-in categories' names for people; a plugin's own category shows as it is.
CATEGORY_NAMES = {
    "breach": N_("breach"),
    "mfa": N_("mfa"),
    "passwords": N_("passwords"),
    "platform": N_("platform"),
    "reuse": N_("reuse"),
    "web": N_("web"),
    "totp": N_("totp"),
    "exposure": N_("exposure"),
}


def category_name(category: str) -> str:
    return _(CATEGORY_NAMES[category]) if category in CATEGORY_NAMES else category


AREA_NAMES = {"passwords": N_("passwords"), "breaches": N_("breaches"), "2fa": N_("2FA")}
# A few words per problem, for the one-line-per-account view; plugins fall back to
# their check's name.
SHORT = {
    "PW101": N_("weak password"),
    "PW102": N_("reused password"),
    "PW103": N_("variant of another password"),
    "PW104": N_("old copy elsewhere"),
    "BR101": N_("breached password"),
    "EXP101": N_("site breached since password"),
    "EXP102": N_("email in a breach"),
    "MFA101": N_("no 2FA"),
    "MFA102": N_("weaker 2FA than offered"),
    "MFA103": N_("recovery codes not stored"),
    "MFA150": N_("TOTP seed beside password"),
    "TOTP101": N_("weak TOTP setup"),
    "TOTP102": N_("TOTP seed shared"),
    "WEB101": N_("http:// login"),
}


def check_label(meta: CheckMeta) -> str:
    """A few words for a check: its short label, else its name."""
    if meta.id in SHORT:
        return _(SHORT[meta.id])
    if meta.name.startswith("checklist-"):
        # "checklist-instagram" is an identifier; the title starts with the platform's name.
        return _("{platform} checklist").format(platform=meta.title.split(":", 1)[0])
    return meta.name.replace("-", " ")


# Reference data a report names ("2fa data: built-in 2026-11-24"); the keys are JSON's.
DATASET_NAMES = {"2fa": N_("2fa"), "breaches": N_("breaches"), "passkeys": N_("passkeys")}


def dataset_name(name: str) -> str:
    return _(DATASET_NAMES[name]) if name in DATASET_NAMES else name
