"""What each gap is called in a class summary, and the lesson to teach next for it.

A small table, check id -> (name, lesson), in the trainer's language (domain
``classroom``). Built-in checklists (CL1xx) share one lesson that names the
platform; a check missing from the table gets a generic lesson, so a new
check never breaks a summary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from privaudit.classroom import DOMAIN
from privaudit.i18n import N_

_ = DOMAIN.gettext


@dataclass(frozen=True)
class Lesson:
    gap: str
    lesson: str


LESSONS: Final = {
    "PW101": (
        N_("Weak passwords"),
        N_(
            "Make a long passphrase together from four or more random words."
            " Then save it in a password manager."
        ),
    ),
    "PW102": (
        N_("The same password on many accounts"),
        N_(
            "Show how one leak opens every account with the same password."
            " Then give the most important account its own new password."
        ),
    ),
    "PW103": (
        N_("Passwords that are small changes of each other"),
        N_(
            "Show that attackers try small changes like Summer1 and Summer2 first."
            " Let a password manager make a new random password for each account."
        ),
    ),
    "PW104": (
        N_("Old copies of a password left behind"),
        N_("Find where old passwords are still saved, such as the web browser, and delete them."),
    ),
    "PW105": (
        N_("Passwords marked as expired"),
        N_("Open the password manager and change the passwords it marks as expired."),
    ),
    "BR101": (
        N_("Passwords found in data breaches"),
        N_(
            "Show what a breached password looks like on the demo data."
            " Then change each breached password, starting with email."
        ),
    ),
    "EXP101": (
        N_("Sites breached after the password was set"),
        N_("Read the site's news about the breach together, then change that password."),
    ),
    "EXP102": (
        N_("Email addresses found in data breaches"),
        N_(
            "Explain what a breach list shows and what it does not."
            " Then change the passwords of the sites that were breached."
        ),
    ),
    "MFA101": (
        N_("No 2-step login"),
        N_(
            "Turn on 2-step login for the email account together, step by step."
            " Then save the backup codes."
        ),
    ),
    "MFA102": (
        N_("Weak 2-step login, such as text message codes"),
        N_("Move from text message codes to an app or a passkey where the site allows it."),
    ),
    "MFA103": (
        N_("Backup codes not kept safe"),
        N_("Print or write down the backup codes, and keep them in a safe place at home."),
    ),
    "MFA150": (
        N_("2-step codes kept next to the password"),
        N_("Keep the code app for your main email apart from the password manager."),
    ),
    "TOTP101": (
        N_("A broken or weak code app setup"),
        N_("Set up the code app again from the site's security page."),
    ),
    "TOTP102": (
        N_("One code secret on many accounts"),
        N_("Set up each account in the code app on its own, one at a time."),
    ),
    "WEB101": (
        N_("Logins saved for plain http:// sites"),
        N_(
            "Show the lock in the address bar. Then change the saved address"
            " to https:// or delete the old login."
        ),
    ),
}
CHECKLISTS: Final = {
    "CL101": ("general", N_("account basics")),
    "CL102": ("device", N_("phone and computer")),
    "CL103": ("leak-readiness", N_("ready if images leak")),
    "CL110": ("google", "Google"),
    "CL111": ("apple", "Apple / iCloud"),
    "CL112": ("microsoft", "Microsoft"),
    "CL113": ("facebook", "Facebook"),
    "CL114": ("instagram", "Instagram"),
    "CL115": ("whatsapp", "WhatsApp"),
    "CL116": ("tiktok", "TikTok"),
    "CL117": ("x", "X (Twitter)"),
    "CL118": ("snapchat", "Snapchat"),
    "CL119": ("linkedin", "LinkedIn"),
    "CL120": ("discord", "Discord"),
    "CL121": ("telegram", "Telegram"),
    "CL122": ("signal", "Signal"),
    "CL123": ("reddit", "Reddit"),
    "CL124": ("youtube", "YouTube"),
    "CL125": ("creator-platforms", N_("creator and fan platforms")),
}


def lesson_for(check_id: str) -> Lesson:
    """The gap's name and the next lesson, in the current language."""
    if check_id in LESSONS:
        gap, lesson = LESSONS[check_id]
        return Lesson(_(gap), _(lesson))
    # Checklist names are the platform's own (brands stay as they are) or a few plain words.
    if check_id in CHECKLISTS:
        checklist, name = CHECKLISTS[check_id]
        shown = _(name)  # a brand has no catalog entry: gettext gives it back as it is
        return Lesson(
            _("Privacy settings: {name}").format(name=shown),
            _(
                "Open the {name} settings together. Then go through the list one step"
                " at a time: `privaudit checklist run {checklist}`"
            ).format(name=shown, checklist=checklist),
        )
    return Lesson(
        check_id,
        _("Go through this check together: `privaudit checks explain {id}`").format(id=check_id),
    )
