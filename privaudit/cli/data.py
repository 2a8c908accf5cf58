"""`privaudit data update` and `privaudit data status`: the 2FA support data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from datetime import datetime

    from privaudit.cli.env import Environment
    from privaudit.tfa.update import UpdateResult

CONFIG_HELP = "Profile/config TOML (default: your config dir)."


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help="Reference data privaudit uses (2FA support data).", no_args_is_help=True
    )
    app.add_typer(group, name="data")

    @group.command("update")
    def update(
        url: Annotated[
            str | None,
            typer.Option(
                help="Download from here instead of tfa.url (https, or http to localhost)."
            ),
        ] = None,
        file: Annotated[
            Path | None,
            typer.Option(
                "--file",
                help="Load a local 2fa.directory all.json (v3 or v4) instead of downloading;"
                " validated like a download. A file:// --url does the same.",
            ),
        ] = None,
        config: Annotated[Path | None, typer.Option("--config", "-c", help=CONFIG_HELP)] = None,
        timeout: Annotated[
            float, typer.Option(min=1, max=600, help="Network timeout in seconds.")
        ] = 30.0,
        accept_changes: Annotated[
            bool,
            typer.Option(
                "--accept-changes",
                help="Install an update even if it removes 2FA from services or drops"
                " more than 5% of them (review it first).",
            ),
        ] = False,
    ) -> None:
        """Download the 2fa.directory dataset, validate it, then replace the stored copy."""
        from datetime import UTC, datetime  # noqa: PLC0415

        from privaudit.config import load_settings  # noqa: PLC0415
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.tfa.update import is_file_url, update_from_file  # noqa: PLC0415

        if file is not None and url is not None:
            raise UsageError("data update: give --file PATH or --url URL, not both")
        settings = load_settings(config)
        now, min_entries = datetime.now(UTC), settings.tfa.min_entries
        source = url or settings.tfa.url
        if file is not None or is_file_url(source):
            from privaudit.tfa.update import file_url_path  # noqa: PLC0415

            path = file if file is not None else file_url_path(source)
            result = update_from_file(
                path, now=now, min_entries=min_entries, accept_changes=accept_changes
            )
        else:
            result = _download(source, timeout, now, min_entries, accept_changes)
        if result.changes.suspicious:
            from privaudit.tfa.review import describe  # noqa: PLC0415

            env.echo(f"privaudit: accepted as asked: {describe(result.changes)}", err=True)
        skipped = f" ({result.skipped} malformed entries left out)" if result.skipped else ""
        env.echo(
            f"2FA data updated: {result.entries} services{skipped},"
            f" fetched {result.fetched.date().isoformat()}, stored in {result.path}"
        )

    def _download(
        source: str, timeout: float, now: datetime, min_entries: int, accept_changes: bool
    ) -> UpdateResult:
        import httpx  # noqa: PLC0415

        from privaudit import __version__  # noqa: PLC0415
        from privaudit.tfa.update import update_dataset  # noqa: PLC0415

        headers = {"User-Agent": f"privaudit/{__version__} (2FA data update)"}
        # Redirects are followed by update_dataset, which checks each hop first.
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
            return update_dataset(
                client,
                source,
                now=now,
                min_entries=min_entries,
                accept_changes=accept_changes,
            )

    @group.command("status")
    def status(
        config: Annotated[Path | None, typer.Option("--config", "-c", help=CONFIG_HELP)] = None,
    ) -> None:
        """Which 2FA dataset an audit would use, and how old it is."""
        from privaudit.config import load_settings  # noqa: PLC0415
        from privaudit.tfa.store import choose_dataset, stored_info, stored_path  # noqa: PLC0415

        settings = load_settings(config)
        dataset, notice = choose_dataset(settings.tfa)
        env.echo(f"2FA data in use: {dataset.label} ({len(dataset.services)} services)")
        info = stored_info() if notice is None else None
        if info is not None:
            env.echo(f"downloaded copy: {stored_path()} from {info.url} at {info.fetched}")
        if notice:
            env.echo(notice, err=True)
