"""`privaudit audit` and `privaudit demo`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

from privaudit.cli.lang import LangOption, choose_flag, explicit
from privaudit.model import Severity

FORMAT_HELP = "Report format: terminal, json, markdown, html, junit, csv (or a plugin's)."


# Shared by 'audit' and 'demo', which report the same way.
DetailsOption = Annotated[
    bool, typer.Option("--details", help="Print everything: each finding's fix, every skip.")
]
GroupByOption = Annotated[
    str,
    typer.Option(
        "--group-by",
        metavar="account|check",
        help="Group problems by account (default) or by check.",
    ),
]


def _split(values: list[str] | None) -> tuple[str, ...]:
    """--select a,b --select c -> (a, b, c)."""
    out: list[str] = []
    for value in values or []:
        out.extend(v.strip() for v in value.split(",") if v.strip())
    return tuple(out)


# Shared by `audit` and `demo` (a trainer tries `privaudit demo --share` first).
ShareOption = Annotated[
    Path | None,
    typer.Option(
        "--share",
        metavar="FILE",
        help="Also write an anonymous summary for your class: score, grade, coverage"
        " and per-check counts for today; no names, sites, passwords or times.",
    ),
]
CodeOption = Annotated[
    str | None,
    typer.Option(
        "--code",
        metavar="CODE",
        help="The class code your trainer gave (keeps your --share token per class;"
        " --share-to needs it).",
    ),
]
ShareToOption = Annotated[
    str | None,
    typer.Option(
        "--share-to",
        metavar="URL",
        help="Send the same anonymous document to your class's server at URL"
        " (privaudit class serve). Needs --code. Sent even with --offline: it goes"
        " only to the address your trainer gave, on your room's network.",
    ),
]


def register(app: typer.Typer, env: Environment) -> None:
    @app.command("audit")
    def audit(
        accounts: Annotated[
            list[str] | None,
            typer.Option(
                "--accounts",
                "-a",
                help="A password-manager or browser export to audit ('-' reads stdin). Repeatable.",
            ),
        ] = None,
        config: Annotated[
            Path | None,
            typer.Option("--config", "-c", help="Profile/config TOML (default: your config dir)."),
        ] = None,
        fmt: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Write the report here (atomically, mode 0600)."),
        ] = None,
        fail_under: Annotated[
            int | None,
            typer.Option(min=0, max=100, help="Exit 1 if the score is below this (0-100)."),
        ] = None,
        fail_on: Annotated[
            Severity | None,
            typer.Option(help="Exit 1 if a finding reaches this severity.", case_sensitive=False),
        ] = None,
        select: Annotated[
            list[str] | None,
            typer.Option(help="Only these checks: IDs, ID prefixes, names or categories."),
        ] = None,
        skip: Annotated[
            list[str] | None,
            typer.Option(help="Leave out these checks: IDs, ID prefixes, names or categories."),
        ] = None,
        source_format: Annotated[
            str | None,
            typer.Option(help="Format of the --accounts export, when detection is not enough."),
        ] = None,
        column_map: Annotated[
            str | None,
            typer.Option(
                "--map",
                help="Read a CSV of any layout: url=COLUMN,username=COLUMN,password=COLUMN"
                "[,label=COLUMN,totp=COLUMN].",
            ),
        ] = None,
        kdbx_password_stdin: Annotated[
            bool,
            typer.Option(
                "--kdbx-password-stdin",
                help="Read the KeePass database password from stdin (else a hidden prompt).",
            ),
        ] = False,
        kdbx_keyfile: Annotated[
            Path | None,
            typer.Option("--kdbx-keyfile", help="Key file of the KeePass database, if it has one."),
        ] = None,
        kdbx_kdf_limit: Annotated[
            int,
            typer.Option(
                "--kdbx-kdf-limit",
                min=1,
                max=1000,
                help="Allow N times the bounds on a KeePass file's key derivation"
                " (100 M AES rounds; Argon2 100 iterations, 1 GiB).",
            ),
        ] = 1,
        max_input_size: Annotated[
            str | None,
            typer.Option(help="Largest export to read, e.g. 512M or 2G (default 256M)."),
        ] = None,
        password_stdin: Annotated[
            bool,
            typer.Option(
                "--password-stdin",
                help="Read passwords for the profile's accounts from stdin, one a line, in order.",
            ),
        ] = False,
        offline: Annotated[
            bool,
            typer.Option(
                "--offline",
                help="No lookups on the internet (a --share-to address is still used).",
            ),
        ] = False,
        pwned_api_url: Annotated[
            str | None,
            typer.Option(
                "--pwned-api-url",
                help="Pwned Passwords range API base URL (a self-hosted mirror).",
            ),
        ] = None,
        pwned_corpus: Annotated[
            Path | None,
            typer.Option(
                "--pwned-corpus",
                help="Offline breach corpus: sorted HASH:COUNT file, per-prefix folder or index.",
            ),
        ] = None,
        no_cache: Annotated[
            bool, typer.Option("--no-cache", help="Neither read nor write the breach cache.")
        ] = False,
        allow_insecure_url: Annotated[
            bool,
            typer.Option(
                "--allow-insecure-url",
                help="Accept a plain http:// --pwned-api-url elsewhere (prefixes in clear).",
            ),
        ] = False,
        check_emails: Annotated[
            bool,
            typer.Option(
                "--check-emails",
                help="Also look up the email addresses in your usernames with HIBP (sends each"
                " address; needs your HIBP API key; see docs/privacy.md).",
            ),
        ] = False,
        hibp_key_file: Annotated[
            Path | None,
            typer.Option("--hibp-key-file", help="File (mode 0600) holding your HIBP API key."),
        ] = None,
        hibp_key_env: Annotated[
            str | None,
            typer.Option(
                "--hibp-key-env",
                metavar="NAME",
                help="Read the HIBP API key from this environment variable.",
            ),
        ] = None,
        hibp_api_url: Annotated[
            str | None,
            typer.Option("--hibp-api-url", help="HIBP API v3 base URL (a mirror or test server)."),
        ] = None,
        no_input: Annotated[
            bool,
            typer.Option(
                "--no-input", help="Never prompt (automatic when stdin is not a terminal)."
            ),
        ] = False,
        quiet: Annotated[
            bool, typer.Option("--quiet", "-q", help="No progress bar or status lines.")
        ] = False,
        demo: Annotated[
            bool, typer.Option("--demo", help="Audit the bundled fake sample data instead.")
        ] = False,
        details: DetailsOption = False,
        group_by: GroupByOption = "account",
        since_last: Annotated[
            bool,
            typer.Option("--since-last", help="Mark problems that the previous run did not have."),
        ] = False,
        notify: Annotated[
            str | None,
            typer.Option(
                "--notify",
                metavar="URL",
                help="POST a JSON summary (no secrets, no account names) to this webhook"
                " when the score drops or new high/critical problems appear.",
            ),
        ] = None,
        lang: LangOption = None,
        share: ShareOption = None,
        code: CodeOption = None,
        share_to: ShareToOption = None,
    ) -> int:
        """Run the audit and print a scored report."""
        choose_flag(env, lang)
        from privaudit.cli.run import run_audit_command  # noqa: PLC0415
        from privaudit.pipeline.request import AuditRequest  # noqa: PLC0415

        return run_audit_command(
            env,
            AuditRequest(
                exports=tuple(accounts or ()),
                config=config,
                fmt=fmt,
                output=output,
                fail_under=fail_under,
                fail_on=fail_on,
                select=_split(select),
                skip=_split(skip),
                source_format=source_format,
                password_stdin=password_stdin,
                offline=offline,
                no_input=no_input,
                quiet=quiet,
                demo=demo,
                column_map=column_map,
                kdbx_password_stdin=kdbx_password_stdin,
                kdbx_keyfile=kdbx_keyfile,
                kdbx_kdf_limit=kdbx_kdf_limit,
                max_input_size=max_input_size,
                since_last=since_last,
                details=details,
                group_by=group_by,
                notify=notify,
                pwned_api_url=pwned_api_url,
                pwned_corpus=pwned_corpus,
                no_cache=no_cache,
                allow_insecure_url=allow_insecure_url,
                check_emails=check_emails,
                hibp_key_file=hibp_key_file,
                hibp_key_env=hibp_key_env,
                hibp_api_url=hibp_api_url,
                lang=explicit(),
                share=share,
                share_to=share_to,
                code=code,
            ),
        )

    @app.command("demo")
    def demo(
        fmt: Annotated[str | None, typer.Option("--format", "-f", help=FORMAT_HELP)] = None,
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write the report here.")
        ] = None,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
        details: DetailsOption = False,
        group_by: GroupByOption = "account",
        lang: LangOption = None,
        share: ShareOption = None,
        code: CodeOption = None,
        share_to: ShareToOption = None,
    ) -> int:
        """Audit bundled, clearly fake sample data: a safe tour that needs no network."""
        choose_flag(env, lang)
        from privaudit.cli.run import run_audit_command  # noqa: PLC0415
        from privaudit.pipeline.request import AuditRequest  # noqa: PLC0415

        return run_audit_command(
            env,
            AuditRequest(
                fmt=fmt,
                output=output,
                quiet=quiet,
                demo=True,
                no_input=True,
                details=details,
                group_by=group_by,
                lang=explicit(),
                share=share,
                share_to=share_to,
                code=code,
            ),
        )
