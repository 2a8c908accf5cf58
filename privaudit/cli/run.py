"""The audit command's wiring: settings, inputs, context, run, render, exit code."""

from __future__ import annotations

import dataclasses
import sys
from dataclasses import dataclass
from pathlib import Path

from privaudit.cli import ui
from privaudit.exitcodes import ExitCode
from privaudit.model import Severity
from privaudit.settings import PwnedSettings, Settings


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
    pwned_api_url: str | None = None
    pwned_corpus: Path | None = None
    no_cache: bool = False


def run_audit_command(opts: AuditOptions) -> int:
    from privaudit.config import load_settings, parse_config, read_toml  # noqa: PLC0415
    from privaudit.errors import UsageError  # noqa: PLC0415
    from privaudit.policy import exit_code_for, policy_failures  # noqa: PLC0415
    from privaudit.pwned.factory import build_lookup  # noqa: PLC0415
    from privaudit.registry import load_registry  # noqa: PLC0415
    from privaudit.render import RenderOptions, get_renderer  # noqa: PLC0415
    from privaudit.runner import run_audit  # noqa: PLC0415
    from privaudit.session import build_context, gather_inputs  # noqa: PLC0415

    if opts.demo:
        from privaudit.demo import demo_file  # noqa: PLC0415

        # The demo ignores the user's own profile and environment so every run shows the same.
        profile = demo_file("profile.toml")
        settings = parse_config(read_toml(profile), profile)
        exports: tuple[str | Path, ...] = (demo_file("vault.json"),)
        # Breach answers come from a tiny bundled corpus: the demo never uses the network.
        corpus = str(demo_file("breached-demo.txt"))
        demo_pwned = dataclasses.replace(settings.pwned, offline_corpus=corpus)
        settings = dataclasses.replace(settings, pwned=demo_pwned)
        opts = dataclasses.replace(opts, offline=True)
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
    settings = dataclasses.replace(
        settings, audit=audit, pwned=pwned_settings(settings, opts.pwned_api_url, opts.pwned_corpus)
    )
    renderer = get_renderer(audit.format)  # fail on a bad --format before any work

    stdin_readers = [e for e in exports if str(e) == "-"] + (["-"] if opts.password_stdin else [])
    if len(stdin_readers) > 1:
        raise UsageError("stdin can feed only one of --accounts - and --password-stdin")
    password_lines = None
    if opts.password_stdin:
        password_lines = sys.stdin.buffer.read().decode("utf-8", errors="strict").splitlines()

    interactive = not opts.no_input and ui.stdin_is_interactive() and not opts.demo
    registry = load_registry()
    checks = registry.select(audit.select, audit.skip)
    inputs = gather_inputs(
        settings,
        exports,
        source_format=opts.source_format,
        read_stdin=sys.stdin.buffer.read,
        password_lines=password_lines,
        remind_to_delete=not opts.demo,
    )
    pwned = build_lookup(settings.pwned, offline=audit.offline, use_cache=not opts.no_cache)
    ctx = build_context(
        settings, inputs, offline=audit.offline, interactive=interactive, pwned=pwned
    )
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
    to_terminal = opts.output is None
    options = RenderOptions(
        width=ui.width_for(sys.stdout) if to_terminal else 100,
        color=to_terminal and ui.wants_color(sys.stdout),
    )
    ui.write_report(renderer(report, options), opts.output)
    if opts.output is not None:
        ui.info(f"report written to {opts.output}", quiet=opts.quiet)
    code = exit_code_for(report, fail_under=audit.fail_under, fail_on=audit.fail_on)
    for reason in policy_failures(report, fail_under=audit.fail_under, fail_on=audit.fail_on):
        ui.info(f"privaudit: policy not met: {reason}", quiet=opts.quiet)
    if code is ExitCode.INCOMPLETE:
        ui.info(
            f"privaudit: audit incomplete: {report.score.errors} result(s) could not be checked",
            quiet=opts.quiet,
        )
    return int(code)


def pwned_settings(settings: Settings, api_url: str | None, corpus: Path | None) -> PwnedSettings:
    """The [pwned] settings with --pwned-api-url / --pwned-corpus applied."""
    from privaudit.config import SECTIONS  # noqa: PLC0415
    from privaudit.errors import UsageError  # noqa: PLC0415

    pwned = settings.pwned
    if api_url is not None:
        try:
            url = SECTIONS["pwned"]["api_url"].convert(api_url)
        except ValueError:
            raise UsageError("--pwned-api-url must be an http:// or https:// URL") from None
        pwned = dataclasses.replace(pwned, api_url=url)
    if corpus is not None:
        pwned = dataclasses.replace(pwned, offline_corpus=str(corpus))
    return pwned
