"""The workshop's keys: shown the same on screen and in `--help`, and never a key that
means something else in the checklist the workshop sends learners to (in Spanish the
checklist's `s` is "sí": a learner who learned "s to leave" would record a false yes)."""

from __future__ import annotations

import re

import pytest

from privaudit.checklists.model import Answer
from privaudit.cli.checklist_prompt import parse_answer
from privaudit.i18n import use_language
from privaudit.workshop.figures import Figures
from privaudit.workshop.session import Outcome, Setup, run_session
from tests.workshop.conftest import ScriptedTerminal

BAR = re.compile(r"\[(\w+)\] \w+\s+\[(\w)\] \w+\s+\[(\w)\] \w+: $")


def _screen_keys(lang: str, figures: Figures) -> tuple[str, str, str]:
    term = ScriptedTerminal(["q"])
    with use_language(lang):
        assert run_session(term, Setup(figures, practice=True)) is Outcome.STOPPED
    match = BAR.search(term.prompts[-1])
    assert match, term.prompts[-1]
    return match.group(1), match.group(2), match.group(3)


@pytest.mark.parametrize(
    ("lang", "keys"), [("en", ("Enter", "b", "q")), ("es", ("Intro", "v", "q"))]
)
def test_the_screen_shows_keys_that_do_not_clash_with_the_checklist(
    lang: str, keys: tuple[str, str, str], figures: Figures
) -> None:
    enter, back, stop = _screen_keys(lang, figures)
    assert (enter, back, stop) == keys
    assert not isinstance(parse_answer(back, lang), Answer), back
    assert parse_answer(stop, lang) == "stop"  # the same key stops both


def test_in_spanish_s_and_a_no_longer_stop_or_go_back(figures: Figures) -> None:
    term = ScriptedTerminal(["s", "a", "v", "q"])
    with use_language("es"):
        assert run_session(term, Setup(figures, practice=True)) is Outcome.STOPPED
    headings = [line.split(":")[0] for line in term.shown if line.startswith("Paso ")]
    # "s" and "a" are not keys: the step stays; "v" goes back (to step 1 from step 1).
    assert headings == ["Paso 1 de 6"] * 2
    assert sum("Pulsa Intro para seguir, v para volver" in line for line in term.shown) == 2


@pytest.mark.parametrize("lang", ["en", "es"])
def test_help_names_the_keys_the_screen_shows(cli, lang: str, figures: Figures) -> None:  # type: ignore[no-untyped-def]
    enter, back, stop = _screen_keys(lang, figures)
    result = cli("--lang", lang, "workshop", "--help")
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    for key in (enter, back, stop):
        assert re.search(rf"\b{key} (goes|sigue|vuelve|sale|stops)", text), (key, text)
