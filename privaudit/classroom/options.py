"""`class summary`'s options and messages, in the trainer's language (chosen by cli/lang.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Final

from privaudit.classroom import DOMAIN
from privaudit.errors import UsageError

_ = DOMAIN.gettext

SUMMARY_FORMATS: Final = ("html", "json")


def check_format(fmt: str) -> str:
    if fmt not in SUMMARY_FORMATS:
        raise UsageError(_("--format must be html or json, not {value}").format(value=fmt[:20]))
    return fmt


SUFFIXES: Final = {".html": "html", ".htm": "html", ".json": "json"}


def format_for(fmt: str | None, output: Path | None) -> str:
    """--format if given, else the --output file's suffix (as `report plan` does), else html.

    An unknown suffix (class3.md) is refused rather than filled with HTML it does not say.
    """
    if fmt is not None:
        return check_format(fmt)
    if output is None:
        return "html"
    found = SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise UsageError(
            _(
                "{path}: class summary writes .html or .json files, not {suffix}:"
                " rename the file or give --format html or --format json"
            ).format(path=output, suffix=output.suffix or _("a file with no suffix"))
        )
    return found


def summary_written(path: Path) -> str:
    return _("Class summary written to {path}").format(path=path)
