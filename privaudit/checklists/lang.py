"""Which language to show checklist text in: the one rule of privaudit.i18n.select.

Checklist text falls back to English item by item, so an unsupported language
is kept here (a user's own checklist may carry it); `checklists.lang` in the
profile wins over `audit.lang`.
"""

from __future__ import annotations

from collections.abc import Mapping

from privaudit.i18n import select
from privaudit.i18n.select import normalize

__all__ = ["normalize", "pick_lang"]


def pick_lang(flag: str | None, configured: str | None, environ: Mapping[str, str]) -> str:
    return select.pick_lang(flag, configured, environ, config_key="checklists.lang")
