"""`privaudit sources list`: the export formats privaudit can read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.i18n import _

if TYPE_CHECKING:
    from privaudit.cli.env import Environment


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(help="The export formats --accounts can read.", no_args_is_help=True)
    app.add_typer(group, name="sources")

    @group.command("list")
    def list_sources(
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """Every import format, built-in and plugin: name, description, plaintext, origin."""
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.plugins import Broken, load  # noqa: PLC0415
        from privaudit.sources import as_importer, source_plugins  # noqa: PLC0415

        rows: list[dict[str, object]] = []
        for plugin in source_plugins():
            obj = load(plugin)
            if isinstance(obj, Broken):
                description, plaintext = str(obj.error()), False
            else:
                importer = as_importer(obj)
                description, plaintext = importer.description, bool(importer.plaintext)
            rows.append(
                {
                    "name": plugin.name,
                    "description": description,
                    "plaintext": plaintext,
                    "origin": plugin.origin,
                }
            )
        columns = [
            (_("Format"), "name"),
            (_("Description"), "description"),
            (_("Plaintext"), "plaintext"),
            (_("Origin"), "origin"),
        ]
        ui.print_listing(env, rows, columns, fmt, command="sources list", wrap=("description",))
