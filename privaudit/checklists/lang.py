"""Which language to show checklist text in: --lang, then config, then the locale."""

from __future__ import annotations

from collections.abc import Mapping

from privaudit.checklists.loader import LANG_PATTERN
from privaudit.checklists.model import DEFAULT_LANG
from privaudit.errors import UsageError

_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")


def normalize(tag: str) -> str | None:
    """'es_MX.UTF-8' -> 'es'; 'C', 'POSIX' and nonsense -> None."""
    primary = tag.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return primary if LANG_PATTERN.match(primary) else None


def pick_lang(flag: str | None, configured: str | None, environ: Mapping[str, str]) -> str:
    for explicit, where in ((flag, "--lang"), (configured, "checklists.lang")):
        if explicit:
            lang = normalize(explicit)
            if lang is None:
                raise UsageError(f"{where}: not a language code; use one such as 'en' or 'es'")
            return lang
    # LANGUAGE is a preference list ('es:en'); the first usable entry wins.
    for tag in environ.get("LANGUAGE", "").split(":"):
        lang = normalize(tag) if tag else None
        if lang:
            return lang
    for var in _LOCALE_VARS:
        value = environ.get(var)
        if value:
            return normalize(value) or DEFAULT_LANG
    return DEFAULT_LANG
