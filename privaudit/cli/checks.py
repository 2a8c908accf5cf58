"""`privaudit checks list` and `privaudit checks explain ID`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.i18n import _

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
            (_("Name"), "name"),
            (_("Category"), "category"),
            (_("Severity"), "severity"),
            (_("Origin"), "origin"),
        ]
        ui.print_listing(env, rows, columns, fmt, command="checks list")

    @group.command("explain")
    def explain(check_id: Annotated[str, typer.Argument(help="A check ID or name.")]) -> None:
        """What a check looks at, why it matters and how to fix what it finds."""
        from privaudit.registry import load_registry  # noqa: PLC0415
        from privaudit.render.labels import category_name, severity_label  # noqa: PLC0415

        meta = load_registry().get(check_id).meta
        needs = ", ".join(sorted(n.value for n in meta.needs)) or _("nothing")
        facts = _("category: {category}   severity: {severity}   origin: {origin}").format(
            category=category_name(meta.category),
            severity=severity_label(meta.severity),
            origin=_(meta.origin) if meta.origin == "built-in" else meta.origin,
        )
        lines = [
            f"{meta.id} {meta.name}: {meta.title}",
            facts,
            _("needs: {needs}").format(needs=needs),
            "",
            _("Why: {text}").format(text=meta.why),
            _("Fix: {text}").format(text=meta.fix),
        ]
        if meta.references:
            lines += ["", _("References:"), *(f"  {url}" for url in meta.references)]
        env.echo("\n".join(lines))
