"""Translations: gettext catalogs, one per domain, chosen by --lang or the locale.

Each feature package with user-facing text owns a domain (docs/i18n.md): the
core, CLI and renderers are ``privaudit``; the built-in checklists are
``checklists``; feature packages such as ``workshop`` use their package name.
Separate domains keep catalogs small and let a plugin ship its own.

The language lives in a context variable, so one process (a test run, a class
server) can render in several languages without leaking one into the next.
"""

from __future__ import annotations

import gettext as _gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

DEFAULT_LANG = "en"
# Languages with complete catalogs for every built-in domain (tests/i18n).
SUPPORTED: tuple[str, ...] = ("en", "es")
LANGUAGE_NAMES: Mapping[str, str] = {"en": "English", "es": "español"}
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
CORE_DOMAIN = "privaudit"

_current: ContextVar[str] = ContextVar("privaudit_lang", default=DEFAULT_LANG)


@cache
def _catalog(domain: str, lang: str, localedir: str) -> _gettext.NullTranslations:
    if lang == DEFAULT_LANG:
        return _gettext.NullTranslations()
    return _gettext.translation(domain, localedir, languages=[lang], fallback=True)


def catalog(domain: str = CORE_DOMAIN, lang: str | None = None) -> _gettext.NullTranslations:
    """The catalog of ``domain`` in ``lang`` (default: the current language)."""
    return _catalog(domain, lang or _current.get(), str(LOCALE_DIR))


def current_language() -> str:
    return _current.get()


def set_language(lang: str) -> None:
    """Set the language for the rest of this context (the CLI calls it once)."""
    _current.set(lang)


@contextmanager
def use_language(lang: str) -> Iterator[None]:
    token = _current.set(lang)
    try:
        yield
    finally:
        _current.reset(token)


def _(message: str) -> str:
    """Translate ``message`` (core domain) into the current language."""
    return catalog().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return catalog().ngettext(singular, plural, n)


def dgettext(domain: str, message: str) -> str:
    return catalog(domain).gettext(message)


def dngettext(domain: str, singular: str, plural: str, n: int) -> str:
    return catalog(domain).ngettext(singular, plural, n)


# Digit grouping as people read it: English "18,742"; Spanish groups with a space
# (no-break, so a number never wraps), and only from five digits (RAE, Ortografía
# 2010, which is neutral across Spain and Latin America, unlike "." or ",").
_GROUPING: Mapping[str, tuple[str, int]] = {"en": (",", 4), "es": ("\u00a0", 5)}


def format_number(n: int) -> str:
    """An integer for people, grouped the way the current language reads it."""
    sep, min_digits = _GROUPING.get(_current.get(), _GROUPING[DEFAULT_LANG])
    text = str(abs(n))
    if len(text) >= min_digits:
        text = f"{abs(n):,}".replace(",", sep)
    return ("-" if n < 0 else "") + text


def N_(message: str) -> str:
    """Mark ``message`` for extraction only; translate it where it is shown."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # gettext's convention
    """Mark a plural pair for extraction only; show it later with ``ngettext(*pair, n)``."""
    return singular, plural


def has_translation(domain: str, message: str, lang: str | None = None) -> bool:
    """Whether ``message`` has a translation (English always has)."""
    lang = lang or _current.get()
    if lang == DEFAULT_LANG:
        return True
    cat = catalog(domain, lang)
    # A NullTranslations (no catalog file) has no _catalog at all.
    table: dict[object, str] = getattr(cat, "_catalog", {})
    return bool(table.get(message))


class Domain:
    """The gettext functions of one domain, for a feature package's own ``_``.

    ``_ = Domain("workshop").gettext`` at the top of a module; the extractor
    assigns the module's strings to the domain by its package (catalogs.py).
    """

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def gettext(self, message: str) -> str:
        return catalog(self.name).gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return catalog(self.name).ngettext(singular, plural, n)
