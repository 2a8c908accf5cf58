"""What the workshop's end offers in real mode: the anonymous share file for the
trainer (`privaudit audit --share`'s document) and, once it lands, the take-home
page of the plan."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from privaudit.classroom.output import share_report
from privaudit.errors import PrivauditError
from privaudit.i18n import Domain
from privaudit.model import Report
from privaudit.workshop.session import Terminal

_ = Domain("workshop").gettext

TakeHome = Callable[[Report, Path, str], None]


def take_home_writer() -> TakeHome | None:
    """The printable plan page (issue 13, point 3: `privaudit.handout.plan.write_plan`),
    or None while it is not part of privaudit: then the end does not offer it."""
    return None


def _ask_path(term: Terminal, prompt: str) -> Path | None:
    try:
        name = term.ask(prompt).strip()
    except EOFError:
        return None
    return Path(name).expanduser() if name else None


def _write_share(term: Terminal, report: Report, path: Path, code: str | None) -> bool:
    try:
        term.say(share_report(report, path, code))
    except PrivauditError as exc:  # a name that is not a new file or a share file
        term.say(str(exc))
        return False
    return True


def _offer_take_home(term: Terminal, report: Report, writer: TakeHome) -> None:
    path = _ask_path(term, _("File name for your plan to print, e.g. plan.html (Enter skips): "))
    if path is None:
        return
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "html"
    try:
        writer(report, path, fmt)
    except PrivauditError as exc:
        term.say(str(exc))
        return
    term.say(_("Your plan is in {path}.").format(path=path))


def offer(report: Report, share: Path | None, code: str | None) -> Callable[[Terminal], None]:
    """The end of a real session: the share file (asked for, unless --share named it)."""

    def finish(term: Terminal) -> None:
        term.say()
        writer = take_home_writer()
        if writer is not None:
            _offer_take_home(term, report, writer)
        if share is not None:
            _write_share(term, report, share, code)
            return
        term.say(
            _(
                "Your trainer may ask for an anonymous summary: your score and how many"
                " checks passed. It has no names, sites or passwords."
            )
        )
        prompt = _("File name for the summary (Enter skips): ")
        while (path := _ask_path(term, prompt)) is not None:
            if _write_share(term, report, path, code):
                break

    return finish
