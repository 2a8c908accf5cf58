"""Password rules in Apple's syntax (`minlength: 8; required: lower; allowed: [-_]`),
turned into one sentence a user can give a password generator.

Syntax: https://developer.apple.com/password-rules/ . Unknown properties are
ignored rather than guessed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from privaudit.i18n import N_, Domain

# The sentence ends up in PW101-PW104 fixes: it speaks the checks' language (domain).
_ = Domain("checks").gettext

# TRANSLATORS: a kind of character after "at least one" (Spanish: with its article).
_CLASS_NAMES: Final = {
    "lower": N_("lowercase letter"),
    "upper": N_("capital letter"),
    "digit": N_("digit"),
    "special": N_("symbol"),
    "ascii-printable": N_("printable character"),
    "unicode": N_("character"),
}
_TOKEN: Final = re.compile(r"\[[^\]]*\]|[a-z-]+")
_CLAUSE: Final = re.compile(r"(?:\[[^\]]*\]|[^;\[])+")
"""A clause ends at a semicolon outside brackets: `allowed: [;,.]` is one clause."""


@dataclass(frozen=True, slots=True)
class PasswordRules:
    min_length: int | None = None
    max_length: int | None = None
    required: tuple[tuple[str, ...], ...] = ()
    """Each inner tuple: at least one character from one of these classes."""
    allowed: tuple[str, ...] = ()
    max_consecutive: int | None = None

    def describe(self) -> str:
        """'this site accepts 8 to 16 characters: at least one digit; no symbols'."""
        parts: list[str] = []
        if self.min_length and self.max_length:
            parts.append(
                _("{min} to {max} characters").format(min=self.min_length, max=self.max_length)
            )
        elif self.max_length:
            parts.append(_("at most {n} characters").format(n=self.max_length))
        elif self.min_length:
            parts.append(_("at least {n} characters").format(n=self.min_length))
        for group in self.required:
            kinds = _(" or ").join(_name(c, _CLASS_NAMES) for c in group)
            parts.append(_("at least one {kinds}").format(kinds=kinds))
        allowed = set(self.allowed) | {c for g in self.required for c in g}
        if (
            allowed
            and not allowed & {"special", "ascii-printable", "unicode"}
            and not any(c.startswith("[") for c in allowed)
        ):
            parts.append(_("no symbols"))
        else:
            extra = [c[1:-1] for c in allowed if c.startswith("[")]
            if extra and not allowed & {"special", "ascii-printable", "unicode"}:
                symbols = "".join(sorted(extra))
                parts.append(_("the only symbols allowed are {symbols}").format(symbols=symbols))
        if self.max_consecutive:
            parts.append(
                _("no character more than {n} times in a row").format(n=self.max_consecutive)
            )
        return _("this site accepts {rules}").format(rules="; ".join(parts)) if parts else ""


def _name(token: str, names: dict[str, str]) -> str:
    if token.startswith("["):
        return _("of {symbols}").format(symbols=token[1:-1])
    return _(names[token]) if token in names else token


def _number(value: str) -> int | None:
    value = value.strip()
    return int(value) if value.isdigit() else None


def parse_rules(text: str) -> PasswordRules:
    min_length = max_length = max_consecutive = None
    required: list[tuple[str, ...]] = []
    allowed: list[str] = []
    for clause in _CLAUSE.findall(text):
        name, _, value = clause.partition(":")
        name = name.strip().lower()
        if name == "minlength":
            min_length = _number(value)
        elif name == "maxlength":
            max_length = _number(value)
        elif name == "max-consecutive":
            max_consecutive = _number(value)
        elif name in ("required", "allowed"):
            classes = tuple(t for t in _TOKEN.findall(value.strip()) if t)
            if name == "required":
                required.append(classes)
            else:
                allowed.extend(classes)
    return PasswordRules(min_length, max_length, tuple(required), tuple(allowed), max_consecutive)
