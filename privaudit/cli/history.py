"""`privaudit history`, `privaudit history prune` and `privaudit diff`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.i18n import _, ngettext

if TYPE_CHECKING:
    from privaudit.cli.env import Environment
    from privaudit.render import RenderOptions

FORMAT_HELP = "terminal or json."


def _check_format(fmt: str, command: str) -> None:
    from privaudit.errors import UsageError  # noqa: PLC0415

    if fmt not in ("terminal", "json"):
        raise UsageError(
            _("unknown --format {value!r} for '{command}'; use terminal or json").format(
                value=fmt, command=command
            )
        )


def _options(env: Environment) -> RenderOptions:
    from privaudit.cli import ui  # noqa: PLC0415

    return ui.render_options(env, to_terminal=True)


def register(app: typer.Typer, env: Environment) -> None:
    _register_history(app, env)
    _register_diff(app, env)


def _register_history(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help="Past audits: scores over time, and pruning.", invoke_without_command=True
    )
    app.add_typer(group, name="history")

    @group.callback()
    def show(
        ctx: typer.Context,
        fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "terminal",
        limit: Annotated[int, typer.Option(min=1, help="Show at most this many recent runs.")] = 30,
    ) -> None:
        """Past runs and the score trend (a chart in the terminal; --format json)."""
        if ctx.invoked_subcommand is not None:
            return
        from privaudit.render.history import history_json, history_terminal  # noqa: PLC0415
        from privaudit.store.history import History  # noqa: PLC0415

        _check_format(fmt, "history")
        history = History.open_existing()
        runs = []
        if history is not None:
            with history:
                runs = history.runs(limit=limit)
        text = history_json(runs) if fmt == "json" else history_terminal(runs, _options(env))
        env.stdout.write(text)

    @group.command("prune")
    def prune(
        keep: Annotated[
            int | None, typer.Option(min=0, help="Keep only the N most recent runs.")
        ] = None,
        older_than: Annotated[
            int | None,
            typer.Option(
                "--older-than", min=1, metavar="DAYS", help="Delete runs older than this."
            ),
        ] = None,
    ) -> None:
        """Delete old runs from the history (retention)."""
        from datetime import UTC, datetime, timedelta  # noqa: PLC0415

        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.store.history import History  # noqa: PLC0415

        if keep is None and older_than is None:
            raise UsageError(_("history prune needs --keep N or --older-than DAYS (or both)"))
        history = History.open_existing()
        if history is None:
            env.echo(_("No history yet: nothing to prune."))
            return
        with history:
            gone = history.prune(
                keep=keep,
                older_than=timedelta(days=older_than) if older_than else None,
                now=datetime.now(UTC),
            )
        env.echo(
            ngettext(
                "Deleted {n} run from the history.", "Deleted {n} runs from the history.", gone
            ).format(n=gone)
        )


def _register_diff(app: typer.Typer, env: Environment) -> None:
    @app.command("diff")
    def diff(
        run_a: Annotated[
            int | None, typer.Argument(help="The earlier run's number (default: second to last).")
        ] = None,
        run_b: Annotated[
            int | None, typer.Argument(help="The later run's number (default: the last).")
        ] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "terminal",
    ) -> None:
        """New, resolved and still-open problems between two runs (default: the last two)."""
        from privaudit.errors import InputError  # noqa: PLC0415
        from privaudit.render.history import diff_json, diff_terminal  # noqa: PLC0415
        from privaudit.store.history import History  # noqa: PLC0415
        from privaudit.trends import diff_results  # noqa: PLC0415

        _check_format(fmt, "diff")
        history = History.open_existing()
        if history is None:
            raise InputError(_("no history yet: run 'privaudit audit' twice, then diff"))
        with history:
            b = history.get(run_b) if run_b is not None else None
            if run_a is None:
                recent = history.runs(limit=2)
                if len(recent) < 2:
                    raise InputError(_("only one run in the history: audit again, then diff"))
                a, b = recent
            else:
                a = history.get(run_a)
                b = b or history.runs(limit=1)[0]
            result = diff_results(history.results(a.id), history.results(b.id))
        text = (
            diff_json(result, a, b) if fmt == "json" else diff_terminal(result, a, b, _options(env))
        )
        env.stdout.write(text)
