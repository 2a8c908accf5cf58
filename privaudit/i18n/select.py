"""Which language privaudit speaks: --lang, then the config, then the locale.

One rule for every command (and for checklist text): an explicit choice wins,
then the profile's, then LANGUAGE (a preference list), LC_ALL, LC_MESSAGES,
LANG; English when nothing fits. Kept free of heavy imports: the CLI calls it
at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from privaudit.errors import UsageError
from privaudit.i18n import DEFAULT_LANG, SUPPORTED, _

_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")
# ISO 639-1/-2 primary subtags; region, encoding and modifier are dropped.
LANG_CODE = re.compile(r"^[a-z]{2,3}$")


def normalize(tag: str) -> str | None:
    """'es_MX.UTF-8' -> 'es'; 'C', 'POSIX' and nonsense -> None."""
    primary = tag.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return primary if LANG_CODE.match(primary) else None


def from_environment(environ: Mapping[str, str]) -> str:
    """The locale's language (which may have no catalog), else English."""
    # LANGUAGE is a preference list ('fr:es:en'): the first one privaudit speaks
    # wins, as GNU gettext does; else its first usable entry.
    wanted = [normalize(tag) for tag in environ.get("LANGUAGE", "").split(":") if tag]
    usable = [lang for lang in wanted if lang]
    for lang in usable:
        if lang in SUPPORTED:
            return lang
    if usable:
        return usable[0]
    for var in _LOCALE_VARS:
        value = environ.get(var)
        if value:
            return normalize(value) or DEFAULT_LANG
    return DEFAULT_LANG


def pick_lang(
    flag: str | None,
    configured: str | None,
    environ: Mapping[str, str],
    *,
    config_key: str = "audit.lang",
) -> str:
    """The language asked for, supported or not (checklists fall back per text)."""
    for explicit, where in ((flag, "--lang"), (configured, config_key)):
        if explicit:
            lang = normalize(explicit)
            if lang is None:
                raise UsageError(
                    _(
                        "{where}: {value!r} is not a language code; use one such as 'en' or 'es'"
                    ).format(where=where, value=explicit[:40])
                )
            return lang
    return from_environment(environ)


def supported(lang: str) -> str:
    """``lang`` if privaudit has catalogs for it, else English."""
    return lang if lang in SUPPORTED else DEFAULT_LANG


def unsupported_notice(lang: str) -> str | None:
    """One plain line when an explicitly chosen language has no catalog."""
    if lang in SUPPORTED:
        return None
    return _("privaudit has no translation for '{lang}' yet; showing English ({choices}).").format(
        lang=lang, choices=", ".join(SUPPORTED)
    )
