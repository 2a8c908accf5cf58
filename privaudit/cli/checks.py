"""`privaudit checks list` and `privaudit checks explain ID`."""

from __future__ import annotations

from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    group = typer.Typer(help="List and explain the checks privaudit can run.", no_args_is_help=True)
    app.add_typer(group, name="checks")

    @group.command("list")
    def list_checks(
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """Every check, built-in and plugin: id, name, category, severity, origin."""
        import json  # noqa: PLC0415
        import sys  # noqa: PLC0415

        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.registry import load_registry  # noqa: PLC0415
        from privaudit.serialize import meta_to_dict  # noqa: PLC0415

        metas = [c.meta for c in load_registry().checks]
        if fmt == "json":
            sys.stdout.write(json.dumps([meta_to_dict(m) for m in metas], indent=2) + "\n")
            return
        if fmt != "table":
            raise UsageError(f"unknown --format {fmt!r} for 'checks list'; use table or json")
        from rich import box  # noqa: PLC0415
        from rich.console import Console  # noqa: PLC0415
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for column in ("ID", "Name", "Category", "Severity", "Origin"):
            table.add_column(column)
        for m in metas:
            table.add_row(
                *(Text(v) for v in (m.id, m.name, m.category, m.severity.value, m.origin))
            )
        Console(
            width=ui.width_for(sys.stdout),
            color_system="standard" if ui.wants_color(sys.stdout) else None,
            markup=False,
            highlight=False,
        ).print(table)

    @group.command("explain")
    def explain(check_id: Annotated[str, typer.Argument(help="A check ID or name.")]) -> None:
        """What a check looks at, why it matters and how to fix what it finds."""
        from privaudit.registry import load_registry  # noqa: PLC0415

        meta = load_registry().get(check_id).meta
        lines = [
            f"{meta.id} {meta.name}: {meta.title}",
            f"category: {meta.category}   severity: {meta.severity.value}   origin: {meta.origin}",
            f"needs: {', '.join(sorted(n.value for n in meta.needs)) or 'nothing'}",
            "",
            f"Why: {meta.why}",
            f"Fix: {meta.fix}",
        ]
        if meta.references:
            lines += ["", "References:", *(f"  {url}" for url in meta.references)]
        typer.echo("\n".join(lines))
