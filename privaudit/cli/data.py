"""`privaudit data update` and `privaudit data status`: the 2FA support data."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.i18n import _, ngettext

if TYPE_CHECKING:
    from datetime import datetime

    import httpx

    from privaudit.cli.env import Environment
    from privaudit.settings import Settings

CONFIG_HELP = "Profile/config TOML (default: your config dir)."
DATA_KINDS = ("tfa", "breaches", "passkeys")


def _update_one(
    kind: str,
    client: httpx.Client,
    url: str | None,
    settings: Settings,
    now: datetime,
    *,
    accept_changes: bool,
    env: Environment,
    file: Path | None = None,
) -> str:
    """Download (or, for the 2FA data, load --file), validate and store one kind of
    data; the line that reports it."""
    from privaudit.exposure import update as exposure_update  # noqa: PLC0415
    from privaudit.tfa.update import (  # noqa: PLC0415
        file_url_path,
        is_file_url,
        update_dataset,
        update_from_file,
    )

    if kind == "tfa":
        source = url or settings.tfa.url
        min_entries = settings.tfa.min_entries
        if file is not None or is_file_url(source):
            result = update_from_file(
                file if file is not None else file_url_path(source),
                now=now,
                min_entries=min_entries,
                accept_changes=accept_changes,
            )
        else:
            result = update_dataset(
                client, source, now=now, min_entries=min_entries, accept_changes=accept_changes
            )
        if result.changes.suspicious:
            from privaudit.tfa.review import describe  # noqa: PLC0415

            line = _("privaudit: accepted as asked: {changes}")
            env.echo(line.format(changes=describe(result.changes)), err=True)
        skipped = ""
        if result.skipped:
            left_out = ngettext(
                " ({n} malformed entry left out)",
                " ({n} malformed entries left out)",
                result.skipped,
            )
            skipped = left_out.format(n=result.skipped)
        updated = ngettext(
            "2FA data updated: {n} service{skipped}, fetched {date}, stored in {path}",
            "2FA data updated: {n} services{skipped}, fetched {date}, stored in {path}",
            result.entries,
        )
        return updated.format(
            n=result.entries,
            skipped=skipped,
            date=result.fetched.date().isoformat(),
            path=result.path,
        )
    if kind == "breaches":
        done = exposure_update.update_breaches(
            client, url or settings.exposure.breaches_url, now=now
        )
        breaches = ngettext(
            "breach catalogue updated: {n} breach, stored in {path}",
            "breach catalogue updated: {n} breaches, stored in {path}",
            done.entries,
        )
        return breaches.format(n=done.entries, path=done.path)
    done = exposure_update.update_passkeys(client, url or settings.exposure.passkeys_url, now=now)
    passkeys = ngettext(
        "passkeys directory updated: {n} service, stored in {path}",
        "passkeys directory updated: {n} services, stored in {path}",
        done.entries,
    )
    return passkeys.format(n=done.entries, path=done.path)


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help="Reference data privaudit uses (2FA support, breaches, passkeys).",
        no_args_is_help=True,
    )
    app.add_typer(group, name="data")
    _add_update(group, env)
    _add_status(group, env)
    _add_hibp_key(group, env)


def _add_update(group: typer.Typer, env: Environment) -> None:
    @group.command("update")
    def update(
        url: Annotated[
            str | None,
            typer.Option(
                help="Download from here instead of tfa.url (https, or http to localhost)."
            ),
        ] = None,
        breaches_url: Annotated[
            str | None,
            typer.Option(help="HIBP breach catalogue URL (a mirror or test server)."),
        ] = None,
        passkeys_url: Annotated[
            str | None,
            typer.Option(help="Passkeys directory all.json URL (a mirror or test server)."),
        ] = None,
        only: Annotated[
            list[str] | None,
            typer.Option(help="Update only these: tfa, breaches, passkeys (repeatable)."),
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
        """Download the 2FA data, HIBP's breach catalogue and the passkeys directory;
        each is validated before it replaces the stored copy."""
        from datetime import UTC, datetime  # noqa: PLC0415

        import httpx  # noqa: PLC0415

        from privaudit import __version__  # noqa: PLC0415
        from privaudit.config import load_settings  # noqa: PLC0415
        from privaudit.errors import PrivauditError, UsageError  # noqa: PLC0415

        wanted = {w.strip() for value in only or [] for w in value.split(",") if w.strip()}
        unknown = wanted - set(DATA_KINDS)
        if unknown:
            raise UsageError(
                _("--only {unknown}: choose from {kinds}").format(
                    unknown=", ".join(sorted(unknown)), kinds=", ".join(DATA_KINDS)
                )
            )
        if file is not None and url is not None:
            raise UsageError(_("data update: give --file PATH or --url URL, not both"))
        settings = load_settings(config)
        if not wanted:
            # A URL (or file) given on the command line says which data to update.
            given = {"tfa": url or file, "breaches": breaches_url, "passkeys": passkeys_url}
            wanted = {kind for kind, value in given.items() if value is not None}
        if not wanted:
            wanted = set(DATA_KINDS) if settings.exposure.update else {"tfa"}
        headers = {"User-Agent": f"privaudit/{__version__} (data update)"}
        now = datetime.now(UTC)
        failures: list[PrivauditError] = []
        urls = {"tfa": url, "breaches": breaches_url, "passkeys": passkeys_url}
        # Redirects are followed by tfa.update.download, which checks each hop first.
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=False) as client:
            for kind in DATA_KINDS:
                if kind not in wanted:
                    continue
                try:
                    line = _update_one(
                        kind,
                        client,
                        urls[kind],
                        settings,
                        now,
                        accept_changes=accept_changes,
                        env=env,
                        file=file,
                    )
                    env.echo(line)
                except PrivauditError as exc:
                    failures.append(exc)
        for failure in failures[:-1]:  # each download stands alone: report every failure
            env.echo(f"privaudit: {failure}", err=True)
        if failures:
            raise max(failures, key=lambda e: e.exit_code)


def _add_hibp_key(group: typer.Typer, env: Environment) -> None:
    @group.command("hibp-key")
    def hibp_key(
        from_file: Annotated[
            Path | None,
            typer.Option("--from-file", help="Read the key from this file instead of asking."),
        ] = None,
    ) -> None:
        """Store your HIBP API key in the OS keyring, for 'audit --check-emails'."""
        import getpass  # noqa: PLC0415

        from privaudit.exposure.apikey import key_from_file, save_to_keyring  # noqa: PLC0415
        from privaudit.secret import Secret  # noqa: PLC0415

        if from_file is not None:
            key = key_from_file(from_file)
        else:
            key = Secret(getpass.getpass(_("HIBP API key (hidden): ")))
        save_to_keyring(key)
        env.echo(
            _("HIBP API key stored in the OS keyring (service 'privaudit', entry 'hibp-api-key')")
        )


def _add_status(group: typer.Typer, env: Environment) -> None:
    @group.command("status")
    def status(
        config: Annotated[Path | None, typer.Option("--config", "-c", help=CONFIG_HELP)] = None,
    ) -> None:
        """Which 2FA, breach and passkeys data an audit would use, and how old it is."""
        from privaudit.config import load_settings  # noqa: PLC0415
        from privaudit.tfa.store import choose_dataset, stored_info, stored_path  # noqa: PLC0415

        settings = load_settings(config)
        dataset, notice = choose_dataset(settings.tfa)
        count = len(dataset.services)
        in_use = ngettext(
            "2FA data in use: {label} ({n} service)",
            "2FA data in use: {label} ({n} services)",
            count,
        )
        env.echo(in_use.format(label=dataset.label, n=count))
        info = stored_info() if notice is None else None
        if info is not None:
            copy = _("downloaded copy: {path} from {url} at {fetched}")
            env.echo(copy.format(path=stored_path(), url=info.url, fetched=info.fetched))
        if notice:
            env.echo(notice, err=True)
        from privaudit.exposure import load_exposure  # noqa: PLC0415

        exposure, notices = load_exposure()
        env.echo(_("breach data in use: {label}").format(label=exposure.breaches.label))
        env.echo(_("passkeys data in use: {label}").format(label=exposure.passkeys.label))
        for line in notices:
            env.echo(line, err=True)
