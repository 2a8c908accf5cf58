"""The typer application. Command modules are imported here but keep their heavy
imports inside the commands, so `privaudit --help` starts fast."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from privaudit import __version__


def _version(value: bool) -> None:
    if value:
        typer.echo(f"privaudit {__version__}")
        raise typer.Exit(0)


def build_app() -> typer.Typer:
    from privaudit.cli import (  # noqa: PLC0415
        audit,
        cache,
        checklist,
        checks,
        data,
        history,
        incident,
        media,
        mfa,
        password,
        pwned_data,
        report,
        sources,
    )

    app = typer.Typer(
        name="privaudit",
        help=(
            "Audit your passwords, breaches, 2FA and privacy settings, on your own machine. "
            "Passwords never leave it; breach lookups send only a 5-character hash prefix."
        ),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        rich_markup_mode=None,
    )

    @app.callback()
    def root(
        version: Annotated[
            bool,
            typer.Option(
                "--version", callback=_version, is_eager=True, help="Show the version and exit."
            ),
        ] = False,
    ) -> None:
        """privaudit: privacy-hygiene audits that never leak what they audit."""

    audit.register(app)
    checks.register(app)
    sources.register(app)
    data.register(app)
    mfa.register(app)
    report.register(app)
    history.register(app)
    checklist.register(app)
    password.register(app)
    cache.register(app)
    pwned_data.register(app)
    media.register(app)
    incident.register(app)
    return app


def build_command() -> Any:
    return typer.main.get_command(build_app())
