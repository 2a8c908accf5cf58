"""`privaudit demo` in Spanish, as a learner sees it: no English left anywhere.

Every word comes from a catalog: the core's (`privaudit`), the checks' and the
checklists'. Brands, the demo's account labels and identifiers are not English.
"""

from __future__ import annotations

import re

import pytest

from tests.i18n.english import english_lines

NAMES = ("Gmail", "Dropbox", "Instagram", "PayPal", "Netflix", "Patreon", "GitHub", "Google")
NAMES += ("Old forum", "Mobile carrier", "HIBP", "bitwarden-json", "vault.json", "SMS", "TOTP")


def _readable(text: str, fmt: str) -> str:
    if fmt == "html":
        text = re.sub(r"<style>.*?</style>", "", text, flags=re.DOTALL)
        text = re.sub(r'aria-label="([^"]*)"', r">\1<", text)
        text = re.sub(r"<[^>]+>", "\n", text)
    # Checklist item ids ("where-logged-in") and 2FA method names ("none") are
    # identifiers a command takes, like option names.
    text = re.sub(r"\b(?:sms|totp|hardware-key|passkey|none)\b", " ", text)
    return re.sub(r"\b[a-z0-9]+(?:-[a-z0-9]+)+\b", " ", text)


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
@pytest.mark.parametrize("how", ["flag", "locale"])
def test_the_spanish_demo_has_no_english(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch, fmt: str, how: str
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    if how == "locale":
        monkeypatch.setenv("LANG", "es_MX.UTF-8")
        result = cli("demo", "--format", fmt)
    else:
        result = cli("demo", "--lang", "es", "--format", fmt)
    assert result.code in (0, 1), result.err
    assert english_lines(_readable(result.out, fmt), allowed=NAMES) == []


def test_the_spanish_demo_with_details_has_no_english(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    result = cli("demo", "--lang", "es", "--details")
    assert english_lines(_readable(result.out, "terminal"), allowed=NAMES) == []


def test_spanish_demo_terminal_golden(cli, golden, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    result = cli("demo", "--lang", "es")
    assert result.code in (0, 1), result.err
    golden("demo.es.terminal.txt", result.out)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_demo_markdown_has_no_html_entity(cli, lang: str) -> None:  # type: ignore[no-untyped-def]
    """'!@#$%^&*()' in a site's password rules reads as itself, not '&amp;'."""
    result = cli("demo", "--lang", lang, "--format", "markdown")
    assert result.code in (0, 1), result.err
    assert "^&\\*()" in result.out
    assert not re.search(r"&(?:amp|lt|gt|quot|#\d+);", result.out)
