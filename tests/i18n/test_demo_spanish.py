"""`privaudit demo` in Spanish, as a learner sees it: no English left anywhere.

Every word comes from a catalog: the core's (`privaudit`), the checks' and the
checklists'. Brands, the demo's account labels and identifiers are not English.
"""

from __future__ import annotations

import re

import pytest

from tests.i18n.english import english_lines

NAMES = ("Gmail", "Dropbox", "Instagram", "PayPal", "Netflix", "Patreon", "GitHub", "Google")
NAMES += ("HIBP", "bitwarden-json", "vault.json", "SMS", "TOTP")


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
    _no_english_words(result.out)


# Words the line check lets through (identifiers, one-word labels): each one a
# learner saw in a Spanish demo.
LEFT_IN_ENGLISH = (
    "Old forum",
    "Mobile carrier",
    "Router admin",
    "DEMO",
    "Demo:",
    "SERVICE",
    "METHOD",
    "checklist instagram",
    "private-account, message-requests",
)


def _no_english_words(out: str) -> None:
    assert [w for w in LEFT_IN_ENGLISH if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", out)] == []


def test_the_spanish_demo_with_details_has_no_english(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    result = cli("demo", "--lang", "es", "--details")
    assert english_lines(_readable(result.out, "terminal"), allowed=NAMES) == []
    assert "Foro viejo" in result.out
    assert "private-account" in result.out  # --details names each item to answer


def test_the_spanish_demo_counts_the_settings_to_review(
    cli, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    out = cli("demo", "--lang", "es").out
    assert "ajustes de Instagram: 3 ajustes por revisar" in out
    assert "lista de Instagram" in out


def test_the_english_demo_keeps_its_labels(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("COLUMNS", "100")
    out = cli("demo", "--lang", "en").out
    assert "Old forum" in out and "Instagram settings: 3 settings to review" in out


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


def _section(out: str, heading: str) -> list[str]:
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading)) + 1
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    return lines[start:end]


@pytest.mark.parametrize("columns", [100, 80])
@pytest.mark.parametrize(
    ("lang", "plan", "problems"),
    [("es", "ARREGLA PRIMERO", "PROBLEMAS POR CUENTA"), ("en", "FIX FIRST", "PROBLEMS BY ACCOUNT")],
)
def test_wrapped_lines_hang_under_the_text(  # type: ignore[no-untyped-def]
    cli, monkeypatch: pytest.MonkeyPatch, columns: int, lang: str, plan: str, problems: str
) -> None:
    """'  5. Cambia ... después de que la' goes on under 'Cambia', not at column 2."""
    monkeypatch.setenv("COLUMNS", str(columns))
    out = cli("demo", "--lang", lang).out
    steps = _section(out, plan)
    wrapped = [line for line in steps if not re.match(r"  \d\. \S", line)]
    # At 100 columns only the Spanish plan has a step longer than a line.
    assert wrapped or (lang, columns) == ("en", 100), "a step longer than a line"
    assert all(re.match(r" {5}\S", line) for line in wrapped), wrapped
    rows = _section(out, problems)
    head = len(re.match(r"  \S+ +", rows[0]).group(0))  # type: ignore[union-attr]
    wrapped = [line for line in rows if line.startswith("   ")]
    assert wrapped, "some account's problems take two lines"
    assert all(line[:head].isspace() and line[head] != " " for line in wrapped), wrapped
    assert max(len(line) for line in steps + rows) <= columns
