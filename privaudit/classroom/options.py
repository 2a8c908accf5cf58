"""`class summary`'s options and messages, in the trainer's language."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Final

from privaudit.classroom import DOMAIN
from privaudit.errors import UsageError
from privaudit.i18n import DEFAULT_LANG, SUPPORTED

_ = DOMAIN.gettext

SUMMARY_FORMATS: Final = ("html", "json")
_LOCALE_VARS: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def check_format(fmt: str) -> str:
    if fmt not in SUMMARY_FORMATS:
        raise UsageError(_("--format must be html or json, not {value}").format(value=fmt[:20]))
    return fmt


def choose_language(option: str | None, environ: Mapping[str, str]) -> str:
    """--lang, else the first language privaudit speaks in the locale variables, else English.

    As gettext does, the first locale variable that is set decides (LANGUAGE may list
    several, as in "fr:es").
    """
    if option is not None:
        if option not in SUPPORTED:
            raise UsageError(
                _("--lang must be one of {languages}, not {value}").format(
                    languages=", ".join(SUPPORTED), value=option[:20]
                )
            )
        return option
    for var in _LOCALE_VARS:
        value = environ.get(var, "")
        for part in value.split(":"):
            code = part.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in SUPPORTED:
                return code
        if value:
            break
    return DEFAULT_LANG


def summary_written(path: Path) -> str:
    return _("Class summary written to {path}").format(path=path)
