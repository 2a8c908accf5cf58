"""`privaudit mfa set` (declare second factors) and `privaudit mfa verify` (check an app)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

from privaudit.cli import mfa_verify


def _domains_for(service: str) -> tuple[str, ...]:
    """A domain typed as the service, or the domains of the dataset service of that name."""
    from privaudit.accounts import Account, host_of  # noqa: PLC0415
    from privaudit.config import load_settings  # noqa: PLC0415
    from privaudit.tfa.match import Directory  # noqa: PLC0415
    from privaudit.tfa.store import choose_dataset  # noqa: PLC0415

    text = service.strip()
    if "." in text and " " not in text:
        host = host_of(text)
        return (host,) if host else ()
    dataset, _ = choose_dataset(load_settings().tfa)
    match = Directory(dataset).match(Account(label=text))
    return match.service.domains if match else ()


def _ask_recovery(env: Environment, service: str) -> bool | None:
    if not env.stdin_isatty:
        return None
    answer = typer.prompt(
        f"Are the recovery codes for {service} stored somewhere safe? [yes/no/skip]",
        default="skip",
        show_default=False,
    )
    return {"yes": True, "y": True, "no": False, "n": False}.get(answer.strip().lower())


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help="Declare and check second factors (2FA) an export cannot show.",
        no_args_is_help=True,
    )
    app.add_typer(group, name="mfa")

    @group.command("set")
    def set_methods(
        service: Annotated[str, typer.Argument(help="Service name or domain, e.g. Instagram.")],
        methods: Annotated[
            list[str],
            typer.Argument(
                help="Methods on: passkey, hardware-key, totp, push, email, sms, call, "
                "custom-software, custom-hardware, or none."
            ),
        ],
        recovery_codes: Annotated[
            str | None,
            typer.Option(
                "--recovery-codes", help="Recovery codes stored somewhere safe? yes or no."
            ),
        ] = None,
    ) -> None:
        """Record which second factors an account uses (stored in your data dir)."""
        from datetime import UTC, datetime  # noqa: PLC0415

        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.text import sanitize  # noqa: PLC0415
        from privaudit.tfa.declarations import (  # noqa: PLC0415
            Declaration,
            declarations_path,
            parse_methods,
            save_declaration,
        )

        label = sanitize(service)
        if not label:
            raise UsageError("mfa set: give the service name, e.g. privaudit mfa set Instagram sms")
        parsed = parse_methods(methods)
        recovery: bool | None
        if recovery_codes is None:
            recovery = _ask_recovery(env, label)
        elif recovery_codes.strip().lower() in ("yes", "y", "true"):
            recovery = True
        elif recovery_codes.strip().lower() in ("no", "n", "false"):
            recovery = False
        else:
            raise UsageError("--recovery-codes takes yes or no")
        declaration = Declaration(label, parsed, _domains_for(label), recovery)
        save_declaration(declaration, now=datetime.now(UTC))
        answer = {True: "stored safely", False: "not stored", None: "not answered"}[recovery]
        env.echo(
            f"recorded for {label}: {', '.join(sorted(m.value for m in parsed))}"
            f" (recovery codes: {answer}) in {declarations_path()}"
        )

    @group.command("verify")
    def verify(
        accounts: Annotated[
            list[str] | None,
            typer.Option("--accounts", "-a", help="An export holding the TOTP seed. Repeatable."),
        ] = None,
        account: Annotated[
            str | None,
            typer.Option("--account", help="Which account (name or domain) when several."),
        ] = None,
        seed_prompt: Annotated[
            bool,
            typer.Option("--seed-prompt", help="Type or paste the seed/otpauth URI (hidden)."),
        ] = False,
        show_code: Annotated[
            bool, typer.Option("--show-code", help="Echo the code as you type it.")
        ] = False,
        source_format: Annotated[
            str | None, typer.Option(help="Format of the --accounts export.")
        ] = None,
        config: Annotated[Path | None, typer.Option("--config", "-c", help="Config TOML.")] = None,
    ) -> int:
        """Type the code your authenticator app shows; privaudit checks the app is set up right."""
        return mfa_verify.run(
            env,
            exports=tuple(accounts or ()),
            account=account,
            seed_prompt=seed_prompt,
            show_code=show_code,
            source_format=source_format,
            config=config,
        )
