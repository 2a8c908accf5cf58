"""`privaudit handout [PLATFORM...]`: checklists as a printable sheet (wiring only)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.cli.lang import LangOption, choose_flag

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

FORMAT_HELP = "html (to print: A4 or Letter, one platform a page) or md (a Markdown checklist)."
DIR_HELP = "A folder of your own checklist files (*.toml), used beside the built-in ones."


def register(app: typer.Typer, env: Environment) -> None:
    @app.command("handout")
    def handout(
        platforms: Annotated[
            list[str] | None,
            typer.Argument(help="Platforms to print (privaudit checklist list); all if none."),
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "html",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="Write here (default: stdout).")
        ] = None,
        lang: LangOption = None,
        checklist_dir: Annotated[
            Path | None, typer.Option("--checklist-dir", help=DIR_HELP)
        ] = None,
        config: Annotated[Path | None, typer.Option("--config", "-c", help="Config TOML.")] = None,
    ) -> None:
        """Print privacy-settings checklists as a sheet with tick boxes and short links."""
        from privaudit.checklists.audit import by_id  # noqa: PLC0415
        from privaudit.checklists.audit import checklist_dir as folder_of  # noqa: PLC0415
        from privaudit.checklists.loader import all_checklists  # noqa: PLC0415
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.config import load_settings  # noqa: PLC0415
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.handout import sheet  # noqa: PLC0415
        from privaudit.handout.texts import _  # noqa: PLC0415
        from privaudit.store.atomic import check_output_path  # noqa: PLC0415

        choose_flag(env, lang)
        if fmt not in sheet.FORMATS:
            raise UsageError(
                _("unknown --format {fmt} for 'handout'; use html or md").format(fmt=repr(fmt))
            )
        if output is not None:
            check_output_path(output)
        settings = load_settings(config)
        checklists = all_checklists(folder_of(settings, checklist_dir))
        chosen = by_id(checklists, platforms) if platforms else list(checklists)
        ui.write_report(env, sheet.render(chosen, fmt), output)
        if output is not None:
            env.echo(_("handout written to {path}").format(path=output), err=True)
