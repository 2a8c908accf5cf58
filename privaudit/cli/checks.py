"""`privaudit checks list` and `privaudit checks explain ID`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from privaudit.cli.env import Environment


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(help="List and explain the checks privaudit can run.", no_args_is_help=True)
    app.add_typer(group, name="checks")

    @group.command("list")
    def list_checks(
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """Every check, built-in and plugin: id, name, category, severity, origin."""
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.registry import load_registry  # noqa: PLC0415
        from privaudit.serialize import meta_to_dict  # noqa: PLC0415

        rows = [meta_to_dict(c.meta) for c in load_registry().checks]
        columns = [
            ("ID", "id"),
            ("Name", "name"),
            ("Category", "category"),
            ("Severity", "severity"),
            ("Origin", "origin"),
        ]
        ui.print_listing(env, rows, columns, fmt, command="checks list")

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
        env.echo("\n".join(lines))
