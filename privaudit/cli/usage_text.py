"""typer's usage errors in the user's language.

typer vendors click without gettext, so its messages ("No such option: --x")
are plain English. Each known form is matched whole and rebuilt from a
translated template whose English is click's own wording, so an English run
prints exactly what typer printed, and a form typer words differently in a
later release falls back to its English text rather than to a wrong sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from privaudit.i18n import DEFAULT_LANG, N_, _, current_language

_Rule = tuple[re.Pattern[str], str]

_RULES: tuple[_Rule, ...] = (
    (
        re.compile(r"No such option: (?P<name>\S+) Did you mean (?P<alt>\S+)\?"),
        N_("No such option: {name} Did you mean {alt}?"),
    ),
    (
        re.compile(r"No such option: (?P<name>\S+) \(Possible options: (?P<alts>[^)]*)\)"),
        N_("No such option: {name} (Possible options: {alts})"),
    ),
    (re.compile(r"No such option: (?P<name>\S+)"), N_("No such option: {name}")),
    (re.compile(r"No such command '(?P<name>[^']+)'\."), N_("No such command '{name}'.")),
    (
        re.compile(r"Option '(?P<name>[^']+)' requires an argument\."),
        N_("Option '{name}' requires an argument."),
    ),
    (re.compile(r"Missing argument '(?P<name>[^']+)'\."), N_("Missing argument '{name}'.")),
    (re.compile(r"Missing option '(?P<name>[^']+)'\."), N_("Missing option '{name}'.")),
    (
        re.compile(r"Got unexpected extra argument\(s\) \((?P<args>.*)\)"),
        N_("Got unexpected extra argument(s) ({args})"),
    ),
)
_INVALID = re.compile(r"Invalid value for (?P<hint>'[^']+'): (?P<message>.*)", re.DOTALL)
# What typer's validation says of a bad value (pydantic's words, then click's).
_VALUE_RULES: tuple[_Rule, ...] = (
    (
        re.compile(r"Input should be a valid integer.*", re.DOTALL),
        N_("Input should be a valid integer"),
    ),
    (
        re.compile(r"Input should be a valid number.*", re.DOTALL),
        N_("Input should be a valid number"),
    ),
    (
        re.compile(r"Input should be greater than or equal to (?P<n>\S+)"),
        N_("Input should be greater than or equal to {n}"),
    ),
    (
        re.compile(r"Input should be less than or equal to (?P<n>\S+)"),
        N_("Input should be less than or equal to {n}"),
    ),
    (
        re.compile(r"(?P<value>.+) is not one of (?P<choices>.+)\.", re.DOTALL),
        N_("{value} is not one of {choices}."),
    ),
)


def _apply(rules: tuple[_Rule, ...], text: str, fallback: Callable[[str], str]) -> str:
    for pattern, template in rules:
        match = pattern.fullmatch(text)
        if match:
            return _(template).format(**match.groupdict())
    return fallback(text)


def translate_usage(message: str) -> str:
    """`message` (a typer usage error) in the current language, if its form is known."""
    if current_language() == DEFAULT_LANG:
        return message  # typer's own words, unchanged

    def invalid(text: str) -> str:
        match = _INVALID.fullmatch(text)
        if match is None:
            return text
        value = _apply(_VALUE_RULES, match["message"], lambda same: same)
        return _("Invalid value for {hint}: {message}").format(hint=match["hint"], message=value)

    return _apply(_RULES, message, invalid)
