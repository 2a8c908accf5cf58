"""`privaudit checklist run` and the audit's offer, driven through a real pseudo-terminal."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from privaudit.checklists.model import Answer
from privaudit.store.answers import load_answers
from tests.i18n.english import english_lines

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parents[2]


def _spawn(*args: str):  # type: ignore[no-untyped-def]
    env = {**os.environ, "NO_COLOR": "1", "TERM": "dumb", "COLUMNS": "100", "LANG": "C.UTF-8"}
    env.pop("LANGUAGE", None)
    env.pop("LC_ALL", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "privaudit", *args],
        env=env,
        cwd=str(ROOT),
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 100),
    )


def _answer(child, reply: str) -> None:  # type: ignore[no-untyped-def]
    child.expect_exact("Answer: ")
    child.sendline(reply)


def _finish(child) -> int:  # type: ignore[no-untyped-def]
    child.expect(pexpect.EOF)
    child.close()
    return int(child.exitstatus)


def test_answer_stop_midway_and_resume() -> None:
    child = _spawn("checklist", "run", "signal")
    child.expect_exact("Question 1 of 8")
    child.expect_exact("Is Registration Lock on, so your number needs your PIN on a new phone?")
    _answer(child, "?")
    child.expect_exact("Why it matters:")
    child.expect_exact("Settings > Account")
    _answer(child, "y")
    child.expect_exact("Question 2 of 8")
    _answer(child, "maybe")
    child.expect_exact("Please type y, n, u, a")
    _answer(child, "n")
    child.expect_exact("Question 3 of 8")
    _answer(child, "not sure")
    child.expect_exact("Question 4 of 8")
    _answer(child, "")  # skip for now
    child.expect_exact("Question 5 of 8")
    _answer(child, "q")
    child.expect_exact("Stopped. Your answers are saved")
    child.expect_exact("Privacy-settings score for these platforms:")
    child.expect_exact("(first answers)")
    assert _finish(child) == 0

    book = load_answers()
    assert len(book) == 3
    assert book.get("signal", "registration-lock").answer is Answer.YES  # type: ignore[union-attr]
    assert book.get("signal", "pin").answer is Answer.NO  # type: ignore[union-attr]
    assert book.get("signal", "linked-devices").answer is Answer.UNSURE  # type: ignore[union-attr]

    child = _spawn("checklist", "run", "signal")
    child.expect_exact("Question 4 of 8")  # resumes at the real position, the skipped one first
    child.expect_exact("Is your phone number hidden")
    _answer(child, "a")
    for _ in range(4):
        _answer(child, "y")
    child.expect_exact("Done: 5 answered, 0 left for later.")
    child.expect(r"Privacy-settings score for these platforms: \d+ → \d+/100\.")
    assert _finish(child) == 0
    book = load_answers()
    assert len(book) == 8
    assert book.get("signal", "phone-number-privacy").answer is Answer.NOT_APPLICABLE  # type: ignore[union-attr]

    child = _spawn("checklist", "run", "signal")
    child.expect_exact("Every question has a fresh answer")
    assert _finish(child) == 0


def test_spanish_questions_and_end_of_input_stops() -> None:
    child = _spawn("checklist", "run", "general", "--lang", "es")
    child.expect_exact("Pregunta 1 de 12")
    child.expect_exact("¿Usas un gestor de contraseñas")
    _answer_es(child, "sí")
    child.expect_exact("Pregunta 2 de 12")
    child.expect_exact("Respuesta: ")
    child.sendeof()
    child.expect_exact("Listo por ahora.")
    assert _finish(child) == 0
    assert load_answers().get("general", "password-manager").answer is Answer.YES  # type: ignore[union-attr]


def _answer_es(child, reply: str) -> None:  # type: ignore[no-untyped-def]
    child.expect_exact("Respuesta: ")
    child.sendline(reply)


def test_interactive_audit_offers_the_platforms_of_imported_accounts() -> None:
    vault = str(ROOT / "privaudit" / "demo" / "vault.json")
    child = _spawn("audit", "--accounts", vault, "--offline", "--quiet")
    child.expect_exact("Your accounts include Google Account, Instagram")
    child.expect_exact("[y/N]")
    child.sendline("y")
    child.expect_exact("Does your Google Account ask for a second step when you sign in")
    _answer(child, "y")
    _answer(child, "q")
    child.expect_exact("Stopped.")
    child.expect_exact("privaudit report")
    child.expect_exact("UNANSWERED")
    assert _finish(child) in (0, 1)
    assert load_answers().get("google", "two-step").answer is Answer.YES  # type: ignore[union-attr]


def test_ctrl_c_keeps_the_answers_given_so_far() -> None:
    child = _spawn("checklist", "run", "telegram")
    _answer(child, "y")
    child.expect_exact("Question 2 of 9")
    child.expect_exact("Answer: ")
    child.sendintr()
    child.expect_exact("Stopped. Your answers are saved")
    assert _finish(child) == 130
    assert len(load_answers()) == 1


def test_a_spanish_run_of_instagram_leaves_no_english() -> None:
    """Issue 13 point 7: every word of `checklist run instagram --lang es` is Spanish."""
    child = _spawn("checklist", "run", "instagram", "--lang", "es")
    transcript = io.StringIO()
    child.logfile_read = transcript
    child.expect_exact("Pregunta 1 de 10")
    child.expect_exact("¿Instagram te pide un código")
    child.expect_exact("[s] sí  [n] no")
    _answer_es(child, "?")
    child.expect_exact("Por qué importa:")
    child.expect_exact("Cómo revisarlo y arreglarlo:")
    _answer_es(child, "quizás")
    child.expect_exact("Escribe s, n, u, a, ? o q")
    _answer_es(child, "n")  # a "no" shows the fix
    child.expect_exact("Pregunta 2 de 10")
    for reply in ("s", "no sé", "no aplica", "", "s", "s", "s", "s", "n"):
        _answer_es(child, reply)
    child.expect_exact("Hecho: 9 respondidas, 1 para más tarde.")
    child.expect(
        r"Puntuación de privacidad de estas plataformas: \d+/100 \(primeras respuestas\)\."
    )
    assert _finish(child) == 0
    assert english_lines(transcript.getvalue(), allowed=("Instagram", "Meta")) == []
    book = load_answers()
    assert book.get("instagram", "two-factor").answer is Answer.NO  # type: ignore[union-attr]
    assert book.get("instagram", "message-requests").answer is Answer.NOT_APPLICABLE  # type: ignore[union-attr]
