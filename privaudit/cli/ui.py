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
