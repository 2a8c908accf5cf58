"""One language rule for the whole CLI: --lang, then the profile, then the locale.

Checklist text uses the same rule under its own profile key (checklists.lang), so
each rule test runs for both pickers."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.checklists import lang as checklist_lang
from privaudit.errors import UsageError
from privaudit.i18n import current_language, format_number, select, use_language
from privaudit.i18n.select import normalize

PickLang = Callable[[str | None, str | None, Mapping[str, str]], str]
PICKERS = pytest.mark.parametrize(
    ("pick_lang", "config_key"),
    [(select.pick_lang, "audit.lang"), (checklist_lang.pick_lang, "checklists.lang")],
    ids=["audit", "checklists"],
)


@pytest.mark.parametrize(
    ("flag", "configured", "env", "expected"),
    [
        ("es", "en", {"LANG": "fr_FR.UTF-8"}, "es"),
        (None, "es", {"LANG": "fr_FR.UTF-8"}, "es"),
        (None, None, {"LANG": "es_MX.UTF-8"}, "es"),
        (None, None, {"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),
        (None, None, {"LC_MESSAGES": "es_ES", "LANG": "de_DE"}, "es"),
        (None, None, {"LANGUAGE": "es:en", "LANG": "de_DE"}, "es"),
        # A preference list: the first language privaudit speaks wins, as in gettext.
        (None, None, {"LANGUAGE": "fr:es", "LANG": "de_DE"}, "es"),
        (None, None, {"LANGUAGE": "fr", "LANG": "es_MX"}, "fr"),
        (None, None, {}, "en"),
        ("ES-mx", None, {}, "es"),
    ],
)
@PICKERS
def test_pick_lang(
    pick_lang: PickLang,
    config_key: str,
    flag: str | None,
    configured: str | None,
    env: dict[str, str],
    expected: str,
) -> None:
    assert pick_lang(flag, configured, env) == expected


@PICKERS
def test_a_nonsense_choice_names_where_it_came_from(pick_lang: PickLang, config_key: str) -> None:
    with pytest.raises(UsageError, match="--lang"):
        pick_lang("[bold]", None, {})
    with pytest.raises(UsageError, match=re.escape(config_key)):
        pick_lang(None, "12", {})


def test_checklists_normalize_tags_as_the_cli_does() -> None:
    assert checklist_lang.normalize is normalize


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_normalize_gives_a_code_or_none(tag: str) -> None:
    lang = normalize(tag)
    assert lang is None or (lang.isascii() and lang.isalpha() and 2 <= len(lang) <= 3)


def test_numbers_are_grouped_as_each_language_reads_them() -> None:
    assert format_number(18742) == "18,742"
    assert format_number(2316) == "2,316"
    with use_language("es"):
        # A no-break space, and only from five digits (RAE).
        assert format_number(18742) == "18\u00a0742"
        assert format_number(2316) == "2316"
        assert format_number(-1000000) == "-1\u00a0000\u00a0000"


def _lang_of(result_out: str) -> str:
    return str(json.loads(result_out)["lang"])


def test_the_flag_works_on_the_root_and_on_the_command(cli) -> None:  # type: ignore[no-untyped-def]
    assert _lang_of(cli("demo", "--format", "json").out) == "en"
    assert _lang_of(cli("--lang", "es", "demo", "--format", "json").out) == "es"
    assert _lang_of(cli("demo", "--lang", "es", "--format", "json").out) == "es"
    # The command's own flag is the later, closer choice.
    assert _lang_of(cli("--lang", "es", "demo", "--lang", "en", "-f", "json").out) == "en"


def test_the_locale_chooses_when_no_flag_does(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert _lang_of(cli("demo", "--format", "json").out) == "es"
    assert _lang_of(cli("demo", "--lang", "en", "--format", "json").out) == "en"


def test_one_run_never_leaks_its_language_into_the_next(cli) -> None:  # type: ignore[no-untyped-def]
    cli("demo", "--lang", "es", "--format", "json")
    assert current_language() == "en"
    assert _lang_of(cli("demo", "--format", "json").out) == "en"


def test_an_unsupported_language_says_so_once_and_speaks_english(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", "fr", "demo", "--lang", "fr", "--format", "json")
    assert result.code in (0, 1), result.err
    assert _lang_of(result.out) == "en"
    notices = [line for line in result.err.splitlines() if "'fr'" in line]
    assert len(notices) == 1, result.err
    assert "English" in notices[0]


def test_a_locale_privaudit_does_not_speak_is_english_without_a_notice(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    result = cli("demo", "--format", "json")
    assert _lang_of(result.out) == "en"
    assert "translation" not in result.err


def test_a_bad_flag_is_one_line_and_exit_2(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("demo", "--lang", "[x")
    assert result.code == 2
    assert result.out == ""
    assert result.err.count("\n") == 1
    assert result.err.startswith("privaudit: error: --lang:")


def test_the_profile_chooses_below_the_flag(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    profile = tmp_path / "profile.toml"
    profile.write_text('[audit]\nlang = "es"\noffline = true\n', encoding="utf-8")
    vault = tmp_path / "vault.csv"
    vault.write_text(
        "name,url,username,password\nShop,https://shop.example,sam,correct horse battery 7\n",
        encoding="utf-8",
    )
    base = ("audit", "--config", str(profile), "--accounts", str(vault), "--no-input")
    assert _lang_of(cli(*base, "--format", "json").out) == "es"
    assert _lang_of(cli(*base, "--format", "json", "--lang", "en").out) == "en"
    assert _lang_of(cli("--lang", "en", *base, "--format", "json").out) == "en"


def test_errors_speak_the_chosen_language(cli) -> None:  # type: ignore[no-untyped-def]
    result = cli("--lang", "es", "demo", "--group-by", "nada")
    assert result.code == 2
    assert result.err.startswith("privaudit: error: --group-by 'nada': elige una")
