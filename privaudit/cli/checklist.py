"""`privaudit checklist run | answer | list | show | lint`: privacy-settings questions."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from privaudit.accounts import Account
    from privaudit.checklists.audit import ChecklistPlan
    from privaudit.cli.checklist_prompt import Session
    from privaudit.cli.env import Environment

DIR_HELP = "A folder of your own checklist files (*.toml), used beside the built-in ones."
LANG_HELP = "Language of the questions, e.g. es (default: config, then your locale)."
CONFIG_HELP = "Profile/config TOML (default: your config dir)."


def _console(env: Environment, stderr: bool = False) -> Console:
    from privaudit.cli import ui  # noqa: PLC0415

    return ui.console(env, env.stderr if stderr else env.stdout)


def _plan(config: Path | None, folder: Path | None, lang: str | None) -> ChecklistPlan:
    from privaudit.checklists.audit import load_plan  # noqa: PLC0415
    from privaudit.cli.lang import explicit  # noqa: PLC0415
    from privaudit.config import load_settings  # noqa: PLC0415
    from privaudit.context import utc_now  # noqa: PLC0415
    from privaudit.i18n import set_language  # noqa: PLC0415
    from privaudit.i18n.select import supported  # noqa: PLC0415

    plan = load_plan(load_settings(config), now=utc_now(), folder=folder, lang=lang or explicit())
    # privaudit's own words follow the checklist's language where it has them.
    set_language(supported(plan.lang))
    return plan


def _session(plan: ChecklistPlan, console: Console) -> Session:
    from datetime import timedelta  # noqa: PLC0415

    from rich.text import Text  # noqa: PLC0415

    from privaudit.cli.checklist_prompt import Session  # noqa: PLC0415
    from privaudit.context import utc_now  # noqa: PLC0415
    from privaudit.store.answers import save_answers  # noqa: PLC0415

    return Session(
        console=console,
        read_line=lambda prompt: console.input(Text(prompt)),
        save=save_answers,
        lang=plan.lang,
        now=utc_now,
        stale_after=timedelta(days=plan.settings.stale_after_days),
    )


def offer_checklists(
    env: Environment, plan: ChecklistPlan, accounts: Iterable[Account]
) -> ChecklistPlan:
    """In an interactive audit: offer the checklists of platforms found among the accounts."""
    from privaudit.checklists.audit import detect  # noqa: PLC0415
    from privaudit.checklists.model import Answer  # noqa: PLC0415
    from privaudit.cli.checklist_prompt import (  # noqa: PLC0415
        ask,
        offer_choices,
        offer_text,
        parse_answer,
        pending_items,
    )
    from privaudit.context import utc_now  # noqa: PLC0415
    from privaudit.i18n import use_language  # noqa: PLC0415

    found = detect(plan.checklists, accounts)
    console = _console(env, stderr=True)
    session = _session(plan, console)
    todo = pending_items(found, plan.answers, utc_now(), session.stale_after)
    if not todo:
        return plan
    from rich.text import Text  # noqa: PLC0415

    with use_language(plan.lang):
        names = ", ".join(dict.fromkeys(cl.name.get(plan.lang) for cl, _ in todo))
        console.print(Text(offer_text(names, len(todo))))
        reply = console.input(Text(offer_choices())).strip().lower()
        if parse_answer(reply, plan.lang) is not Answer.YES:
            return plan
        todo_lists = [cl for cl in found if any(c is cl for c, _ in todo)]
        book, _ = ask(session, todo_lists, plan.answers)
    return plan.with_answers(book)


def register(app: typer.Typer, env: Environment) -> None:  # noqa: PLR0915  # one closure per command
    group = typer.Typer(
        help="Privacy-settings checklists: questions about settings no tool can read.",
        no_args_is_help=True,
    )
    app.add_typer(group, name="checklist")

    @group.command("run")
    def run(
        platforms: Annotated[
            list[str] | None,
            typer.Argument(help="Platforms to ask about (default: your profile's)."),
        ] = None,
        checklist_dir: Annotated[
            Path | None, typer.Option("--checklist-dir", help=DIR_HELP)
        ] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
        redo: Annotated[
            bool, typer.Option("--redo", help="Ask every question again, even fresh ones.")
        ] = False,
        config: Annotated[Path | None, typer.Option("--config", "-c", help=CONFIG_HELP)] = None,
    ) -> None:
        """Answer a platform's questions, one at a time. Stop with q; run again to resume."""
        from privaudit.checklists.audit import by_id  # noqa: PLC0415
        from privaudit.checklists.texts import _  # noqa: PLC0415
        from privaudit.cli.checklist_prompt import ask  # noqa: PLC0415
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.i18n import use_language  # noqa: PLC0415

        plan = _plan(config, checklist_dir, lang)
        with use_language(plan.lang):
            wanted = list(platforms or plan.settings.platforms)
            if not wanted:
                raise UsageError(
                    _(
                        "name the platforms to ask about, e.g. 'privaudit checklist run general"
                        " google' (see 'privaudit checklist list'), or set checklists.platforms"
                        " in your profile"
                    )
                )
            chosen = by_id(plan.checklists, wanted)
            if not env.stdin_isatty:
                raise UsageError(
                    _(
                        "'checklist run' asks questions and needs a terminal; run it in one"
                        " ('privaudit audit --no-input' reports what is unanswered)"
                    )
                )
            from privaudit.cli.checklist_score import (  # noqa: PLC0415
                checklist_score,
                score_change,
            )

            session = _session(plan, _console(env))
            before = checklist_score(chosen, plan.answers, session.stale_after)
            book, _stopped = ask(session, chosen, plan.answers, redo=redo)
            if book is not plan.answers:  # something was answered: say what it changed
                after = checklist_score(chosen, book, session.stale_after)
                env.echo(score_change(before, after))

    @group.command("answer")
    def answer(
        platform: Annotated[str, typer.Argument(help="Platform id, e.g. google.")],
        item: Annotated[str, typer.Argument(help="Item id; a wrong one gets the list of ids.")],
        reply: Annotated[str, typer.Argument(metavar="ANSWER", help="yes, no, unsure or na.")],
        checklist_dir: Annotated[
            Path | None, typer.Option("--checklist-dir", help=DIR_HELP)
        ] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
        config: Annotated[Path | None, typer.Option("--config", "-c", help=CONFIG_HELP)] = None,
    ) -> None:
        """Record one answer without prompts (for scripts and workshops)."""
        from privaudit.cli.checklist_answer import record_answer  # noqa: PLC0415
        from privaudit.i18n import use_language  # noqa: PLC0415

        plan = _plan(config, checklist_dir, lang)
        with use_language(plan.lang):
            for line in record_answer(plan, platform, item, reply):
                env.echo(line)

    @group.command("list")
    def list_checklists(
        platforms: Annotated[
            list[str] | None,
            typer.Argument(help="Platforms whose items (ids, answers, questions) to show."),
        ] = None,
        checklist_dir: Annotated[
            Path | None, typer.Option("--checklist-dir", help=DIR_HELP)
        ] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
        config: Annotated[Path | None, typer.Option("--config", "-c", help=CONFIG_HELP)] = None,
    ) -> None:
        """Platforms, their item counts and answers; with PLATFORM, its item ids and questions."""
        from privaudit.checklists.texts import _  # noqa: PLC0415
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.cli.checklist_show import list_rows, listing_columns  # noqa: PLC0415
        from privaudit.context import utc_now  # noqa: PLC0415
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.i18n import use_language  # noqa: PLC0415

        plan = _plan(config, checklist_dir, lang)
        with use_language(plan.lang):
            if fmt not in ("table", "json"):
                raise UsageError(
                    _("unknown --format {format} for 'checklist list'; use table or json").format(
                        format=repr(fmt)
                    )
                )
            if platforms:
                from privaudit.cli import checklist_items as ci  # noqa: PLC0415

                items = ci.item_rows(plan, ci.pick(plan, platforms), utc_now())
                ui.print_listing(
                    env, items, ci.item_columns(), fmt, command="checklist list", wrap=("question",)
                )
                if fmt == "table":
                    env.echo(_("Answer one without prompts: {cmd}").format(cmd=ci.ANSWER_HINT))
                return
            rows, notice = list_rows(plan)
            if notice and fmt == "table":
                env.echo(notice, err=True)
            cols = listing_columns()
            ui.print_listing(env, rows, cols, fmt, command="checklist list", wrap=("name",))
            if fmt == "table":
                env.echo(_("Item ids: privaudit checklist list PLATFORM"))

    @group.command("show")
    def show(
        platforms: Annotated[list[str], typer.Argument(help="Platforms to show, e.g. google.")],
        checklist_dir: Annotated[
            Path | None, typer.Option("--checklist-dir", help=DIR_HELP)
        ] = None,
        lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP)] = None,
        config: Annotated[Path | None, typer.Option("--config", "-c", help=CONFIG_HELP)] = None,
    ) -> None:
        """Print a platform's questions, why they matter and how to fix them (no answers)."""
        from privaudit.checklists.audit import by_id  # noqa: PLC0415
        from privaudit.cli.checklist_show import show_checklists  # noqa: PLC0415
        from privaudit.i18n import use_language  # noqa: PLC0415

        plan = _plan(config, checklist_dir, lang)
        with use_language(plan.lang):
            show_checklists(_console(env), by_id(plan.checklists, platforms), plan.lang)

    @group.command("lint")
    def lint(
        files: Annotated[list[Path], typer.Argument(help="Checklist files to check.")],
    ) -> int:
        """Check checklist files; exit 2 with one line per problem (file, item, field)."""
        from importlib import resources  # noqa: PLC0415

        from privaudit.checklists.loader import (  # noqa: PLC0415
            builtin_checklists,
            check_unique,
            validate_file,
        )
        from privaudit.checklists.texts import ngettext  # noqa: PLC0415
        from privaudit.exitcodes import ExitCode  # noqa: PLC0415
        from privaudit.text import sanitize  # noqa: PLC0415

        builtin_folder = Path(str(resources.files("privaudit.checklists"))).resolve()
        problems: list[str] = []
        valid = []
        for path in files:
            checklist, found = validate_file(path)
            problems += found
            if checklist is not None:
                valid.append(checklist)
                count = len(checklist.items)
                line = ngettext(
                    "{path}: ok ({count} item, {languages})",
                    "{path}: ok ({count} items, {languages})",
                    count,
                ).format(path=path, count=count, languages=", ".join(checklist.languages))
                env.echo(sanitize(line, max_length=1000))
        # Ids must not clash with each other nor with the built-ins (unless linting those).
        ours = [c for c in valid if Path(c.source).resolve().parent == builtin_folder]
        others = [c for c in valid if c not in ours]
        problems += check_unique([*builtin_checklists(), *others] if not ours else valid)
        for line in problems:
            env.echo(f"privaudit: error: {sanitize(line, max_length=1000)}", err=True)
        return int(ExitCode.USAGE if problems else ExitCode.OK)
