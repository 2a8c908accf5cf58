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


def summary_written(path: Path) -> str:
    return _("Class summary written to {path}").format(path=path)
