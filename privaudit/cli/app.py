"""The typer application. Command modules are imported here but keep their heavy
imports inside the commands, so `privaudit --help` starts fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from privaudit import __version__
from privaudit.cli.lang import LangOption, choose_flag

if TYPE_CHECKING:
    from privaudit.cli.env import Environment


def _version(value: bool) -> None:
    if value:
        typer.echo(f"privaudit {__version__}")
        raise typer.Exit(0)


def build_app(env: Environment) -> typer.Typer:
    from privaudit.cli import (  # noqa: PLC0415
        audit,
        cache,
        checklist,
        checks,
        classroom,
        classserve,
        data,
        handout,
        history,
        incident,
        media,
        mfa,
        password,
        pwned_data,
        report,
        sources,
        workshop,
    )

    app = typer.Typer(
        name="privaudit",
        help=(
            "Audit your passwords, breaches, 2FA and privacy settings, on your own machine. "
            "Passwords never leave it; breach lookups send only a 5-character hash prefix."
        ),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=True,  # typer's own --install-completion and --show-completion
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
        lang: LangOption = None,
    ) -> None:
        """privaudit: privacy-hygiene audits that never leak what they audit."""
        choose_flag(env, lang)

    audit.register(app, env)
    checks.register(app, env)
    sources.register(app, env)
    data.register(app, env)
    mfa.register(app, env)
    report.register(app, env)
    history.register(app, env)
    checklist.register(app, env)
    password.register(app, env)
    cache.register(app, env)
    pwned_data.register(app, env)
    media.register(app, env)
    incident.register(app, env)
    group = classserve.class_group(app)
    classroom.register(group, env)
    classserve.register(group, env)
    workshop.register(app, env)
    handout.register(app, env)
    return app


def build_command(env: Environment) -> Any:
    return typer.main.get_command(build_app(env))
