"""`privaudit cache clear`: forget every cached breach range."""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from privaudit.i18n import ngettext

if TYPE_CHECKING:
    from privaudit.cli.env import Environment


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(help="Manage privaudit's local cache.", no_args_is_help=True)
    app.add_typer(group, name="cache")

    @group.command("clear")
    def clear() -> None:
        """Delete the cached Pwned Passwords range answers (keyed by 5-character prefix)."""
        from privaudit.pwned.cache import RangeCache, default_cache_folder  # noqa: PLC0415

        folder = default_cache_folder()
        removed = RangeCache(folder).clear()
        env.echo(
            ngettext(
                "removed {n} cached breach range from {folder}",
                "removed {n} cached breach ranges from {folder}",
                removed,
            ).format(n=removed, folder=folder)
        )
