"""What the checks say, in the user's language (gettext domain ``checks``, docs/i18n.md).

Messages are translated where a finding is made, under the run's language (the
runner copies the context into its threads and tasks). Metadata stays English
in the class, marked with ``N_``, and is read through `Localized`, so whoever
reads ``check.meta`` (the runner building the report, ``checks explain``) gets
it in the current language. Ids, names, statuses, severities and detail keys
never change with the language, so runs in two languages stay comparable.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from functools import cache
from typing import Protocol

from privaudit.i18n import (
    DEFAULT_LANG,
    LANGUAGE_NAMES,
    N_,
    Domain,
    current_language,
    use_language,
)
from privaudit.model import CheckMeta
from privaudit.plugins import BUILTIN

__all__ = [
    "N_",
    "Localized",
    "_",
    "and_list",
    "dataset_label",
    "localized",
    "ngettext",
    "number",
    "title_ref",
    "untranslated_notices",
]

DOMAIN = Domain("checks")
_ = DOMAIN.gettext
ngettext = DOMAIN.ngettext


def localized(meta: CheckMeta) -> CheckMeta:
    """A built-in check's metadata in the current language (English: ``meta`` itself)."""
    lang = current_language()
    if lang == DEFAULT_LANG or meta.origin != BUILTIN:
        return meta
    return _translated(meta, lang)


@cache
def _translated(meta: CheckMeta, lang: str) -> CheckMeta:
    with use_language(lang):
        return dataclasses.replace(meta, title=_(meta.title), why=_(meta.why), fix=_(meta.fix))


class Localized:
    """A class attribute holding English metadata that reads in the current language.

    ``meta = Localized(CheckMeta(...))``: ``self.meta`` and ``Check.meta`` are
    then a plain `CheckMeta`, translated.
    """

    __slots__ = ("english",)

    def __init__(self, meta: CheckMeta) -> None:
        self.english = meta

    def __get__(self, obj: object, owner: type | None = None) -> CheckMeta:
        return localized(self.english)


_ORIGIN = re.compile(r"(plugin|checklist) \((.+)\)")


def untranslated_notices(metas: Iterable[CheckMeta], lang: str | None = None) -> list[str]:
    """One plain line per plugin (or checklist file) with no text in ``lang``."""
    lang = lang or current_language()
    if lang == DEFAULT_LANG:
        return []
    missing: dict[str, list[str]] = {}
    for meta in metas:
        if meta.origin != BUILTIN and lang not in meta.languages:
            missing.setdefault(meta.origin, []).append(meta.id)
    with use_language(lang):
        return [
            _notice(origin, ids, LANGUAGE_NAMES.get(lang, lang)) for origin, ids in missing.items()
        ]


def _notice(origin: str, ids: list[str], language: str) -> str:
    kind, name = m.groups() if (m := _ORIGIN.fullmatch(origin)) else ("plugin", origin)
    fields = {"name": name, "language": language, "ids": ", ".join(ids)}
    if kind == "checklist":
        text = ngettext(
            "The checklist {name} has no text in {language}: its check {ids} is in English.",
            "The checklist {name} has no text in {language}: its checks {ids} are in English.",
            len(ids),
        )
    else:
        text = ngettext(
            "The plugin {name} has no text in {language}: its check {ids} is in English.",
            "The plugin {name} has no text in {language}: its checks {ids} are in English.",
            len(ids),
        )
    return text.format(**fields)


def number(n: int) -> str:
    """``n`` grouped as the current language writes it: 18,742 / 18 742 (RAE: a space)."""
    grouped = f"{n:,}"
    return grouped if current_language() == DEFAULT_LANG else grouped.replace(",", " ")


def and_list(items: Iterable[str]) -> str:
    """'A and B and C' in English (as before), 'A, B y C' in Spanish."""
    names = list(items)
    if current_language() == DEFAULT_LANG or len(names) < 2:
        return " and ".join(names)
    return _("{first} and {last}").format(first=", ".join(names[:-1]), last=names[-1])


def dataset_label(label: str) -> str:
    """A dataset's label ('built-in 2026-11-24', or a file's origin) for a message."""
    if label.startswith("built-in "):
        return _("built-in {version}").format(version=label.removeprefix("built-in "))
    return label


class _HasMeta(Protocol):
    @property
    def meta(self) -> CheckMeta: ...


def title_ref(check: _HasMeta) -> str | None:
    """The `ref` of a finding about the check as a whole (its title as the subject).

    The English title, in a run in another language, so the finding's key is the
    same in every language; None in English, where the subject already is it.
    """
    if current_language() == DEFAULT_LANG:
        return None
    with use_language(DEFAULT_LANG):
        return check.meta.title
