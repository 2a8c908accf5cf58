"""typer's usage errors in Spanish, and unchanged in English (privaudit/cli/usage_text.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from privaudit.cli.usage_text import translate_usage
from privaudit.i18n import use_language
from tests.conftest import Result
from tests.i18n.english import english_lines

TYPER_SAYS = [
    "No such option: --bogus",
    "No such option: --formt (Possible options: --format, --source-format)",
    "No such option: --formt Did you mean --format?",
    "No such command 'nosuch'.",
    "Option '--format' requires an argument.",
    "Missing argument 'platform'.",
    "Missing option '--code'.",
    "Got unexpected extra argument(s) (extra words)",
    "Invalid value for '--fail-under': Input should be a valid integer, unable to parse string",
    "Invalid value for '--limit': Input should be greater than or equal to 1",
    "Invalid value for '--format': 'xml' is not one of 'json', 'html'.",
]


@pytest.mark.parametrize("message", TYPER_SAYS)
def test_known_forms_speak_spanish(message: str) -> None:
    with use_language("es"):
        said = translate_usage(message)
    assert said != message
    assert english_lines(said) == [], said
    for name in ("--bogus", "--formt", "nosuch", "platform", "--fail-under", "'xml'"):
        if name in message:
            assert name in said


@pytest.mark.parametrize("message", [*TYPER_SAYS, "Some new wording of a later typer"])
def test_english_is_typer_s_own_words(message: str) -> None:
    assert translate_usage(message) == message


def test_an_unknown_form_stays_as_typer_wrote_it() -> None:
    with use_language("es"):
        assert translate_usage("A form typer added later") == "A form typer added later"


def test_a_usage_error_in_spanish_from_the_command_line(cli: Callable[..., Result]) -> None:
    result = cli("--lang", "es", "audit", "--fail-under", "abc")
    assert result.code == 2
    assert result.err.startswith("privaudit: error: valor no válido para '--fail-under'")
    assert english_lines(result.err) == [], result.err
    english = cli("audit", "--fail-under", "abc")
    assert "Invalid value for '--fail-under': Input should be a valid integer" in english.err
