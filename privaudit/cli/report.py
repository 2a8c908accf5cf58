"""`privaudit report render REPORT.json --format FMT`: re-render a saved JSON report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.cli.lang import LangOption, choose_flag, explicit

if TYPE_CHECKING:
    from privaudit.cli.env import Environment

MAX_REPORT_BYTES = 64 * 1024 * 1024


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(help="Work with saved reports.", no_args_is_help=True)
    app.add_typer(group, name="report")

    @group.command("render")
    def render_report(
        path: Annotated[Path, typer.Argument(help="A report saved with --format json.")],
        fmt: Annotated[
            str,
            typer.Option("--format", "-f", help="terminal, json, markdown, html, junit, csv."),
        ] = "terminal",
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Write here (atomically, mode 0600)."),
        ] = None,
        lang: LangOption = None,
    ) -> None:
        """Show a saved JSON report in any format (its schema version is checked)."""
        choose_flag(env, lang)
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.i18n import set_language  # noqa: PLC0415
        from privaudit.i18n.select import supported  # noqa: PLC0415
        from privaudit.render import get_renderer  # noqa: PLC0415
        from privaudit.serialize import report_from_dict  # noqa: PLC0415

        renderer = get_renderer(fmt)
        if output is not None:
            from privaudit.store.atomic import check_output_path  # noqa: PLC0415

            check_output_path(output)
        report = report_from_dict(read_report_json(path))
        if explicit() is None:
            # Its messages are in the language it was made in: headings follow them.
            set_language(supported(report.lang))
        options = ui.render_options(env, to_terminal=output is None)
        ui.write_report(env, renderer(report, options), output)

    @group.command("plan")
    def plan(
        path: Annotated[Path, typer.Argument(help="A report saved with --format json.")],
        output: Annotated[
            Path, typer.Option("--output", "-o", help="plan.html to print, or plan.md.")
        ],
        fmt: Annotated[
            str | None,
            typer.Option("--format", "-f", help="html or md (default: from the file name)."),
        ] = None,
        lang: LangOption = None,
    ) -> None:
        """Write the report's fix-first plan as a page to take home (in your language)."""
        from privaudit.handout.plan import write_plan  # noqa: PLC0415
        from privaudit.i18n import _  # noqa: PLC0415
        from privaudit.i18n.select import supported  # noqa: PLC0415
        from privaudit.serialize import report_from_dict  # noqa: PLC0415
        from privaudit.store.atomic import check_output_path  # noqa: PLC0415

        choose_flag(env, lang)
        check_output_path(output)
        report = report_from_dict(read_report_json(path))
        _plan_language(env, supported(report.lang))
        written = write_plan(report, output, fmt)
        env.echo(_("plan written to {path}").format(path=written), err=True)


def _plan_language(env: Environment, report_lang: str) -> None:
    """The plan is written in the report's language: its steps quote the report's
    own sentences (why, what was found), so one page never mixes two languages."""
    from privaudit.i18n import _, set_language  # noqa: PLC0415

    asked = explicit()
    if asked is not None and asked != report_lang:
        set_language(report_lang)
        notice = _(
            "note: this report was made in {report}, so the plan is in {report} too; "
            "for a plan in {asked}, run the audit again with --lang {asked}"
        )
        env.echo(notice.format(report=report_lang, asked=asked), err=True)
        return
    set_language(report_lang)


def read_report_json(path: Path) -> dict[str, object]:
    import json  # noqa: PLC0415

    from privaudit.errors import InputError  # noqa: PLC0415
    from privaudit.files import open_user_file  # noqa: PLC0415

    with open_user_file(path, what="report") as fh:
        raw = fh.read(MAX_REPORT_BYTES + 1)
    if len(raw) > MAX_REPORT_BYTES:
        raise InputError(f"{path} is larger than 64 MB: not a privaudit report")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(
            f"{path}: not UTF-8 text; give a report saved with --format json"
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno});"
            " give a report saved with --format json"
        ) from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: not a privaudit JSON report (expected an object)")
    from privaudit.serialize import validate_report  # noqa: PLC0415

    validate_report(data, str(path))
    return data
