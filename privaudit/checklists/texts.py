"""The checklists' own gettext domain, and the notice for text not in the chosen language.

The built-in checklists are translated in the ``checklists`` catalog
(privaudit/locale/<lang>/LC_MESSAGES/checklists.po, extracted from the TOML by
extract.py); so are the words of the ``checklist`` commands around them.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from privaudit.i18n import DEFAULT_LANG, N_, Domain

if TYPE_CHECKING:
    from privaudit.checklists.model import Checklist

DOMAIN = "checklists"
_domain = Domain(DOMAIN)
_ = _domain.gettext
ngettext = _domain.ngettext

# The languages' names as a sentence in the current language says them.
_LANGUAGE_NAMES = {"en": N_("English"), "es": N_("Spanish")}


def language_name(lang: str) -> str:
    """'Spanish' ('español' in Spanish); an unknown code as itself, in quotes."""
    name = _LANGUAGE_NAMES.get(lang)
    return _(name) if name else f"'{lang}'"


def untranslated(checklists: Iterable[Checklist], lang: str) -> list[Checklist]:
    """The checklists with some text that ``lang`` lacks (so English is shown there)."""
    if lang == DEFAULT_LANG:
        return []
    return [cl for cl in checklists if lang not in cl.languages]


def language_notice(checklists: Iterable[Checklist], lang: str) -> str | None:
    """One plain line naming the checklists shown (partly) in English, or None.

    Said in the current language (English when privaudit has no catalog for it).
    """
    lacking = untranslated(checklists, lang)
    if not lacking:
        return None
    names = ", ".join(cl.name.get(lang) for cl in lacking)
    return ngettext(
        "{names} is not translated into {language} yet, so you see it in English.",
        "{names} are not translated into {language} yet, so you see them in English.",
        len(lacking),
    ).format(names=names, language=language_name(lang))
