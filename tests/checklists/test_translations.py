"""Checklist text through gettext: the extractor, the one accessor, and the notice
when a checklist lacks the chosen language (docs/checklist-format.md, "Translations")."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from privaudit.checklists.extract import extract_toml
from privaudit.checklists.loader import builtin_checklists, validate_bytes
from privaudit.checklists.model import LocalText
from privaudit.checklists.texts import DOMAIN, language_notice
from privaudit.checklists.validate import TEXT_LIMITS
from privaudit.i18n import use_language
from tests.checklists.conftest import GOOD
from tests.i18n.english import english_lines
from tests.readability import hard_to_read

ROOT = Path(__file__).resolve().parents[2]
BRANDS = ("Instagram", "Meta", "Signal", "Google", "Android", "iPhone", "TikTok", "Stitch")


def _builtin(platform: str):  # type: ignore[no-untyped-def]
    return next(c for c in builtin_checklists() if c.id == platform)


def _acme():  # type: ignore[no-untyped-def]
    checklist, problems = validate_bytes(GOOD.encode(), "acme.toml", "acme.toml")
    assert checklist is not None, problems
    return checklist


def test_the_extractor_yields_every_text_with_where_it_is() -> None:
    path = ROOT / "privaudit" / "checklists" / "instagram.toml"
    found = list(extract_toml(io.BytesIO(path.read_bytes()), (), (), {}))
    cl = _builtin("instagram")
    assert [m for _, _, m, _ in found] == [t.en for t in cl.texts()]
    line, funcname, message, comments = found[1]
    assert (funcname, message) == (None, cl.items[0].question.en)
    assert comments[0].startswith("instagram two-factor: question.")
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith('id = "two-factor"')


def test_the_extractor_refuses_a_broken_file() -> None:
    with pytest.raises(ValueError, match="is required"):
        list(extract_toml(io.BytesIO(b"format = 1\n"), (), (), {}))


def test_get_takes_the_file_then_the_catalog_then_english() -> None:
    inline = LocalText({"en": "Is 2-step login on?", "es": "¿Dos pasos?"})
    assert inline.get("es") == "¿Dos pasos?"
    assert inline.get("fr") == "Is 2-step login on?"
    assert inline.has("es")
    assert not inline.has("fr")
    question = _builtin("instagram").items[0].question
    assert question.domain == DOMAIN
    assert question.get("es").startswith("¿Instagram te pide")
    assert question.get("fr") == question.en
    assert (question.has("es"), question.has("fr")) == (True, False)
    unknown = LocalText({"en": "Not in any catalog"}, DOMAIN)
    assert unknown.get("es") == "Not in any catalog"
    assert not unknown.has("es")


def test_get_defaults_to_the_current_language() -> None:
    name = _builtin("general").name
    assert name.get() == "Account basics"
    with use_language("es"):
        assert name.get() == "Lo básico de tus cuentas"


def test_languages_are_those_every_text_has() -> None:
    assert _builtin("signal").languages == ("en", "es")
    assert _acme().languages == ("en",)  # only one of its questions has Spanish


def test_the_notice_names_what_is_shown_in_english() -> None:
    builtins = builtin_checklists()
    assert language_notice(builtins, "es") is None
    assert language_notice(builtins, "en") is None
    with use_language("es"):
        notice = language_notice([_acme(), _builtin("signal")], "es")
    assert notice == "ACME intranet todavía no está traducido al español, así que lo ves en inglés."
    notice = language_notice([_builtin("signal"), _builtin("reddit")], "fr")
    assert notice == "Signal, Reddit are not translated into 'fr' yet, so you see them in English."


def test_every_builtin_text_reads_plainly_in_both_languages() -> None:
    """Issue 13 point 8, each text: Flesch >= 60 (en), Fernández-Huerta >= 60 (es)."""
    for lang in ("en", "es"):
        texts = {
            f"{cl.id} {item.id} {field}": getattr(item, field).get(lang)
            for cl in builtin_checklists()
            for item in cl.items
            for field in ("question", "why", "fix")
        }
        assert len(texts) > 500
        hard = hard_to_read(texts, lang)
        assert hard == [], "\n".join(hard)


def test_show_list_and_answer_in_spanish_leave_no_english(cli) -> None:  # type: ignore[no-untyped-def]
    for platform in (c.id for c in builtin_checklists()):
        shown = cli("checklist", "show", platform, "--lang", "es")
        assert shown.code == 0
        assert shown.err == ""
        assert english_lines(shown.out, allowed=BRANDS) == [], platform
    listed = cli("checklist", "list", "--lang", "es")
    assert listed.code == 0
    assert "Plataforma" in listed.out
    assert english_lines(listed.out + listed.err, allowed=BRANDS) == []
    answered = cli("checklist", "answer", "instagram", "private-account", "sí", "--lang", "es")
    assert answered.code == 0
    assert answered.out.startswith("instagram private-account: sí (¿Tu cuenta es privada")
    assert english_lines(answered.out + answered.err) == []


def test_a_checklist_without_the_language_says_so_once_then_shows_english(  # type: ignore[no-untyped-def]
    cli, write
) -> None:
    own = str(write("acme.toml", GOOD).parent)
    shown = cli("checklist", "show", "acme", "signal", "--lang", "es", "--checklist-dir", own)
    assert shown.code == 0
    first, *rest = shown.out.splitlines()
    assert first == "ACME intranet todavía no está traducido al español, así que lo ves en inglés."
    assert "todavía no" not in "\n".join(rest)
    assert "Do you get an alert when someone signs in from a new device?" in shown.out
    assert "¿Tienes activado el inicio de sesión en dos pasos?" in shown.out
    french = cli("checklist", "show", "signal", "--lang", "fr")
    assert french.out.splitlines()[0] == (
        "Signal is not translated into 'fr' yet, so you see it in English."
    )
    listed = cli("checklist", "list", "--lang", "fr")
    assert "shown in English" in listed.err
    answered = cli(
        "checklist", "answer", "acme", "two-step", "yes", "--lang", "es", "--checklist-dir", own
    )
    assert answered.out.splitlines()[0].startswith("ACME intranet todavía no está traducido")


def test_a_typo_in_spanish_gets_a_spanish_line_and_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("checklist", "show", "instgram", "--lang", "es")
    assert result.code == 2
    assert result.out == ""
    assert "no hay una lista 'instgram'; ¿quisiste decir 'instagram'?" in result.err
    assert english_lines(result.err) == []


def test_translations_keep_to_the_format_s_length_limits() -> None:
    """A Spanish question fits where the English one does (prompts, handouts)."""
    for cl in builtin_checklists():
        for field, text in [("name", cl.name)] + [
            (f, getattr(i, f)) for i in cl.items for f in ("question", "why", "fix")
        ]:
            assert len(text.get("es").strip()) <= TEXT_LIMITS[field], (cl.id, field, text.en)
