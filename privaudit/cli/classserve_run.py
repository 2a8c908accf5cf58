"""The class server's run: print how to join, serve until Ctrl-C, say where the results are."""

from __future__ import annotations

import contextlib
from pathlib import Path

from privaudit.classserver import messages
from privaudit.classserver.address import check_bind
from privaudit.classserver.collection import Outcome
from privaudit.classserver.qr import qr_lines
from privaudit.classserver.session import Session, open_session
from privaudit.cli.env import Environment
from privaudit.cli.lang import choose_flag
from privaudit.i18n import current_language


def serve_class(
    env: Environment, *, bind: str | None, port: int, lang: str | None, folder: Path | None
) -> None:
    choose_flag(env, lang)  # the page and these lines: --lang, else the locale
    language = current_language()
    address = check_bind(bind) if bind is not None else None

    def on_accept(outcome: Outcome, learners: int, after: int) -> None:
        env.info(messages.received(outcome, learners, after))

    session = open_session(
        bind=address, port=port, lang=language, folder=folder, on_accept=on_accept
    )
    server = session.server
    try:
        # Ctrl-C is how a trainer ends the class, whenever it comes: not an error.
        with contextlib.suppress(KeyboardInterrupt):
            _announce(env, session)
            server.serve_forever(poll_interval=0.2)
    finally:
        server.collection.close()  # a document being written is finished first
        server.server_close()
    written = session.folder.written
    env.echo(messages.stopped(written, session.folder.path))
    if written:
        env.echo(messages.summarise(session.folder.path))


def _announce(env: Environment, session: Session) -> None:
    for line in session.announce:
        env.info(line)
    for line in messages.banner(session.server.options.code, session.url):
        env.echo(line)
    for line in qr_lines(session.url, colour=env.wants_color()):
        env.echo(line)
    for line in messages.footer(session.folder.path):
        env.echo(line)
