"""`privaudit password check`: strength and breach status of passwords typed at a
hidden prompt or piped one per line; never taken from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

STDIN_HELP = "Read passwords from stdin, one a line (for scripts); no prompt."


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help="Check passwords you type, without storing them.", no_args_is_help=True
    )
    app.add_typer(group, name="password")

    @group.command("check")
    def check(
        password_stdin: Annotated[bool, typer.Option("--password-stdin", help=STDIN_HELP)] = False,
        site: Annotated[
            str | None,
            typer.Option(help="The site the password is for (its name counts against it)."),
        ] = None,
        username: Annotated[str | None, typer.Option(help="Your username on that site.")] = None,
        config: Annotated[Path | None, typer.Option("--config", "-c", help="Config TOML.")] = None,
        offline: Annotated[bool, typer.Option("--offline", help="Use no network at all.")] = False,
        pwned_api_url: Annotated[
            str | None, typer.Option("--pwned-api-url", help="Range API base URL (a mirror).")
        ] = None,
        pwned_corpus: Annotated[
            Path | None, typer.Option("--pwned-corpus", help="Offline breach corpus or index.")
        ] = None,
        no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the cache.")] = False,
        allow_insecure_url: Annotated[
            bool,
            typer.Option("--allow-insecure-url", help="Accept a plain http:// mirror elsewhere."),
        ] = False,
    ) -> int:
        """Exit 0 if every password passed, 1 if one is breached or too weak, 3 if the
        breach status of one is unknown."""
        from privaudit.cli.password_run import run_password_check  # noqa: PLC0415
        from privaudit.pipeline.request import PasswordCheckRequest  # noqa: PLC0415

        request = PasswordCheckRequest(
            config=config,
            site=site,
            username=username,
            offline=offline,
            pwned_api_url=pwned_api_url,
            pwned_corpus=pwned_corpus,
            no_cache=no_cache,
            allow_insecure_url=allow_insecure_url,
        )
        return run_password_check(env, request, password_stdin=password_stdin)
