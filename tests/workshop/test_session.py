"""The paced session in-process, through a scripted terminal: pacing, back, quit and
resume, the saved state, and the one-password check of real mode."""

from __future__ import annotations

import json
import stat

import pytest

from privaudit.i18n import use_language
from privaudit.model import Status
from privaudit.workshop import state
from privaudit.workshop.figures import Figures
from privaudit.workshop.lesson import STEPS
from privaudit.workshop.session import Outcome, Setup, Verdict, run_session
from tests.conftest import CANARY_PASSWORD, assert_no_canary
from tests.workshop.conftest import ScriptedTerminal

TOTAL = len(STEPS)


def _headings(term: ScriptedTerminal) -> list[str]:
    return [line for line in term.shown if line.startswith(("Step ", "Paso "))]


def test_enter_goes_on_b_goes_back_and_the_end_clears_the_place(figures: Figures) -> None:
    term = ScriptedTerminal(["", "b", "", "", "x", "", "", "", ""])
    assert run_session(term, Setup(figures, practice=True)) is Outcome.FINISHED
    assert _headings(term) == [
        "Step 1 of 6: Why passwords fail",
        "Step 2 of 6: Check one password",
        "Step 1 of 6: Why passwords fail",
        "Step 2 of 6: Check one password",
        "Step 3 of 6: Breaches",
        "Step 4 of 6: 2-step login",
        "Step 5 of 6: Privacy settings",
        "Step 6 of 6: Your plan",
    ]
    assert "Press Enter to go on, b to go back or q to stop." in term.shown
    assert sum(line.startswith("Do this now: ") for line in term.shown) == 8
    assert not state.state_file(practice=True).exists()
    assert term.shown[-1] == "Well done. You can run this again at any time."


def test_quit_at_step_three_then_resume_there(figures: Figures) -> None:
    term = ScriptedTerminal(["", "", "q"])
    assert run_session(term, Setup(figures, practice=True)) is Outcome.STOPPED
    assert "Stopped at step 3 of 6. Run the same command to go on." in term.shown
    path = state.state_file(practice=True)
    assert json.loads(path.read_text()) == {"version": 1, "step": 3}, "only the place is kept"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not state.state_file(practice=False).exists(), "practice never moves the real place"

    again = ScriptedTerminal(["", "", "q"])
    run_session(again, Setup(figures, practice=True))
    assert again.prompts[0] == "Resume at step 3 of 6? [Y/n] "
    assert _headings(again) == ["Step 3 of 6: Breaches", "Step 4 of 6: 2-step login"]

    fresh = ScriptedTerminal(["n", "q"])
    run_session(fresh, Setup(figures, practice=True))
    assert _headings(fresh) == ["Step 1 of 6: Why passwords fail"]


@pytest.mark.parametrize("content", [b"", b"{", b'{"version": 1, "step": 99}', b"[1]", b"\xff"])
def test_a_damaged_place_starts_from_the_top(figures: Figures, content: bytes) -> None:
    path = state.state_file(practice=True)
    state.save_step(True, 2)
    path.write_bytes(content)
    term = ScriptedTerminal(["q"])
    run_session(term, Setup(figures, practice=True))
    assert _headings(term) == ["Step 1 of 6: Why passwords fail"]
    assert not any("Resume" in p for p in term.prompts)


def test_end_of_input_stops_and_keeps_the_place(figures: Figures) -> None:
    term = ScriptedTerminal([""])
    assert run_session(term, Setup(figures, practice=True)) is Outcome.STOPPED
    assert state.load_step(True, TOTAL) == 2


def test_practice_never_asks_for_a_secret(figures: Figures) -> None:
    term = ScriptedTerminal([""] * TOTAL)
    run_session(term, Setup(figures, practice=True))
    assert not any("password to check" in p for p in term.prompts)
    text = term.text
    for sample in figures.samples:
        assert sample.password in text  # the demo's fake passwords, side by side
    assert "sunshine1 is in the breach list 451,320 times" in text
    assert "Instagram uses only text codes" in text


def test_real_mode_checks_one_password_without_keeping_or_showing_it(figures: Figures) -> None:
    seen: list[str] = []

    def check(typed: str) -> Verdict:
        seen.append(typed)
        return Verdict(score=1, guesses_log10=3.0, seen=None)

    term = ScriptedTerminal(["", "q"], hidden=[CANARY_PASSWORD])
    run_session(term, Setup(figures, practice=False, check_password=check))
    assert seen == [CANARY_PASSWORD]
    assert "Type a password to check (it stays hidden; Enter skips): " in term.prompts
    assert "  Breach lists: could not check now, so this is not a pass." in term.shown
    assert not any("not found" in line for line in term.shown), "unknown is never 'not found'"
    files = [p for p in state.state_file(False).parent.rglob("*") if p.is_file()]
    assert_no_canary(term.text, *(p.read_bytes() for p in files))


def test_real_mode_says_what_the_check_found() -> None:
    from privaudit.workshop.session import _verdict_lines

    assert _verdict_lines(Verdict(0, 2.0, 451320))[1].startswith("Breach lists: seen 451,320 times")
    assert _verdict_lines(Verdict(4, 20.0, 0, Status.PASS)) == [
        "How strong: strong. Time to guess it: centuries.",
        "Breach lists: not found.",
    ]
    # A check that did not run is never called strong (fail closed).
    assert _verdict_lines(Verdict(4, 20.0, 0))[0].startswith("How strong: could not rate it.")


def test_the_session_in_spanish_keys_and_all(figures: Figures) -> None:
    with use_language("es"):
        term = ScriptedTerminal(["", "v", "x", "q"])
        assert run_session(term, Setup(figures, practice=True)) is Outcome.STOPPED
    assert _headings(term) == [
        "Paso 1 de 6: Por qué fallan las claves",
        "Paso 2 de 6: Revisa una contraseña",
        "Paso 1 de 6: Por qué fallan las claves",
    ]
    assert "[Intro] seguir   [v] volver   [q] salir: " in term.prompts
    assert "Te quedaste en el paso 1 de 6. Repite la misma orden para seguir." in term.shown


def test_a_short_password_says_what_to_do() -> None:
    from privaudit.workshop.session import _verdict_lines

    assert _verdict_lines(Verdict(4, 11.0, 0, Status.WARN))[:2] == [
        "How strong: too short. Time to guess it: 4 months.",
        "Make it longer, or turn on 2-step login for this account.",
    ]
