"""`privaudit pwned-data build|verify`: the compact offline breach index."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from privaudit.i18n import _, format_number, ngettext

if TYPE_CHECKING:
    from privaudit.cli.env import Environment
    from privaudit.pwned.build import Progress


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(help="Prepare offline breach data.", no_args_is_help=True)
    app.add_typer(group, name="pwned-data")

    @group.command("build")
    def build(
        source: Annotated[
            Path, typer.Argument(help="The downloader's sorted HASH:COUNT file or prefix folder.")
        ],
        output: Annotated[Path, typer.Argument(help="The index file to write.")],
        key_bytes: Annotated[
            int,
            typer.Option(
                min=6,
                max=20,
                help="Hash bytes kept per record: 20 exact; fewer is smaller, with rare"
                " false positives (docs/breach.md).",
            ),
        ] = 20,
        force: Annotated[
            bool, typer.Option("--force", help="Replace OUTPUT if it exists.")
        ] = False,
        quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    ) -> None:
        """Compact the Pwned Passwords corpus into an index privaudit reads (half the size)."""
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.pwned.build import build_index  # noqa: PLC0415

        if output.exists() and not force:
            raise UsageError(_("{output} exists; pass --force to replace it").format(output=output))
        if output.exists() and source.exists() and output.resolve() == source.resolve():
            raise UsageError(_("OUTPUT must differ from SOURCE"))
        with _progress(env, not quiet) as progress:
            records = build_index(source, output, key_bytes=key_bytes, progress=progress)
        size = output.stat().st_size
        wrote = ngettext(
            "wrote {n} record to {output} ({size} MB)",
            "wrote {n} records to {output} ({size} MB)",
            records,
        )
        env.echo(wrote.format(n=format_number(records), output=output, size=f"{size / 1e6:,.1f}"))

    @group.command("verify")
    def verify(index: Annotated[Path, typer.Argument(help="An index built by 'build'.")]) -> None:
        """Check an index against its checksum (reads it all)."""
        from privaudit.pwned.index import CompactIndex  # noqa: PLC0415

        opened = CompactIndex(index)
        opened.verify()
        exact = _("exact keys") if opened.exact else _("{n}-byte keys").format(n=opened.key_bytes)
        count = ngettext("{n} record", "{n} records", opened.records).format(
            n=format_number(opened.records)
        )
        env.echo(
            _("{index}: {count}, {exact}, checksum OK").format(
                index=index, count=count, exact=exact
            )
        )


@contextlib.contextmanager
def _progress(env: Environment, enabled: bool) -> Iterator[Progress | None]:
    if not enabled or not env.stderr_isatty:
        yield None
        return
    from rich.progress import BarColumn, DownloadColumn, TimeRemainingColumn  # noqa: PLC0415

    from privaudit.cli import ui  # noqa: PLC0415

    with ui.rich_progress(env, BarColumn(), DownloadColumn(), TimeRemainingColumn()) as bar:
        task = bar.add_task(_("Building"), total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield update
