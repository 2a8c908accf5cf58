"""The audit command's wiring: settings, inputs, context, run, render, exit code."""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from privaudit.cli import scheduled, ui
from privaudit.exitcodes import ExitCode
from privaudit.model import Severity

if TYPE_CHECKING:
    from privaudit.model import Report
    from privaudit.settings import AuditSettings, Settings


@dataclass(frozen=True)
class AuditOptions:
    exports: tuple[str, ...] = ()
    config: Path | None = None
    fmt: str | None = None
    output: Path | None = None
    fail_under: int | None = None
    fail_on: Severity | None = None
    select: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    source_format: str | None = None
    password_stdin: bool = False
    offline: bool = False
    no_input: bool = False
    quiet: bool = False
    demo: bool = False
    since_last: bool = False
    notify: str | None = None


def _settings_for(opts: AuditOptions) -> tuple[Settings, tuple[str | Path, ...]]:
    """Defaults < config < environment < flags; the demo uses only its own profile."""
    from privaudit.config import load_settings, parse_config, read_toml  # noqa: PLC0415

    if opts.demo:
        from privaudit.demo import demo_file  # noqa: PLC0415

        # The demo ignores the user's own profile and environment so every run shows the same.
        demo_profile = demo_file("profile.toml")
        settings = parse_config(read_toml(demo_profile), demo_profile)
        exports: tuple[str | Path, ...] = (demo_file("vault.json"),)
    else:
        settings = load_settings(opts.config)
        exports = opts.exports
    audit = settings.audit
    audit = dataclasses.replace(
        audit,
        fail_under=opts.fail_under if opts.fail_under is not None else audit.fail_under,
        fail_on=opts.fail_on or audit.fail_on,
        select=opts.select or audit.select,
        skip=opts.skip or audit.skip,
        offline=opts.offline or audit.offline,
        format=opts.fmt or audit.format,
    )
    return dataclasses.replace(settings, audit=audit), exports


def _check_usage(opts: AuditOptions, exports: tuple[str | Path, ...]) -> None:
    from privaudit.errors import UsageError  # noqa: PLC0415

    if opts.notify is not None:
        from privaudit.notify import check_url  # noqa: PLC0415

        check_url(opts.notify)
    if opts.demo and (opts.since_last or opts.notify):
        raise UsageError("demo runs are not recorded: --since-last and --notify need 'audit'")
    stdin_readers = [e for e in exports if str(e) == "-"] + (["-"] if opts.password_stdin else [])
    if len(stdin_readers) > 1:
        raise UsageError("stdin can feed only one of --accounts - and --password-stdin")


def run_audit_command(opts: AuditOptions) -> int:
    from privaudit.registry import load_registry  # noqa: PLC0415
    from privaudit.render import RenderOptions, get_renderer  # noqa: PLC0415
    from privaudit.runner import run_audit  # noqa: PLC0415
    from privaudit.session import build_context, gather_inputs  # noqa: PLC0415

    settings, exports = _settings_for(opts)
    audit = settings.audit
    renderer = get_renderer(audit.format)  # fail on a bad --format before any work
    _check_usage(opts, exports)
    password_lines = None
    if opts.password_stdin:
        password_lines = sys.stdin.buffer.read().decode("utf-8", errors="strict").splitlines()

    with contextlib.ExitStack() as stack:
        history = None
        profile_id = scheduled.profile_name(settings.source_path)
        if not opts.demo:
            from privaudit.store.lock import profile_lock  # noqa: PLC0415

            # Before anything is written: a second run stops here with exit 3.
            stack.enter_context(profile_lock(profile_id))
        checks = load_registry().select(audit.select, audit.skip)
        inputs = gather_inputs(
            settings,
            exports,
            source_format=opts.source_format,
            read_stdin=sys.stdin.buffer.read,
            password_lines=password_lines,
            remind_to_delete=not opts.demo,
        )
        if not opts.demo:
            from privaudit.store.history import History  # noqa: PLC0415

            # Only once the inputs are good: bad input exits 2 with nothing created.
            history = stack.enter_context(History.open())
        baseline = scheduled.load_baseline(history, profile_id)

        interactive = not opts.no_input and ui.stdin_is_interactive() and not opts.demo
        ctx = build_context(settings, inputs, offline=audit.offline, interactive=interactive)
        show_progress = not opts.quiet and ui.isatty(sys.stderr)
        with ui.progress_bar(show_progress) as on_progress:
            report = run_audit(
                checks,
                ctx,
                inputs=inputs.summary(),
                notices=inputs.notices,
                on_progress=on_progress,
                demo=opts.demo,
            )
        if opts.since_last:
            report = scheduled.mark_new(report, baseline)
        to_terminal = opts.output is None
        options = RenderOptions(
            width=ui.width_for(sys.stdout) if to_terminal else 100,
            color=to_terminal and ui.wants_color(sys.stdout),
            trend=baseline.trend,
        )
        # The report first, then the history: each write is atomic on its own.
        ui.write_report(renderer(report, options), opts.output)
        if opts.output is not None:
            ui.info(f"report written to {opts.output}", quiet=opts.quiet)
        if history is not None:
            history.append(report, profile_id)
        delivered = True
        if opts.notify is not None:
            delivered = scheduled.notify(opts.notify, report, baseline, quiet=opts.quiet)
    return _exit_code(report, audit, delivered=delivered, quiet=opts.quiet)


def _exit_code(report: Report, audit: AuditSettings, *, delivered: bool, quiet: bool) -> int:
    from privaudit.policy import exit_code_for, policy_failures  # noqa: PLC0415

    code = exit_code_for(report, fail_under=audit.fail_under, fail_on=audit.fail_on)
    for reason in policy_failures(report, fail_under=audit.fail_under, fail_on=audit.fail_on):
        ui.info(f"privaudit: policy not met: {reason}", quiet=quiet)
    if code is ExitCode.INCOMPLETE:
        ui.info(
            f"privaudit: audit incomplete: {report.score.errors} result(s) could not be checked",
            quiet=quiet,
        )
    if not delivered and code is ExitCode.OK:
        # Monitoring relies on the webhook: a lost notification is not a clean run.
        code = ExitCode.INCOMPLETE
    return int(code)
