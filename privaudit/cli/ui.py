"""Output plumbing shared by the commands; terminal facts come from the Environment.

Loaded only by commands that run; rich is still imported where it is used, since
a report piped to a file or a JSON listing never needs it.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from privaudit.errors import UsageError
from privaudit.i18n import _
from privaudit.render import RenderOptions
from privaudit.runner import ProgressEvent
from privaudit.store.atomic import write_atomic

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress, ProgressColumn

    from privaudit.cli.env import Environment
    from privaudit.model import TrendPoint
    from privaudit.runner import ProgressCallback


def write_report(env: Environment, text: str, output: Path | None) -> None:
    if output is None:
        env.stdout.write(text)
        env.stdout.flush()
        return
    write_atomic(output, text.encode("utf-8"))


def render_options(
    env: Environment,
    *,
    to_terminal: bool,
    trend: tuple[TrendPoint, ...] = (),
    details: bool = False,
    group_by: str = "account",
) -> RenderOptions:
    """Width, colour and links of the terminal for stdout; a fixed 100 columns for a file."""
    return RenderOptions(
        width=env.width() if to_terminal else 100,
        color=to_terminal and env.wants_color(),
        trend=trend,
        details=details,
        group_by=group_by,
        links=to_terminal and env.supports_links(),
    )


@contextlib.contextmanager
def rich_progress(env: Environment, *columns: ProgressColumn) -> Iterator[Progress]:
    """A transient rich bar on stderr; callers first check that stderr is a terminal."""
    from rich.console import Console  # noqa: PLC0415  # only a terminal needs rich
    from rich.progress import Progress  # noqa: PLC0415

    console = Console(file=env.stderr, markup=False, highlight=False)
    with Progress(*columns, console=console, transient=True) as bar:
        yield bar


@contextlib.contextmanager
def progress_bar(env: Environment, enabled: bool) -> Iterator[ProgressCallback | None]:
    """The audit's bar (which check runs, how many are done), only on a terminal."""
    if not enabled or not env.stderr_isatty:
        yield None
        return
    from rich.progress import BarColumn, TextColumn  # noqa: PLC0415

    count = TextColumn("{task.completed}/{task.total}")
    with rich_progress(env, TextColumn("{task.description}"), BarColumn(), count) as bar:
        task = bar.add_task(_("Auditing"), total=None)

        def update(event: ProgressEvent) -> None:
            what = _("Checked {check}") if event.finished else _("Checking {check}")
            bar.update(
                task,
                total=event.total,
                completed=event.done,
                description=what.format(check=event.check_id),
            )

        yield update


def console(env: Environment, stream: IO[str] | None = None) -> Console:
    """A rich console for command output: terminal-aware width and colour, no markup."""
    from rich.console import Console  # noqa: PLC0415

    stream = stream or env.stdout
    return Console(
        file=stream,
        width=env.width(stream),
        color_system="standard" if env.wants_color(stream) else None,
        markup=False,
        highlight=False,
        emoji=False,
    )


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def print_listing(
    env: Environment,
    rows: list[dict[str, object]],
    columns: list[tuple[str, str]],
    fmt: str,
    *,
    command: str,
    wrap: tuple[str, ...] = (),
) -> None:
    """A `list` command's output: JSON rows, or a table of (header, key) columns."""
    if fmt == "json":
        env.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    if fmt != "table":
        raise UsageError(
            _("unknown --format {value!r} for '{command}'; use table or json").format(
                value=fmt, command=command
            )
        )
    from rich import box  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header, key in columns:
        table.add_column(header, no_wrap=key not in wrap)
    for row in rows:
        table.add_row(*(Text(_cell(row[key])) for _, key in columns))
    console(env).print(table)
