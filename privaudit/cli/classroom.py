"""`privaudit class ...`: what a trainer runs over the share files of a class."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.cli.lang import LangOption, choose_flag

if TYPE_CHECKING:
    from privaudit.cli.env import Environment


def register(group: typer.Typer, env: Environment) -> None:
    """`summary` in the `class` group (cli/classserve.py's class_group)."""

    @group.command("summary")
    def summary(
        files: Annotated[
            list[Path],
            typer.Argument(help="Share files written by 'privaudit audit --share FILE'."),
        ],
        fmt: Annotated[
            str | None,
            typer.Option(
                "--format",
                "-f",
                metavar="html|json",
                help="html or json (default: from the --output suffix, else html).",
            ),
        ] = None,
        output: Annotated[
            Path | None,
            typer.Option("--output", "-o", help="Write here (atomically, mode 0600); else stdout."),
        ] = None,
        lang: LangOption = None,
    ) -> int:
        """Score chart, before/after, the commonest gaps and what to teach next."""
        from privaudit.classroom.collect import read_shares  # noqa: PLC0415
        from privaudit.classroom.options import format_for, summary_written  # noqa: PLC0415
        from privaudit.classroom.summary import summarize  # noqa: PLC0415
        from privaudit.i18n import current_language  # noqa: PLC0415
        from privaudit.store.atomic import check_output_path, write_atomic  # noqa: PLC0415

        choose_flag(env, lang)  # --lang, else the locale: privaudit's one rule (cli/lang.py)
        fmt = format_for(fmt, output)
        language = current_language()
        if output is not None:
            check_output_path(output)
        result = summarize(read_shares(files))  # every file valid before anything is written
        if fmt == "json":
            from privaudit.classroom.render_json import render_summary_json  # noqa: PLC0415

            text = render_summary_json(result, lang=language)
        else:
            from privaudit.classroom.html import render_summary_html  # noqa: PLC0415

            text = render_summary_html(result, lang=language)
        if output is None:
            env.stdout.write(text)
            env.stdout.flush()
        else:  # not cli.ui.write_report: that module loads the runner and every check
            write_atomic(output, text.encode("utf-8"))
            env.info(summary_written(output))
        return 0
