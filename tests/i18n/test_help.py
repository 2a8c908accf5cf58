"""`--help` in the user's language: typer's help texts go through the core catalog."""

from __future__ import annotations

import re

import pytest

from privaudit.i18n.catalogs import help_strings
from tests.i18n.english import english_lines

# click's own help option says this in English whatever the language (its gettext).
CLICK = "Show this message and exit."


def _spanish_lines(text: str) -> str:
    lines = (line for line in text.splitlines() if CLICK not in line)
    # Metavars list literal values ("account|check"), like option names.
    return "\n".join(re.sub(r"\S+\|\S+", " ", line) for line in lines)


@pytest.mark.parametrize(
    "args",
    [
        ("--lang", "es", "--help"),
        ("demo", "--lang", "es", "--help"),
        ("--lang=es", "audit", "--help"),
        ("--lang", "es", "history", "--help"),
        ("--lang", "es", "checklist", "--help"),
        ("--lang", "es", "workshop", "--help"),
    ],
)
def test_help_follows_the_flag(cli, args: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    result = cli(*args)
    assert result.code == 0, result.err
    assert english_lines(_spanish_lines(result.out), allowed=("HIBP", "KeePass")) == []


def test_help_follows_the_locale(cli, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    result = cli("demo", "--help")
    assert "Revisa datos de ejemplo incluidos" in result.out
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert "Audit bundled, clearly fake sample data" in cli("demo", "--help").out


def test_the_extractor_finds_help_texts_and_docstrings() -> None:
    source = r'''
FORMAT_HELP = "table or json."
@group.command("list")
def listing(fmt: Annotated[str, typer.Option("--format", help="The format.")]) -> None:
    """Every thing.

    In detail.
    """
def helper() -> None:
    """Not a command."""
'''
    assert sorted(text for _, text in help_strings(source)) == [
        "Every thing.\n\nIn detail.",
        "The format.",
        "table or json.",
    ]
