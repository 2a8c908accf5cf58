"""The CLI's one language rule, applied once per invocation.

`main` starts every run in the locale's language (LANGUAGE, LC_ALL, LC_MESSAGES,
LANG; English when privaudit has no catalog for it, silently, as gettext does).
`--lang` (on the root command or a command that prints) and then the profile's
`audit.lang` override it; an explicit choice privaudit cannot speak gets one
plain notice. Everything lives in context variables that `main` runs in a copy
of, so one in-process run never leaks its language into the next.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.i18n import N_, set_language
from privaudit.i18n.select import from_environment, pick_lang, supported, unsupported_notice

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

LANG_HELP = N_("Language of messages and reports: en or es (default: from your locale).")

_flag: ContextVar[str | None] = ContextVar("privaudit_lang_flag", default=None)
_noticed: ContextVar[bool] = ContextVar("privaudit_lang_noticed", default=False)


LangOption = Annotated[str | None, typer.Option("--lang", metavar="CODE", help=LANG_HELP)]


def start(environ: Mapping[str, str]) -> None:
    """The locale's language, before anything is parsed."""
    set_language(supported(from_environment(environ)))


def explicit() -> str | None:
    """The language given with --lang in this invocation, if any."""
    return _flag.get()


def _use(env: Environment, lang: str) -> None:
    notice = unsupported_notice(lang)
    set_language(supported(lang))
    if notice and not _noticed.get():
        _noticed.set(True)
        env.echo("privaudit: " + notice, err=True)


def choose_flag(env: Environment, flag: str | None) -> None:
    """Apply a --lang flag (root or command): it beats the config and the locale."""
    if not flag:
        return
    lang = pick_lang(flag, None, {})
    _flag.set(lang)
    _use(env, lang)


def choose_configured(env: Environment, configured: str | None) -> None:
    """Apply the profile's `audit.lang`, unless --lang was given."""
    if configured and _flag.get() is None:
        _use(env, pick_lang(None, configured, {}))
