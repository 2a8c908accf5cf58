"""`privaudit class serve`: wiring only (privaudit/classserver/)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.cli.lang import LangOption

if TYPE_CHECKING:
    from privaudit.cli.env import Environment


def class_group(app: typer.Typer) -> typer.Typer:
    """The `class` command group (summary and serve)."""
    group = typer.Typer(
        help="Workshops: collect anonymous results from a room and summarise them.",
        no_args_is_help=True,
    )
    app.add_typer(group, name="class")
    return group


def register(group: typer.Typer, env: Environment) -> None:
    @group.command("serve")
    def serve(
        bind: Annotated[
            str | None,
            typer.Option(
                "--bind",
                metavar="ADDR",
                help="Address to listen on (default: this machine's address on the network"
                " of its default route, else 127.0.0.1; 0.0.0.0 only if you give it).",
            ),
        ] = None,
        port: Annotated[
            int, typer.Option("--port", min=0, max=65535, help="Port (0: any free one).")
        ] = 8765,
        lang: LangOption = None,
        folder: Annotated[
            Path | None,
            typer.Option(
                "--save",
                metavar="DIR",
                help="Folder for the results (default: privaudit-class-DAY-CODE here).",
            ),
        ] = None,
    ) -> None:
        """Collect learners' share documents over the LAN and show a live class page."""
        from privaudit.cli.classserve_run import serve_class  # noqa: PLC0415

        serve_class(env, bind=bind, port=port, lang=lang, folder=folder)
