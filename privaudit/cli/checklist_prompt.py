"""Asking checklist questions one at a time, saving after every answer."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from rich.console import Console
from rich.text import Text

from privaudit.checklists.model import (
    Answer,
    AnswerBook,
    Audience,
    Checklist,
    Freshness,
    Item,
    Recorded,
    freshness,
)
from privaudit.checklists.texts import _, language_notice, ngettext
from privaudit.i18n import use_language

_WORDS = {
    "y": Answer.YES,
    "yes": Answer.YES,
    "n": Answer.NO,
    "no": Answer.NO,
    "u": Answer.UNSURE,
    "unsure": Answer.UNSURE,
    "not sure": Answer.UNSURE,
    "a": Answer.NOT_APPLICABLE,
    "na": Answer.NOT_APPLICABLE,
    "n/a": Answer.NOT_APPLICABLE,
    "-": Answer.NOT_APPLICABLE,
}
_WORDS_ES = {
    "s": Answer.YES,
    "si": Answer.YES,
    "sí": Answer.YES,
    "no sé": Answer.UNSURE,
    "no se": Answer.UNSURE,
    "no aplica": Answer.NOT_APPLICABLE,
}
HELP = frozenset({"?", "h", "help", "ayuda"})
STOP = frozenset({"q", "quit", "stop", "salir", "parar"})


def choices() -> str:
    # TRANSLATORS: the letters are the answers parse_answer accepts in your language.
    return _(
        "[y] yes  [n] no  [u] not sure  [a] not applicable  [?] why & how  [Enter] skip  [q] stop"
    )


def offer_text(names: str, count: int) -> str:
    return ngettext(
        "Your accounts include {names}. Some of their privacy settings cannot be read by a"
        " tool. Answer {count} question about them now? You can stop at any time.",
        "Your accounts include {names}. Some of their privacy settings cannot be read by a"
        " tool. Answer {count} questions about them now? You can stop at any time.",
        count,
    ).format(names=names, count=count)


def offer_choices() -> str:
    # TRANSLATORS: the yes letter of your language, as parse_answer accepts it.
    return _("[y/N] ")


def parse_answer(line: str, lang: str) -> Answer | str | None:
    """An Answer, 'help', 'stop', 'skip', or None when the input means nothing."""
    word = " ".join(line.strip().lower().split())
    if not word:
        return "skip"
    if word in HELP:
        return "help"
    if word in STOP:
        return "stop"
    if lang == "es" and word in _WORDS_ES:
        return _WORDS_ES[word]
    return _WORDS.get(word)


@dataclass
class Session:
    console: Console
    read_line: Callable[[str], str]
    save: Callable[[AnswerBook], object]
    lang: str
    now: Callable[[], datetime]
    stale_after: timedelta


def pending_items(
    checklists: Sequence[Checklist],
    book: AnswerBook,
    now: datetime,
    stale_after: timedelta,
    *,
    redo: bool = False,
) -> list[tuple[Checklist, Item]]:
    return [
        (cl, item)
        for cl in checklists
        for item in cl.items
        if redo or freshness(book.get(cl.id, item.id), now, stale_after) is not Freshness.FRESH
    ]


def _stopped() -> str:
    return _("Stopped. Your answers are saved: run the same command to go on.")


def _bar(done: int, total: int, width: int = 20) -> str:
    filled = round(width * done / total) if total else width
    return "━" * filled + "─" * (width - filled)


def _explain(s: Session, item: Item) -> None:
    s.console.print(Text(_("Why it matters: ") + item.why.get(s.lang), style="italic"))
    _show_fix(s, item)


def _all_items(checklists: Sequence[Checklist]) -> list[tuple[Checklist, Item]]:
    return [(cl, item) for cl in checklists for item in cl.items]


def _show_fix(s: Session, item: Item) -> None:
    s.console.print(Text(_("How to check and fix:"), style="bold"))
    s.console.print(Text(item.fix.get(s.lang)))
    if item.link:
        s.console.print(Text(_("Settings: ") + item.link, style="cyan"))


def ask(
    s: Session, checklists: Sequence[Checklist], book: AnswerBook, *, redo: bool = False
) -> tuple[AnswerBook, bool]:
    """Ask every pending question; return the new book and whether the user stopped.

    Everything it prints is in the session's language, the questions and the words around them.
    """
    with use_language(s.lang):
        return _ask(s, checklists, book, redo=redo)


def _ask(
    s: Session, checklists: Sequence[Checklist], book: AnswerBook, *, redo: bool
) -> tuple[AnswerBook, bool]:
    notice = language_notice(checklists, s.lang)
    if notice:
        s.console.print(Text(notice, style="yellow"))
    todo = pending_items(checklists, book, s.now(), s.stale_after, redo=redo)
    if not todo:
        s.console.print(
            Text(
                _("Every question has a fresh answer (add --redo to answer them again)."),
                style="green",
            )
        )
        return book, False
    answered = 0
    # Positions count every question of the chosen platforms, so a resumed run says
    # "Question 5 of 22", not "1 of 18": the user sees where they really are.
    positions = {(cl.id, item.id): i for i, (cl, item) in enumerate(_all_items(checklists), 1)}
    total = len(positions)
    for cl, item in todo:
        n = positions[(cl.id, item.id)]
        header = _("Question {n} of {total}").format(n=n, total=total)
        s.console.print()
        s.console.print(
            Text.assemble(
                (f"{_bar(n - 1, total)} {header}", "dim"), "  ", (cl.name.get(s.lang), "bold")
            )
        )
        s.console.print(Text(item.question.get(s.lang), style="bold"))
        if item.audience is Audience.CREATORS:
            s.console.print(Text(_("For public accounts and creators."), style="dim"))
        s.console.print(Text(choices(), style="dim"))
        while True:
            try:
                line = s.read_line(_("Answer: "))
            except EOFError:
                line = "q"
            except KeyboardInterrupt:
                # Every answer is already saved; say so, then let the CLI exit 130.
                s.console.print()
                s.console.print(Text(_stopped(), style="bold"))
                raise
            choice = parse_answer(line, s.lang)
            if choice == "help":
                _explain(s, item)
                continue
            if choice is None:
                s.console.print(
                    Text(
                        _("Please type y, n, u, a, ? or q (or press Enter to skip)."),
                        style="yellow",
                    )
                )
                continue
            break
        if choice == "stop":
            s.console.print(Text(_stopped(), style="bold"))
            return book, True
        if isinstance(choice, Answer):
            book = book.with_answer(
                cl.id, item.id, Recorded(choice, s.now().replace(microsecond=0))
            )
            s.save(book)  # after every answer: stopping loses nothing
            answered += 1
            if choice is Answer.NO:  # the fix while the setting is on the user's mind
                _show_fix(s, item)
    left = len(todo) - answered
    done = _("Done: {answered} answered, {left} left for later.")
    s.console.print(Text(done.format(answered=answered, left=left), style="green"))
    return book, False
