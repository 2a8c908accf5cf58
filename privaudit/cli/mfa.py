"""`privaudit mfa set` (declare second factors) and `privaudit mfa verify` (check an app)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.i18n import N_, _

if TYPE_CHECKING:
    from privaudit.accounts import Account
    from privaudit.cli.env import Environment
    from privaudit.tfa.declarations import Declaration
    from privaudit.tfa.match import Directory

from privaudit.cli import mfa_verify
from privaudit.tfa.methods import accepted_method_names


def _lookup(config: Path | None) -> tuple[list[Account], list[Declaration], Directory]:
    """What a declaration may attach to: profile accounts, declarations, the 2FA dataset."""
    from privaudit.config import load_settings  # noqa: PLC0415
    from privaudit.tfa.declarations import load_declarations  # noqa: PLC0415
    from privaudit.tfa.match import Directory  # noqa: PLC0415
    from privaudit.tfa.store import choose_dataset  # noqa: PLC0415

    settings = load_settings(config)
    dataset, _ = choose_dataset(settings.tfa)
    return list(settings.accounts), load_declarations(), Directory(dataset)


def _ask_recovery(env: Environment, service: str) -> bool | None:
    if not env.stdin_isatty:
        return None
    answer = typer.prompt(
        _("Are the recovery codes for {service} stored somewhere safe? [yes/no/skip]").format(
            service=service
        ),
        default="skip",
        show_default=False,
    )
    return {"yes": True, "y": True, "no": False, "n": False}.get(answer.strip().lower())


def _unmatched(declaration: Declaration) -> str:
    if declaration.domains:
        return _("logins on {domains} in the exports you audit").format(
            domains=", ".join(declaration.domains)
        )
    return _("no account or known service (--new)")


_YES_NO = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False}
_RECOVERY = {True: N_("stored safely"), False: N_("not stored"), None: N_("not answered")}


def register(app: typer.Typer, env: Environment) -> None:  # noqa: PLR0915  # one closure per command
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
            typer.Argument(help=f"Methods on: {accepted_method_names()}, or none."),
        ],
        recovery_codes: Annotated[
            str | None,
            typer.Option(
                "--recovery-codes", help="Recovery codes stored somewhere safe? yes or no."
            ),
        ] = None,
        new: Annotated[
            bool,
            typer.Option("--new", help="Declare a service no account or dataset entry matches."),
        ] = False,
        config: Annotated[Path | None, typer.Option("--config", "-c", help="Config TOML.")] = None,
        exports: Annotated[
            list[str] | None,
            typer.Option(
                "--accounts",
                "-a",
                help="An export holding the account (only its names are read). Repeatable.",
            ),
        ] = None,
        source_format: Annotated[
            str | None, typer.Option(help="Format of the --accounts export.")
        ] = None,
        kdbx_password_stdin: Annotated[
            bool, typer.Option(help="Read a KeePass database's password from stdin.")
        ] = False,
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
        from privaudit.tfa.targets import resolve  # noqa: PLC0415

        label = sanitize(service)
        if not label:
            raise UsageError(
                _("mfa set: give the service name, e.g. privaudit mfa set Instagram sms")
            )
        parsed = parse_methods(methods)
        if recovery_codes is not None and recovery_codes.strip().lower() not in _YES_NO:
            raise UsageError(_("--recovery-codes takes yes or no"))
        accounts, declarations, directory = _lookup(config)
        if exports:
            from privaudit.cli.mfa_exports import export_accounts  # noqa: PLC0415

            accounts += export_accounts(
                env,
                exports,
                source_format=source_format,
                kdbx_password_stdin=kdbx_password_stdin,
                directory=directory,
            )
        target = resolve(label, accounts, declarations, directory, allow_new=new)
        recovery: bool | None
        if recovery_codes is None:
            recovery = _ask_recovery(env, target.label)
        else:
            recovery = _YES_NO[recovery_codes.strip().lower()]
        declaration = Declaration(target.label, parsed, target.domains, recovery)
        save_declaration(declaration, now=datetime.now(UTC))
        answer = _(_RECOVERY[recovery])
        recorded = _(
            "recorded for {service}: {methods} (recovery codes: {recovery}); matches {matched};"
            " in {path}"
        )
        env.echo(
            recorded.format(
                service=target.label,
                methods=", ".join(sorted(m.value for m in parsed)),
                recovery=answer,
                matched=target.matched,
                path=declarations_path(),
            )
        )

    @group.command("list")
    def list_declarations(
        config: Annotated[Path | None, typer.Option("--config", "-c", help="Config TOML.")] = None,
    ) -> None:
        """Show every declaration and the account or service it matched."""
        from privaudit.tfa.targets import find_target  # noqa: PLC0415

        accounts, declarations, directory = _lookup(config)
        if not declarations:
            env.echo(_("no 2FA declarations (privaudit mfa set SERVICE METHOD... adds one)"))
            return
        for d in declarations:
            target = find_target(d.service, accounts, (), directory)
            matched = target.matched if target else _unmatched(d)
            line = _("{service}: {methods} (recovery codes: {recovery}); matches {matched}")
            env.echo(
                line.format(
                    service=d.service,
                    methods=", ".join(sorted(m.value for m in d.methods)),
                    recovery=_(_RECOVERY[d.recovery_codes]),
                    matched=matched,
                )
            )

    @group.command("unset")
    def unset(
        service: Annotated[str, typer.Argument(help="The name `privaudit mfa list` shows.")],
    ) -> None:
        """Forget what `privaudit mfa set` recorded for one service."""
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.tfa.declarations import (  # noqa: PLC0415
            remove_declaration,
        )
        from privaudit.tfa.targets import did_you_mean, find_target  # noqa: PLC0415

        _accounts, declarations, directory = _lookup(None)
        # "Gmail" or "gmail.com" finds the declaration stored as "Google Account (Gmail)".
        target = find_target(service, (), declarations, directory)
        removed = remove_declaration(target.label if target else service)
        if removed is None:
            names = {d.key: d.service for d in declarations}
            close = did_you_mean(service, names)
            hint = f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""
            raise UsageError(
                f"mfa unset: no declaration for {service!r}; {hint or 'see privaudit mfa list'}"
            )
        env.echo(_("forgot the 2FA declaration for {service}").format(service=removed.service))

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
