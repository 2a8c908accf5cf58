"""The question loop in-process: help, bad input, skip, stop, redo, saving after each answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from rich.console import Console

from privaudit.checklists.loader import builtin_checklists, validate_bytes
from privaudit.checklists.model import Answer, AnswerBook, Checklist
from privaudit.cli.checklist_prompt import Session, ask, parse_answer
from tests.checklists.conftest import GOOD

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _signal() -> Checklist:
    return next(c for c in builtin_checklists() if c.id == "signal")


def _session(
    replies: list[str], saved: list[AnswerBook], lang: str = "en"
) -> tuple[Session, StringIO]:
    out = StringIO()
    feed: Iterator[str] = iter(replies)

    def read_line(prompt: str) -> str:
        out.write(prompt)
        try:
            return next(feed)
        except StopIteration:
            raise EOFError from None

    session = Session(
        console=Console(file=out, width=80, color_system=None, markup=False),
        read_line=read_line,
        save=saved.append,
        lang=lang,
        now=lambda: NOW,
        stale_after=timedelta(days=180),
    )
    return session, out


def test_help_invalid_skip_and_stop() -> None:
    saved: list[AnswerBook] = []
    session, out = _session(["?", "[bold]maybe", "y", "", "n", "q"], saved)
    book, stopped = ask(session, [_signal()], AnswerBook())
    text = out.getvalue()
    assert stopped
    assert "Why it matters: It stops anyone" in text
    assert "Please type y, n, u, a" in text
    assert "[bold]maybe" not in text  # input is never echoed back as markup or text
    assert [len(b) for b in saved] == [1, 2]  # saved after every answer
    assert book.get("signal", "registration-lock").answer is Answer.YES  # type: ignore[union-attr]
    assert book.get("signal", "pin") is None  # skipped
    assert book.get("signal", "linked-devices").answer is Answer.NO  # type: ignore[union-attr]
    assert "Question 1 of 8" in text
    assert "━" in text  # the progress bar
    assert "─" in text


def test_end_of_input_stops_and_redo_asks_again() -> None:
    saved: list[AnswerBook] = []
    session, _ = _session(["y"] * 8, saved)
    book, stopped = ask(session, [_signal()], AnswerBook())
    assert not stopped
    assert len(book) == 8
    session, out = _session([], saved)
    _, stopped = ask(session, [_signal()], book)
    assert not stopped
    assert "Every question has a fresh answer" in out.getvalue()
    session, out = _session(["n"], saved)
    again, stopped = ask(session, [_signal()], book, redo=True)
    assert stopped  # end of input after one answer
    assert again.get("signal", "registration-lock").answer is Answer.NO  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("Y", "en", Answer.YES),
        ("  not   sure ", "en", Answer.UNSURE),
        ("n/a", "en", Answer.NOT_APPLICABLE),
        ("sí", "es", Answer.YES),
        ("no sé", "es", Answer.UNSURE),
        ("s", "en", None),
        ("?", "es", "help"),
        ("", "en", "skip"),
        ("Q", "en", "stop"),
    ],
)
def test_parse_answer(line: str, lang: str, expected: object) -> None:
    assert parse_answer(line, lang) == expected


def test_a_no_shows_the_fix_at_once_and_a_resume_keeps_the_real_position() -> None:
    signal = _signal()
    first = signal.items[0]
    saved: list[AnswerBook] = []
    session, out = _session(["n", "y", "q"], saved)
    book, stopped = ask(session, [signal], AnswerBook())
    text = out.getvalue()
    assert stopped
    fix_at = text.index("How to check and fix:")
    assert text.index(first.fix.get("en")[:40]) > fix_at
    assert fix_at < text.index("Question 2 of 8")  # right after the "no", before moving on
    assert text.count("How to check and fix:") == 1  # a "yes" shows no fix
    session, out = _session(["q"], saved)
    ask(session, [signal], book)
    assert "Question 3 of 8" in out.getvalue()  # not "Question 1 of 6"


def test_a_spanish_session_is_spanish_and_names_what_is_not() -> None:
    own, problems = validate_bytes(GOOD.encode(), "acme.toml", "acme.toml")
    assert own is not None, problems
    saved: list[AnswerBook] = []
    session, out = _session(["s", "q"], saved, lang="es")
    ask(session, [own, _signal()], AnswerBook())
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    assert lines[0] == (
        "ACME intranet todavía no está traducido al español, así que lo ves en inglés."
    )
    assert "Pregunta 1 de 10" in lines[1]
    assert lines[2] == "Do you get an alert when someone signs in from a new device?"
    assert "[s] sí  [n] no" in out.getvalue()
    assert "¿Tienes activado el inicio de sesión en dos pasos?" in out.getvalue()
    assert "Listo por ahora." in out.getvalue()
