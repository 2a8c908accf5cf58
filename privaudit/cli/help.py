"""The command line's help in the user's language.

typer takes help texts from `help=` arguments and docstrings, which gettext
cannot wrap; the extractor (`i18n/catalogs.py`, `help_strings`) collects them,
and this walks the built command tree once and translates each. In English
nothing is walked, so `--help` costs the same as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from privaudit.i18n import DEFAULT_LANG, N_, _, current_language, set_language
from privaudit.i18n.select import normalize, supported

# Texts of typer and click themselves, in the same tree (their msgids are theirs).
FRAMEWORK = (
    N_("Show this message and exit."),
    N_("Install completion for the current shell."),
    N_("Show completion for the current shell, to copy it or customize the installation."),
)


def language_from_args(args: Sequence[str]) -> None:
    """`--lang X` anywhere before `--`: the language `--help` is shown in.

    Parsing proper comes later (and reports a bad value); this only picks the
    language the tree is built in, so `privaudit demo --lang es --help` is Spanish.
    """
    words = [str(arg) for arg in args]  # callers in tests may hand in paths
    for i, arg in enumerate(words):
        if arg == "--":
            return
        value = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(words):
            value = words[i + 1]
        lang = normalize(value) if value else None
        if lang:
            set_language(supported(lang))


def translate_tree(command: Any) -> None:
    """Translate every help text of `command` and its subcommands, in place."""
    if current_language() == DEFAULT_LANG:
        return
    _translate(command)


def _translate(command: Any) -> None:
    if command.help:
        command.help = _(command.help)
    if command.short_help:
        command.short_help = _(command.short_help)
    for param in command.params:
        if getattr(param, "help", None):
            param.help = _(param.help)
    for sub in getattr(command, "commands", {}).values():
        _translate(sub)
