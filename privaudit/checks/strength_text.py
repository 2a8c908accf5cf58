"""zxcvbn's English words (crack time, warning) in the user's language.

zxcvbn returns fixed English phrases: a crack time from `display_time`
("46 minutes", "centuries") and one of a few warnings. Both are read back here,
so PW101 (and anything showing a strength) speaks the run's language; a phrase
zxcvbn may add in a later version is shown as it is, never dropped.
"""

from __future__ import annotations

import re

from privaudit.checks.lang import N_, _, ngettext, number

_TIME = re.compile(r"(\d+) (second|minute|hour|day|month|year)s?")


def crack_time(display: str) -> str:
    """zxcvbn's ``display_time`` text, translated (unknown text: unchanged)."""
    if display == "less than a second":
        return _("less than a second")
    if display == "centuries":
        return _("centuries")
    match = _TIME.fullmatch(display)
    if match is None:
        return display
    n, unit = int(match.group(1)), match.group(2)
    return _unit(unit, n).format(n=number(n))


def _unit(unit: str, n: int) -> str:
    match unit:
        case "second":
            return ngettext("{n} second", "{n} seconds", n)
        case "minute":
            return ngettext("{n} minute", "{n} minutes", n)
        case "hour":
            return ngettext("{n} hour", "{n} hours", n)
        case "day":
            return ngettext("{n} day", "{n} days", n)
        case "month":
            return ngettext("{n} month", "{n} months", n)
        case _:
            return ngettext("{n} year", "{n} years", n)


# zxcvbn 4.5's warnings (zxcvbn/feedback.py), marked so the catalog holds them.
WARNINGS = (
    N_("Straight rows of keys are easy to guess."),
    N_("Short keyboard patterns are easy to guess."),
    N_('Repeats like "aaa" are easy to guess.'),
    N_('Repeats like "abcabcabc" are only slightly harder to guess than "abc".'),
    N_('Sequences like "abc" or "6543" are easy to guess.'),
    N_("Recent years are easy to guess."),
    N_("Dates are often easy to guess."),
    N_("This is a top-10 common password."),
    N_("This is a top-100 common password."),
    N_("This is a very common password."),
    N_("This is similar to a commonly used password."),
    N_("A word by itself is easy to guess."),
    N_("Names and surnames by themselves are easy to guess."),
    N_("Common names and surnames are easy to guess."),
)


def warning(text: str) -> str:
    """One of zxcvbn's warnings in the current language (unknown text: unchanged)."""
    return _(text) if text else ""
