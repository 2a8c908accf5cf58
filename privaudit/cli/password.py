"""`privaudit password check`: strength and breach status of passwords typed at a
hidden prompt or piped one per line; never taken from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from privaudit.model import Report
    from privaudit.pwned.lookup import PwnedLookup
    from privaudit.settings import Settings

STDIN_HELP = "Read passwords from stdin, one a line (for scripts); no prompt."


def register(app: typer.Typer) -> None:
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
        import dataclasses  # noqa: PLC0415
        import getpass  # noqa: PLC0415
        import sys  # noqa: PLC0415

        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.cli.run import pwned_settings  # noqa: PLC0415
        from privaudit.config import load_settings  # noqa: PLC0415
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.pwned.factory import build_lookup  # noqa: PLC0415

        settings = load_settings(config)
        settings = dataclasses.replace(
            settings,
            pwned=pwned_settings(settings, pwned_api_url, pwned_corpus, allow_insecure_url),
        )
        offline = offline or settings.audit.offline
        lookup = build_lookup(settings.pwned, offline=offline, use_cache=not no_cache)

        def run(passwords: list[str], first: int) -> int:
            report = check_passwords(
                passwords,
                first=first,
                settings=settings,
                offline=offline,
                lookup=lookup,
                site=site,
                username=username,
            )
            _print(report)
            return exit_code(report)

        if password_stdin:
            try:
                data = sys.stdin.buffer.read().decode("utf-8")
            except UnicodeDecodeError:
                raise UsageError("--password-stdin: input is not UTF-8 text") from None
            lines = [line.rstrip("\r") for line in data.split("\n")]
            while lines and not lines[-1]:
                lines.pop()
            if not lines:
                raise UsageError("--password-stdin: no password on stdin (one a line)")
            return run(lines, 1)
        if not ui.stdin_is_interactive():
            raise UsageError("no terminal to prompt on: pipe passwords with --password-stdin")
        codes: list[int] = []
        number = 1
        while True:
            # getpass, not typer.prompt: click prints the prompt before turning echo
            # off, so a password typed or pasted quickly could be echoed.
            typed = getpass.getpass("Password to check (empty to finish): ")
            if not typed:
                break
            codes.append(run([typed], number))
            number += 1
        if not codes:
            raise UsageError("no password typed; nothing was checked")
        return _worst(codes)


def check_passwords(
    passwords: list[str],
    *,
    first: int,
    settings: Settings,
    offline: bool,
    lookup: PwnedLookup | None,
    site: str | None,
    username: str | None,
) -> Report:
    """Run PW101 and BR101 (the audit's own checks) on passwords outside any vault."""
    from privaudit.accounts import Account  # noqa: PLC0415
    from privaudit.checks.breach import BreachedPassword  # noqa: PLC0415
    from privaudit.checks.passwords import WeakPassword  # noqa: PLC0415
    from privaudit.context import AuditContext  # noqa: PLC0415
    from privaudit.runner import run_audit  # noqa: PLC0415
    from privaudit.secret import Secret  # noqa: PLC0415

    accounts = tuple(
        Account(
            label=f"#{first + i}" if not site else f"{site} #{first + i}",
            urls=(site,) if site else (),
            username=username,
            password=Secret(pw),
            source="prompt",
        )
        for i, pw in enumerate(passwords)
    )
    ctx = AuditContext(accounts=accounts, settings=settings, offline=offline, pwned=lookup)
    return run_audit([WeakPassword(), BreachedPassword()], ctx)


def exit_code(report: Report) -> int:
    from privaudit.exitcodes import ExitCode  # noqa: PLC0415
    from privaudit.model import Status  # noqa: PLC0415

    statuses = {f.status for f in report.findings}
    if Status.FAIL in statuses:
        return int(ExitCode.POLICY)
    if Status.ERROR in statuses or Status.SKIP in statuses:
        return int(ExitCode.INCOMPLETE)  # a skipped breach check is an unknown, not a pass
    return int(ExitCode.OK)


def _worst(codes: list[int]) -> int:
    return 1 if 1 in codes else max(codes)


def _print(report: Report) -> None:
    labels = {"PW101": "strength", "BR101": "breach"}
    order: dict[str, int] = {}
    for finding in report.findings:
        order.setdefault(finding.subject, len(order))
    for finding in sorted(report.findings, key=lambda f: order[f.subject]):
        what = labels.get(finding.check_id, finding.check_id)
        about = "" if finding.subject == report.meta(finding.check_id).title else finding.subject
        who = f"password {about}: " if about else ""
        typer.echo(f"{who}{what} {finding.status.value}: {finding.message}")
