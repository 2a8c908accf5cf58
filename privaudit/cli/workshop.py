"""`privaudit workshop` (the guided session) and `privaudit workshop deck` (the slides)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

LANG_HELP = "Language of the lesson: en or es (default: your locale)."


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help=(
            "A guided lesson for beginners, offline and at your pace: Enter goes on, b goes"
            " back, q stops (the next run offers to resume). 'workshop deck' writes its slides."
        ),
        invoke_without_command=True,
    )
    app.add_typer(group, name="workshop")

    @group.callback()
    def session(
        ctx: typer.Context,
        lang: Annotated[str | None, typer.Option("--lang", metavar="en|es", help=LANG_HELP)] = None,
        practice: Annotated[
            bool,
            typer.Option(
                "--practice", help="Use the bundled fake data only; no real secret is asked for."
            ),
        ] = False,
        accounts: Annotated[
            list[str] | None,
            typer.Option(
                "--accounts", "-a", metavar="FILE", help="Your password-manager export. Repeatable."
            ),
        ] = None,
        config: Annotated[
            Path | None, typer.Option("--config", "-c", metavar="FILE", help="Profile/config TOML.")
        ] = None,
        online: Annotated[
            bool,
            typer.Option(
                "--online",
                help="Look your passwords up in Pwned Passwords online (only 5 characters of"
                " each hash leave). Without it the workshop uses no network at all.",
            ),
        ] = False,
        pwned_corpus: Annotated[
            Path | None,
            typer.Option("--pwned-corpus", metavar="FILE", help="Offline breach corpus or index."),
        ] = None,
        share: Annotated[
            Path | None,
            typer.Option(
                "--share",
                metavar="FILE",
                help="At the end, write the anonymous summary for your class here (as"
                " 'audit --share'); without it, the end asks.",
            ),
        ] = None,
        code: Annotated[
            str | None,
            typer.Option("--code", metavar="CODE", help="The class code your trainer gave."),
        ] = None,
    ) -> int | None:
        """Learn, one step at a time: Enter to go on, b to go back, q to stop (and resume)."""
        if ctx.invoked_subcommand is not None:
            return None
        from privaudit.cli.workshop_run import SessionRequest, run_workshop  # noqa: PLC0415

        return run_workshop(
            env,
            SessionRequest(
                lang=lang,
                practice=practice,
                exports=tuple(accounts or ()),
                config=config,
                offline=not online,
                pwned_corpus=pwned_corpus,
                share=share,
                code=code,
            ),
        )

    @group.command("deck")
    def deck(
        output: Annotated[
            Path,
            typer.Option(
                "--output", "-o", metavar="FILE", help="The HTML file to write (e.g. deck.html)."
            ),
        ],
        lang: Annotated[str | None, typer.Option("--lang", metavar="en|es", help=LANG_HELP)] = None,
    ) -> int:
        """Write the lesson as one offline HTML slide deck: arrow keys move, n shows notes."""
        from privaudit.cli.workshop_run import write_deck  # noqa: PLC0415

        return write_deck(env, output, lang)
