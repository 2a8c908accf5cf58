"""What the class server tells the trainer in the terminal, in the class's language."""

from __future__ import annotations

from pathlib import Path

from privaudit.classserver import codes
from privaudit.classserver.collection import Outcome
from privaudit.i18n import Domain

_d = Domain("classserver")
_ = _d.gettext


def share_command(url: str, code: str) -> str:
    return f"privaudit audit --share-to {url} --code {codes.display(code)}"


def banner(code: str, url: str) -> list[str]:
    return [
        _("Class server started. Join code: {code}").format(code=codes.display(code)),
        "",
        _("Learners share their results with:"),
        "    " + share_command(url, code),
        _("The class page (it updates as results arrive): {url}").format(url=url),
        "",
    ]


def footer(folder: Path) -> list[str]:
    return [
        "",
        _(
            "Results are kept in {folder} (only the shared documents: no names, no addresses)."
        ).format(folder=folder),
        _("Press Ctrl-C to stop."),
    ]


def everywhere(address: str) -> str:
    return _(
        "Warning: listening on every network of this machine ({address}), not only the"
        " classroom's: anyone who can reach it can see the class page."
    ).format(address=address)


def loopback() -> str:
    return _(
        "No network found: serving on this machine only (127.0.0.1). To serve a room,"
        " join its network, or give this machine's address with --bind."
    )


def received(outcome: Outcome, learners: int, after: int) -> str:
    if outcome is Outcome.BEFORE:
        line = _("A first result arrived.")
    else:
        line = _("A last result arrived.")
    total = _d.ngettext(
        "{n} learner so far, {after} with a last result.",
        "{n} learners so far, {after} with a last result.",
        learners,
    ).format(n=learners, after=after)
    return f"{line} {total}"


def stopped(documents: int, folder: Path | None) -> str:
    if folder is None or not documents:
        return _("Class server stopped. No results were shared.")
    saved = _d.ngettext(
        "Class server stopped. {n} result is saved in {folder}.",
        "Class server stopped. {n} results are saved in {folder}.",
        documents,
    )
    return saved.format(n=documents, folder=folder)


def summarise(folder: Path) -> str:
    return _("Make the class summary with: {command}").format(
        command=f"privaudit class summary {folder}/*.json --format html --output class.html"
    )


def port_in_use(port: int) -> str:
    return _("port {port} is in use: choose another one with --port").format(port=port)


def not_here(address: str) -> str:
    return _(
        "--bind {address}: this machine has no such address; leave --bind out to use"
        " the classroom network"
    ).format(address=address)


def cannot_listen(address: str, port: int, reason: str) -> str:
    return _("cannot listen on {address} port {port}: {reason}").format(
        address=address, port=port, reason=reason
    )


def share_needs() -> str:
    return _(
        "--share-to and --code go together: give the class server's address and the"
        " join code your trainer shows"
    )
