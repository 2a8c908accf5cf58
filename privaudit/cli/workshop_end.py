"""What the workshop's end offers in real mode: the take-home page of the plan
(`privaudit report plan`'s page) and the anonymous share file for the trainer
(`privaudit audit --share`'s document)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from privaudit.classroom.output import share_report
from privaudit.errors import PrivauditError
from privaudit.handout.plan import write_plan
from privaudit.i18n import Domain
from privaudit.model import Report
from privaudit.workshop.session import Terminal, paragraph

_ = Domain("workshop").gettext


def _ask_path(term: Terminal, prompt: str) -> Path | None:
    try:
        name = term.ask(prompt).strip()
    except EOFError:
        return None
    return Path(name).expanduser() if name else None


def _write_share(term: Terminal, report: Report, path: Path, code: str | None) -> bool:
    try:
        said = share_report(report, path, code)
    except PrivauditError as exc:  # a name that is not a new file or a share file
        paragraph(term, str(exc))
        return False
    paragraph(term, said)  # a path is kept whole, on a line of its own if need be
    return True


def _offer_take_home(term: Terminal, report: Report) -> None:
    path = _ask_path(term, _("File name for your plan to print, e.g. plan.html (Enter skips): "))
    if path is None:
        return
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "html"
    try:
        write_plan(report, path, fmt)
    except PrivauditError as exc:
        paragraph(term, str(exc))
        return
    term.say(_("Your plan is in {path}.").format(path=path))


def offer(report: Report, share: Path | None, code: str | None) -> Callable[[Terminal], None]:
    """The end of a real session: the plan to print, then the share file (asked for,
    unless --share named it)."""

    def finish(term: Terminal) -> None:
        term.say()
        _offer_take_home(term, report)
        if share is not None:
            _write_share(term, report, share, code)
            return
        paragraph(
            term,
            _(
                "Your trainer may ask for an anonymous summary: your score and how many"
                " checks passed. It has no names, sites or passwords."
            ),
        )
        prompt = _("File name for the summary (Enter skips): ")
        while (path := _ask_path(term, prompt)) is not None:
            if _write_share(term, report, path, code):
                break

    return finish
