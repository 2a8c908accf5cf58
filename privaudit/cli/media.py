"""`privaudit media fingerprint|match|list|export`: wiring only (privaudit/media/)."""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from privaudit.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from privaudit.cli.env import Environment
    from privaudit.media.batch import Skipped

PATHS = typer.Argument(help="Files or folders (walked recursively).", show_default=False)

OUTPUT = Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")]


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help="Fingerprint your own photos and videos (hashes only) and recognise copies.",
        no_args_is_help=True,
    )
    app.add_typer(group, name="media")
    _fingerprint(group, env)
    _match(group, env)
    _list_entries(group, env)
    _export(group, env)


def _fingerprint(group: typer.Typer, env: Environment) -> None:
    @group.command("fingerprint")
    def fingerprint(
        paths: Annotated[list[Path], PATHS],
        label: Annotated[str, typer.Option(help="A word of yours to recognise these by.")] = "",
        keep_names: Annotated[
            bool, typer.Option("--keep-names", help="Also store each file's name.")
        ] = False,
    ) -> None:
        """Store PDQ (with rotations, flips and crops), SHA-256 and MD5 of each file.

        Only hashes go into the hash list: no image, thumbnail, EXIF or (unless
        --keep-names) file name. Nothing touches the network.
        """
        from privaudit.media import require_media  # noqa: PLC0415

        require_media()
        from privaudit.media import store  # noqa: PLC0415
        from privaudit.media.batch import expand, fingerprint_all  # noqa: PLC0415
        from privaudit.media.video import decoder_available  # noqa: PLC0415
        from privaudit.text import sanitize  # noqa: PLC0415

        files, skipped = expand(paths)
        existing = store.load()
        with _progress(env, "Fingerprinting", len(files)) as tick:
            entries = fingerprint_all(
                files,
                label=sanitize(label, max_length=80),
                keep_names=keep_names,
                added=_now(),
                decode_video=decoder_available(),
                skipped=skipped,
                progress=tick,
            )
        merged, added = store.merge(existing, entries)
        if added:
            store.save(merged)
        images = sum(e.kind == "image" for e in entries)
        videos = len(entries) - images
        flat = sum(not e.usable and e.kind == "image" for e in entries)
        done = _(
            "fingerprinted {images} image(s) and {videos} video(s);"
            " {added} new in the hash list ({total} in all)"
        )
        lines = [done.format(images=images, videos=videos, added=added, total=len(merged))]
        if flat:
            too_flat = _("{n} image(s) too flat for PDQ (quality < 50): kept by SHA-256/MD5")
            lines.append(too_flat.format(n=flat))
        if videos and not decoder_available():
            lines.append(_("no video decoder: videos have MD5/SHA-256 only (pip install av)"))
        _report_skipped(lines, skipped)
        env.echo("\n".join(lines), err=True)
        if not entries:
            raise typer.Exit(2)


def _match(group: typer.Typer, env: Environment) -> None:
    @group.command("match")
    def match(
        paths: Annotated[list[Path], PATHS],
        threshold: Annotated[
            int, typer.Option(min=0, max=128, help="Most differing PDQ bits for a match.")
        ] = 31,
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
        backend: Annotated[
            str, typer.Option(hidden=True, help="scan, multi-index, faiss or auto.")
        ] = "auto",
    ) -> None:
        """Say which suspect files are copies of your fingerprinted media.

        Exit 1 when something matched, 0 when nothing did, 3 when a file could
        not be checked. The files are read, never shown, copied or kept.
        """
        from privaudit.media import require_media  # noqa: PLC0415

        require_media()
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.media import store  # noqa: PLC0415
        from privaudit.media.batch import expand  # noqa: PLC0415
        from privaudit.media.match import Matcher  # noqa: PLC0415
        from privaudit.media.suspects import check_all  # noqa: PLC0415
        from privaudit.media.video import decoder_available  # noqa: PLC0415

        if fmt not in ("table", "json"):
            raise UsageError(
                _("unknown --format {fmt!r} for 'media match'; use table or json").format(fmt=fmt)
            )
        entries = store.load()
        if not entries:
            raise UsageError(
                _("the hash list is empty: run 'privaudit media fingerprint PATH...' first")
            )
        files, skipped = expand(paths)
        matcher = Matcher(entries, threshold=threshold, backend=backend)
        with _progress(env, "Comparing", len(files)) as tick:
            verdicts = check_all(files, matcher, decode_video=decoder_available(), progress=tick)
        from privaudit.cli.media_output import print_verdicts  # noqa: PLC0415

        print_verdicts(env, verdicts, skipped, fmt)
        if any(v.match for v in verdicts):
            raise typer.Exit(1)
        if skipped.unreadable or any(v.outcome in ("unreadable", "undecoded") for v in verdicts):
            raise typer.Exit(3)


def _list_entries(group: typer.Typer, env: Environment) -> None:
    @group.command("list")
    def list_entries(
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """The hash list: id, label, kind, PDQ quality, size."""
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.media import store  # noqa: PLC0415

        rows: list[dict[str, object]] = [
            {
                "id": e.id,
                "label": e.label,
                "kind": e.kind,
                "quality": "" if e.quality is None else e.quality,
                "frames": len(e.frames),
                "size": e.size,
                "added": e.added,
            }
            for e in store.load()
        ]
        columns = [("ID", "id"), ("Label", "label"), ("Kind", "kind"), ("Quality", "quality")]
        ui.print_listing(
            env, rows, [*columns, ("Size", "size"), ("Added", "added")], fmt, command="media list"
        )


def _export(group: typer.Typer, env: Environment) -> None:
    @group.command("export")
    def export(
        fmt: Annotated[str, typer.Option("--format", "-f", help="stopncii, csv or json.")],
        output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = (
            None
        ),
    ) -> None:
        """Export the hash list: `stopncii` holds only what hash-sharing services take."""
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.media import export as media_export  # noqa: PLC0415
        from privaudit.media import store  # noqa: PLC0415

        ui.write_report(env, media_export.render(store.load(), fmt), output)


def _report_skipped(lines: list[str], skipped: Skipped) -> None:
    from privaudit.text import sanitize  # noqa: PLC0415

    kinds = (
        (_("{n} unreadable: {shown}{more}"), skipped.unreadable),
        (_("{n} not media: {shown}{more}"), skipped.not_media),
    )
    for line, names in kinds:
        if names:
            shown = ", ".join(sanitize(n, max_length=120) for n in names[:10])
            more = _(" and {n} more").format(n=len(names) - 10) if len(names) > 10 else ""
            lines.append(line.format(n=len(names), shown=shown, more=more))


def _now() -> str:
    from datetime import UTC, datetime  # noqa: PLC0415

    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _progress(
    env: Environment, what: str, total: int
) -> AbstractContextManager[Callable[[int], None] | None]:
    if total < 2 or not env.stderr_isatty:
        return nullcontext(None)
    bar: AbstractContextManager[Callable[[int], None] | None] = _rich_progress(env, what, total)
    return bar


def _rich_progress(env: Environment, what: str, total: int) -> Any:
    import contextlib  # noqa: PLC0415

    from rich.console import Console  # noqa: PLC0415
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn  # noqa: PLC0415

    @contextlib.contextmanager
    def bar() -> Any:
        console = Console(file=env.stderr, markup=False, highlight=False)
        with Progress(
            TextColumn(what), BarColumn(), MofNCompleteColumn(), console=console, transient=True
        ) as progress:
            task = progress.add_task(what, total=total)
            yield lambda done: progress.update(task, completed=done)

    return bar()
