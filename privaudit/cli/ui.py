"""Terminal facts and output plumbing shared by the commands."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from privaudit.runner import ProgressCallback


def isatty(stream: IO[str] | IO[bytes]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def wants_color(stream: IO[str]) -> bool:
    """Colour only on a real terminal, and never with NO_COLOR or TERM=dumb."""
    if os.environ.get("NO_COLOR") is not None:
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return isatty(stream)


# Terminals known to show OSC 8 hyperlinks; elsewhere a URL is printed bare (and whole).
_LINK_TERMINALS = ("iTerm.app", "WezTerm", "vscode", "ghostty", "kitty")


def supports_links(stream: IO[str]) -> bool:
    if not wants_color(stream):
        return False
    program = os.environ.get("TERM_PROGRAM", "")
    return (
        program in _LINK_TERMINALS
        or "VTE_VERSION" in os.environ
        or os.environ.get("TERM", "").startswith(("xterm-kitty", "foot"))
        or "WT_SESSION" in os.environ
    )


def width_for(stream: IO[str]) -> int:
    if isatty(stream):
        return max(60, min(shutil.get_terminal_size((80, 24)).columns, 120))
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and 40 <= int(columns) <= 400 else 80


def stdin_is_interactive() -> bool:
    return isatty(sys.stdin)


def write_report(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from privaudit.store.atomic import write_atomic  # noqa: PLC0415

    write_atomic(output, text.encode("utf-8"))


def info(message: str, *, quiet: bool = False) -> None:
    """A status line on stderr (never stdout, which may carry the report)."""
    if not quiet:
        print(message, file=sys.stderr)


@contextlib.contextmanager
def progress_bar(enabled: bool) -> Iterator[ProgressCallback | None]:
    if not enabled:
        yield None
        return
    from rich.console import Console  # noqa: PLC0415
    from rich.progress import BarColumn, Progress, TextColumn  # noqa: PLC0415

    from privaudit.runner import ProgressEvent  # noqa: PLC0415

    console = Console(stderr=True, markup=False, highlight=False)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("Auditing", total=None)

        def update(event: ProgressEvent) -> None:
            bar.update(
                task,
                total=event.total,
                completed=event.done,
                description=("Checked " if event.finished else "Checking ") + event.check_id,
            )

        yield update


def console(stream: IO[str] | None = None) -> Console:
    """A rich console for command output: terminal-aware width and colour, no markup."""
    from rich.console import Console  # noqa: PLC0415

    stream = stream or sys.stdout
    return Console(
        file=stream,
        width=width_for(stream),
        color_system="standard" if wants_color(stream) else None,
        markup=False,
        highlight=False,
        emoji=False,
    )


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ",".join(str(v) for v in value)
    return str(value)


def print_listing(
    rows: list[dict[str, object]],
    columns: list[tuple[str, str]],
    fmt: str,
    *,
    command: str,
    wrap: tuple[str, ...] = (),
) -> None:
    """A `list` command's output: JSON rows, or a table of (header, key) columns."""
    if fmt == "json":
        import json  # noqa: PLC0415

        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
        return
    if fmt != "table":
        from privaudit.errors import UsageError  # noqa: PLC0415

        raise UsageError(f"unknown --format {fmt!r} for '{command}'; use table or json")
    from rich import box  # noqa: PLC0415
    from rich.table import Table  # noqa: PLC0415
    from rich.text import Text  # noqa: PLC0415

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for header, key in columns:
        table.add_column(header, no_wrap=key not in wrap)
    for row in rows:
        table.add_row(*(Text(_cell(row[key])) for _, key in columns))
    console().print(table)
