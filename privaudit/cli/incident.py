"""`privaudit incident add|list|verify|update|export|notice`: wiring only
(privaudit/incidents/). Offline, except an explicit `add --timestamp URL`."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from privaudit.i18n import _

if TYPE_CHECKING:
    from privaudit.cli.env import Environment
    from privaudit.incidents.log import Timestamper

FORMAT_HELP = "html, csv or json."

OUTPUT = Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")]


def register(app: typer.Typer, env: Environment) -> None:
    group = typer.Typer(
        help="Keep a tamper-evident evidence log of leaked media and what you did about it.",
        no_args_is_help=True,
    )
    app.add_typer(group, name="incident")
    _add(group, env)
    _list_incidents(group, env)
    _verify(group, env)
    _update(group, env)
    _export(group, env)
    _notice(group, env)


def _add(group: typer.Typer, env: Environment) -> None:
    @group.command("add")
    def add(
        url: Annotated[str, typer.Option(help="Where the copy is (the full https:// address).")],
        platform: Annotated[str, typer.Option(help="e.g. instagram, reddit, x.")] = "",
        handle: Annotated[str, typer.Option(help="The account that posted it.")] = "",
        files: Annotated[
            list[Path] | None, typer.Option("--file", help="A screenshot showing it (repeatable).")
        ] = None,
        note: Annotated[str, typer.Option(help="What happened, in your words.")] = "",
        case_number: Annotated[str, typer.Option(help="A platform or police case number.")] = "",
        hash_only: Annotated[
            bool, typer.Option("--hash-only", help="Keep only the files' SHA-256, not a copy.")
        ] = False,
        minor: Annotated[
            bool, typer.Option("--minor", help="Someone in it was under 18: no copies are kept.")
        ] = False,
        timestamp: Annotated[
            str, typer.Option(help="An RFC 3161 timestamp authority URL (sends only a hash).")
        ] = "",
    ) -> None:
        """Record one instance: UTC time, URL, platform, handle, notes, attachment hashes."""
        from privaudit.incidents.log import IncidentLog  # noqa: PLC0415

        log = IncidentLog()
        fields: dict[str, Any] = {"type": "add", "url": _url(url)}
        fields |= _text_fields(platform=platform, handle=handle, note=note, case_number=case_number)
        if minor:
            fields["minor"] = True
        attachments = [log.attach(f, keep_copy=not (hash_only or minor)) for f in files or []]
        if attachments:
            fields["attachments"] = attachments
        entry = log.append(fields, now=_now(), timestamper=_timestamper(timestamp))
        kept = _("hashes only") if hash_only or minor else _("copies in the evidence folder")
        recorded = _("recorded incident {seq} at {time}")
        lines = [recorded.format(seq=entry["seq"], time=entry["time"])]
        if attachments:
            attached = _("{n} attachment(s): {kept}")
            lines.append(attached.format(n=len(attachments), kept=kept))
        if minor:
            lines.append(
                _(
                    "someone under 18: do not keep or send images; report the URL and use"
                    " https://takeitdown.ncmec.org/"
                )
            )
        if timestamp:
            saved = _("RFC 3161 timestamp saved: {path}.tsr")
            lines.append(saved.format(path=log.timestamps / str(entry["seq"])))
        env.echo("\n".join(lines))


def _update(group: typer.Typer, env: Environment) -> None:
    @group.command("update")
    def update(
        incident_id: Annotated[int, typer.Argument(metavar="ID", help="The incident's number.")],
        status: Annotated[str, typer.Option(help="reported, removed or refused.")],
        note: Annotated[str, typer.Option(help="What was said or done.")] = "",
        case_number: Annotated[str, typer.Option(help="A case number you were given.")] = "",
    ) -> None:
        """Record a status change as a new entry (the log is never edited)."""
        from privaudit.errors import UsageError  # noqa: PLC0415
        from privaudit.incidents.log import STATUSES, IncidentLog  # noqa: PLC0415
        from privaudit.incidents.timeline import incidents  # noqa: PLC0415

        if status not in STATUSES:
            raise UsageError(
                _("unknown --status {status!r}; use one of: {statuses}").format(
                    status=status, statuses=", ".join(STATUSES)
                )
            )
        log = IncidentLog()
        if incident_id not in {i.id for i in incidents(log.entries())}:
            raise UsageError(
                _("no incident {incident_id}; see 'privaudit incident list'").format(
                    incident_id=incident_id
                )
            )
        fields: dict[str, Any] = {"type": "update", "ref": incident_id, "status": status}
        fields |= _text_fields(note=note, case_number=case_number)
        entry = log.append(fields, now=_now())
        updated = _("incident {id}: {status} (entry {seq})")
        env.echo(updated.format(id=incident_id, status=status, seq=entry["seq"]))


def _list_incidents(group: typer.Typer, env: Environment) -> None:
    @group.command("list")
    def list_incidents(
        fmt: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    ) -> None:
        """Every incident with its latest status."""
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.incidents.log import IncidentLog  # noqa: PLC0415
        from privaudit.incidents.timeline import incidents  # noqa: PLC0415

        rows: list[dict[str, object]] = [
            {
                "id": i.id,
                "time": i.entry["time"],
                "status": i.status,
                "platform": i.entry.get("platform", ""),
                "url": i.entry["url"],
                "attachments": len(i.entry.get("attachments", [])),
            }
            for i in incidents(IncidentLog().entries())
        ]
        columns = [("ID", "id"), ("Time (UTC)", "time"), ("Status", "status")]
        columns += [("Platform", "platform"), ("URL", "url")]
        ui.print_listing(env, rows, columns, fmt, command="incident list", wrap=("url",))


def _verify(group: typer.Typer, env: Environment) -> None:
    @group.command("verify")
    def verify() -> None:
        """Check the hash chain and the signed head; exit 1 naming the first bad entry."""
        from privaudit.incidents.log import IncidentLog  # noqa: PLC0415

        result = IncidentLog().verify()
        if result.ok:
            env.echo(_("evidence log OK: {message}").format(message=result.message))
            return
        env.echo(_("evidence log FAILED: {message}").format(message=result.message), err=True)
        raise typer.Exit(1)


def _export(group: typer.Typer, env: Environment) -> None:
    @group.command("export")
    def export(
        fmt: Annotated[str, typer.Option("--format", "-f", help=FORMAT_HELP)] = "html",
        platform: Annotated[str, typer.Option(help="Only this platform's incidents.")] = "",
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="File to write.")
        ] = None,
    ) -> None:
        """A printable timeline with hashes, UTC times, verification and where to report."""
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.incidents import export as incident_export  # noqa: PLC0415
        from privaudit.incidents import platforms as table  # noqa: PLC0415
        from privaudit.incidents.log import IncidentLog  # noqa: PLC0415
        from privaudit.incidents.timeline import for_platform, incidents  # noqa: PLC0415

        log = IncidentLog()
        verification = log.verify()
        entries = log.entries() if verification.ok else []
        items = for_platform(incidents(entries), platform or None)
        rows, reviewed = table.load()
        if platform:
            found = table.find(platform)
            rows = [found] if found else []
        else:
            named = {str(i.entry.get("platform", "")) for i in items}
            rows = [p for p in rows if any(table.find(n) == p for n in named if n)] or rows
        text = incident_export.render(items, verification, rows, fmt, reviewed=reviewed.isoformat())
        ui.write_report(env, text, output)
        if any(i.minor for i in items):
            warning = _("warning: {message}").format(message=_(incident_export.MINOR_WARNING))
            env.echo(warning, err=True)
        if not verification.ok:
            broken = _("warning: the evidence log does not verify: {message}")
            env.echo(broken.format(message=verification.message), err=True)
            raise typer.Exit(1)


def _notice(group: typer.Typer, env: Environment) -> None:
    @group.command("notice")
    def notice(
        platform: Annotated[str, typer.Option(help="Which platform the request is for.")],
        output: Annotated[
            Path | None, typer.Option("--output", "-o", help="File to write.")
        ] = None,
    ) -> None:
        """Draft a removal request (TAKE IT DOWN Act, DMCA §512(c)(3)(A)) to complete."""
        from privaudit.cli import ui  # noqa: PLC0415
        from privaudit.incidents import platforms as table  # noqa: PLC0415
        from privaudit.incidents.log import IncidentLog  # noqa: PLC0415
        from privaudit.incidents.notices import draft  # noqa: PLC0415
        from privaudit.incidents.timeline import incidents  # noqa: PLC0415

        target = table.require(platform)
        items = [
            i
            for i in incidents(IncidentLog().entries())
            if table.find(str(i.entry.get("platform", ""))) == target
        ]
        ui.write_report(env, draft(target, items), output)


def _url(url: str) -> str:
    from urllib.parse import urlsplit  # noqa: PLC0415

    from privaudit.errors import UsageError  # noqa: PLC0415
    from privaudit.text import sanitize  # noqa: PLC0415

    clean = sanitize(url, max_length=2000)
    parts = urlsplit(clean)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UsageError(
            _(
                "--url {clean!r} is not a web address; copy the full link, starting with https://"
            ).format(clean=clean)
        )
    return clean


def _text_fields(**values: str) -> dict[str, str]:
    from privaudit.text import sanitize  # noqa: PLC0415

    return {k: sanitize(v, max_length=4000) for k, v in values.items() if v.strip()}


def _now() -> str:
    from datetime import UTC, datetime  # noqa: PLC0415

    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _timestamper(url: str) -> Timestamper | None:
    if not url:
        return None
    import httpx  # noqa: PLC0415

    from privaudit import __version__  # noqa: PLC0415
    from privaudit.incidents.tsa import timestamper  # noqa: PLC0415

    client = httpx.Client(timeout=30, headers={"User-Agent": f"privaudit/{__version__}"})
    return timestamper(client, url)
