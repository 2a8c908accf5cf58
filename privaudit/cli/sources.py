"""`privaudit sources list`: the export formats privaudit can read."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="The export formats --accounts can read.", no_args_is_help=True)
    app.add_typer(group, name="sources")

    @group.command("list")
    def list_sources(
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """Every import format, built-in and plugin: name, description, plaintext, origin."""
        import json  # noqa: PLC0415
        import sys  # noqa: PLC0415

        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.sources import load_importer, source_targets  # noqa: PLC0415

        if fmt not in ("table", "json"):
            raise UsageError(f"unknown --format {fmt!r} for 'sources list'; use table or json")
        rows = []
        for name, (target, origin) in source_targets().items():
            importer = load_importer(target)
            rows.append(
                {
                    "name": name,
                    "description": importer.description,
                    "plaintext": bool(importer.plaintext),
                    "origin": origin,
                }
            )
        if fmt == "json":
            sys.stdout.write(json.dumps(rows, indent=2) + "\n")
            return
        from rich import box  # noqa: PLC0415
        from rich.console import Console  # noqa: PLC0415
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for column in ("Format", "Description", "Plaintext", "Origin"):
            table.add_column(column)
        for row in rows:
            table.add_row(
                Text(str(row["name"])),
                Text(str(row["description"])),
                Text("yes" if row["plaintext"] else "no"),
                Text(str(row["origin"])),
            )
        Console(
            width=ui.width_for(sys.stdout),
            color_system="standard" if ui.wants_color(sys.stdout) else None,
            markup=False,
            highlight=False,
        ).print(table)
