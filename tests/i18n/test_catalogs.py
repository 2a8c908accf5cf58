"""The catalogs are complete, compiled and in step with the code (docs/i18n.md)."""

from __future__ import annotations

import pytest

from privaudit import i18n
from tests.i18n.english import english_lines

catalogs = pytest.importorskip("privaudit.i18n.catalogs")


def test_catalogs_are_complete_and_compiled() -> None:
    problems = catalogs.check()
    hint = "\nrun: python -m privaudit.i18n.catalogs update"
    assert problems == [], "\n".join(problems[:40]) + hint


def test_the_language_is_per_context() -> None:
    assert i18n.current_language() == "en"
    with i18n.use_language("es"):
        assert i18n.current_language() == "es"
    assert i18n.current_language() == "en"


def test_english_is_the_message_itself() -> None:
    assert i18n._("Nothing to audit") == "Nothing to audit"
    assert i18n.ngettext("{n} account", "{n} accounts", 2) == "{n} accounts"
    assert i18n.has_translation("privaudit", "anything", "en")


def test_the_english_detector() -> None:
    assert english_lines("Change the password you use on Gmail")
    assert not english_lines("Cambia la contraseña que usas en Gmail")
    assert not english_lines("Ejecuta `privaudit checklist run google` --lang es")
    assert not english_lines("https://example.org/the/password/you")
