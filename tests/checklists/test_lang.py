"""Language choice: --lang, then config, then the locale; English when nothing fits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from privaudit.checklists.lang import normalize, pick_lang
from privaudit.errors import UsageError


@pytest.mark.parametrize(
    ("flag", "configured", "env", "expected"),
    [
        ("es", "en", {"LANG": "fr_FR.UTF-8"}, "es"),
        (None, "es", {"LANG": "fr_FR.UTF-8"}, "es"),
        (None, None, {"LANG": "es_MX.UTF-8"}, "es"),
        (None, None, {"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "en"),
        (None, None, {"LC_MESSAGES": "es_ES", "LANG": "de_DE"}, "es"),
        (None, None, {"LANGUAGE": "es:en", "LANG": "de_DE"}, "es"),
        (None, None, {}, "en"),
        ("ES-mx", None, {}, "es"),
    ],
)
def test_pick_lang(
    flag: str | None, configured: str | None, env: dict[str, str], expected: str
) -> None:
    assert pick_lang(flag, configured, env) == expected


def test_a_nonsense_flag_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--lang"):
        pick_lang("[bold]", None, {})


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_normalize_gives_a_code_or_none(tag: str) -> None:
    lang = normalize(tag)
    assert lang is None or (lang.isascii() and lang.isalpha() and 2 <= len(lang) <= 3)
