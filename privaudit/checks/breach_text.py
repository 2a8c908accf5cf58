"""Breach records in the user's words: when a breach happened and what it leaked.

The catalogue keeps HIBP's English names ("Email addresses"), and details keep
them as they are; messages name the commonest classes in the run's language and
show a rarer one as HIBP spells it, lower-cased, rather than drop it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from privaudit.checks.lang import N_, _
from privaudit.exposure.breaches import Breach

DATA_CLASSES: Final = {
    "Email addresses": N_("email addresses"),
    "Passwords": N_("passwords"),
    "Usernames": N_("usernames"),
    "Names": N_("names"),
    "IP addresses": N_("IP addresses"),
    "Phone numbers": N_("phone numbers"),
    "Physical addresses": N_("home addresses"),
    "Dates of birth": N_("dates of birth"),
    "Genders": N_("genders"),
    "Geographic locations": N_("locations"),
    "Website activity": N_("website activity"),
    "Password hints": N_("password hints"),
    "Job titles": N_("job titles"),
    "Employers": N_("employers"),
    "Social media profiles": N_("social media profiles"),
    "Payment histories": N_("payment histories"),
    "Ethnicities": N_("ethnicities"),
    "Sexual preferences": N_("sexual preferences"),
    "Credit cards": N_("credit cards"),
    "Partial credit card data": N_("partial card numbers"),
    "Purchases": N_("purchases"),
    "Device information": N_("device details"),
    "Security questions and answers": N_("security questions and answers"),
    "Private messages": N_("private messages"),
    "Government issued IDs": N_("ID documents"),
    "Bank account numbers": N_("bank account numbers"),
    "Auth tokens": N_("login tokens"),
    "Avatars": N_("profile photos"),
    "Spoken languages": N_("languages spoken"),
    "Time zones": N_("time zones"),
}


def data_classes(classes: Iterable[str]) -> str:
    """'email addresses, passwords' in the current language."""
    return ", ".join(_(DATA_CLASSES[c]) if c in DATA_CLASSES else c.lower() for c in classes)


def when(breach: Breach) -> str:
    """`Breach.when` in the current language: 'on DAY', or 'around DAY (made public DAY)'."""
    if breach.vague_date:
        return _("around {day} (made public {public})").format(
            day=breach.breach_date.isoformat(), public=breach.added.date().isoformat()
        )
    return _("on {day}").format(day=breach.breach_date.isoformat())


def day(breach: Breach) -> str:
    """The breach's day alone (with 'around' when HIBP only knows it roughly)."""
    if breach.vague_date:
        return when(breach)
    return breach.breach_date.isoformat()


_SOURCES: Final = (
    (re.compile(r"the Pwned Passwords range API \((.+)\)"), N_("the Pwned Passwords API ({name})")),
    (re.compile(r"the offline corpus \(sorted text file (.+)\)"), N_("the offline list {name}")),
    (re.compile(r"the offline corpus \(compact index (.+)\)"), N_("the offline index {name}")),
    (re.compile(r"the offline corpus \(per-prefix folder (.+)\)"), N_("the offline folder {name}")),
)


def source_label(source: str) -> str:
    """A breach lookup's `source` ("the offline corpus (compact index x.idx)") for a message.

    The lookups name themselves in English for logs and `data` listings; a
    label this table does not know is shown as it is.
    """
    for pattern, text in _SOURCES:
        if match := pattern.fullmatch(source):
            return _(text).format(name=match.group(1))
    return source
