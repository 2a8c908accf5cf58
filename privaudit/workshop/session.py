"""The paced session: one step at a time, Enter to go on, b back, q to stop.

The session talks to the learner only through a `Terminal` (the CLI's, or a
test's), and to the rest of privaudit only through a `Setup` the CLI builds:
the figures of the data at hand, the one-password check of real mode, and
what the end offers. The place is saved at every step, so quitting (or a
closed laptop) loses nothing; a typed password is never kept or shown.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

from privaudit.i18n import Domain, format_number
from privaudit.model import Status
from privaudit.workshop import state
from privaudit.workshop.content import intro, step_lines
from privaudit.workshop.figures import Figures, crack_time, strength_word
from privaudit.workshop.lesson import OBJECTIVES, STEPS, SUBTITLE, TITLE, Step

_d = Domain("workshop")
_ = _d.gettext
ngettext = _d.ngettext


class Terminal(Protocol):
    width: int

    def say(self, text: str = "") -> None: ...

    def ask(self, prompt: str) -> str:
        """A line typed by the learner; EOFError when input ends."""
        ...

    def ask_hidden(self, prompt: str) -> str: ...


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the one-password check tells the learner: nothing that is the password."""

    score: int
    guesses_log10: float
    seen: int | None
    """Times in breach lists; None when it could not be checked."""
    status: Status = Status.ERROR
    """PW101's verdict (the report's); ERROR when it did not run: never "strong"."""


@dataclass(frozen=True)
class Setup:
    figures: Figures
    practice: bool
    incomplete: bool = False
    check_password: Callable[[str], Verdict] | None = None
    """Real mode only: practice mode never asks for a secret."""
    finish: Callable[[Terminal], None] | None = None
    """What the end offers (the take-home page, the anonymous share file)."""


class Outcome(Enum):
    FINISHED = "finished"
    STOPPED = "stopped"


def _keys() -> tuple[set[str], set[str]]:
    # TRANSLATORS: the one-letter keys to go back and to stop (b and q stay valid too).
    back, stop = _("b"), _("q")
    return {"b", back.lower()}, {"q", stop.lower()}


def paragraph(term: Terminal, text: str, indent: str = "") -> None:
    """Text wrapped at the learner's width, between words (the terminal would cut them)."""
    width = max(40, term.width - 2)
    # Paths, commands and --options stay whole, to be copied.
    wrapped = textwrap.fill(
        text,
        width,
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )
    term.say(wrapped)


def _resume_at(term: Terminal, practice: bool) -> int:
    saved = state.load_step(practice, len(STEPS))
    if saved is None or saved == 1:
        return 0
    prompt = _("Resume at step {n} of {total}? [Y/n] ").format(n=saved, total=len(STEPS))
    try:
        reply = term.ask(prompt).strip().lower()
    except EOFError:
        reply = ""
    return 0 if reply in ("n", _("n").lower()) else saved - 1


def _verdict_lines(verdict: Verdict) -> list[str]:
    lines = [
        _("How strong: {word}. Time to guess it: {time}.").format(
            word=strength_word(verdict.status, verdict.score),
            time=crack_time(verdict.guesses_log10),
        )
    ]
    if verdict.status is Status.WARN:  # PW101: short for a password with no second step
        lines.append(_("Make it longer, or turn on 2-step login for this account."))
    if verdict.seen is None:
        lines.append(_("Breach lists: could not check now, so this is not a pass."))
    elif verdict.seen:
        lines.append(
            ngettext(
                "Breach lists: seen {n} time. Change it everywhere you use it.",
                "Breach lists: seen {n} times. Change it everywhere you use it.",
                verdict.seen,
            ).format(n=format_number(verdict.seen))
        )
    else:
        lines.append(_("Breach lists: not found."))
    return lines


def _check_one(term: Terminal, check: Callable[[str], Verdict]) -> None:
    term.say()
    typed = term.ask_hidden(_("Type a password to check (it stays hidden; Enter skips): "))
    if not typed:
        return
    verdict = check(typed)
    del typed  # the verdict holds no trace of it
    for line in _verdict_lines(verdict):
        paragraph(term, line, "  ")


def show_step(term: Terminal, setup: Setup, index: int) -> None:
    step: Step = STEPS[index]
    term.say()
    term.say(
        _("Step {n} of {total}: {title}").format(n=index + 1, total=len(STEPS), title=_(step.title))
    )
    term.say()
    for text in step.text:
        paragraph(term, _(text))
    extra = step_lines(step, setup.figures, practice=setup.practice, incomplete=setup.incomplete)
    if extra:
        term.say()
        for line in extra:
            if "   " in line.strip():  # a table row: its columns line up, unwrapped
                term.say(line.rstrip())
                continue
            # "  - item" lines keep their indent when wrapped.
            body = line.lstrip(" -")
            paragraph(term, body, line[: len(line) - len(body)])
    if step.key == "check" and setup.check_password is not None:
        _check_one(term, setup.check_password)
    term.say()
    paragraph(term, _("Do this now: {action}").format(action=_(step.action)))


def _welcome(term: Terminal, practice: bool) -> None:
    term.say(_(TITLE))
    paragraph(term, _(SUBTITLE))
    paragraph(term, intro(practice))
    term.say()
    term.say(_("By the end, you will be able to:"))
    for objective in OBJECTIVES:
        paragraph(term, "- " + _(objective), "")


def _pace(term: Terminal) -> str:
    """'next', 'back' or 'stop'."""
    back, stop = _keys()
    prompt = _("[Enter] next   [{back}] back   [{stop}] stop: ").format(back=_("b"), stop=_("q"))
    while True:
        try:
            reply = term.ask(prompt).strip().lower()
        except EOFError:
            return "stop"
        if not reply:
            return "next"
        if reply in back:
            return "back"
        if reply in stop:
            return "stop"
        term.say(
            _("Press Enter to go on, {back} to go back or {stop} to stop.").format(
                back=_("b"), stop=_("q")
            )
        )


def run_session(term: Terminal, setup: Setup) -> Outcome:
    index = _resume_at(term, setup.practice)
    if index == 0:
        _welcome(term, setup.practice)
    while True:
        state.save_step(setup.practice, index + 1)
        show_step(term, setup, index)
        move = _pace(term)
        if move == "stop":
            term.say(
                _("Stopped at step {n} of {total}. Run the same command to go on.").format(
                    n=index + 1, total=len(STEPS)
                )
            )
            return Outcome.STOPPED
        if move == "back":
            index = max(0, index - 1)
        elif index + 1 < len(STEPS):
            index += 1
        else:
            break
    if setup.finish is not None:
        setup.finish(term)
    state.clear(setup.practice)
    term.say()
    paragraph(term, _("Well done. You can run this again at any time."))
    return Outcome.FINISHED
