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
from privaudit.settings import PwnedSettings, Settings

if TYPE_CHECKING:
    from privaudit.model import Report
    from privaudit.settings import AuditSettings, PwnedSettings, Settings
    from privaudit.sources import ReadOptions
    from privaudit.tfa.match import Directory


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
    column_map: str | None = None
    kdbx_password_stdin: bool = False
    kdbx_keyfile: Path | None = None
    max_input_size: str | None = None
    since_last: bool = False
    notify: str | None = None
    pwned_api_url: str | None = None
    pwned_corpus: Path | None = None
    no_cache: bool = False
    allow_insecure_url: bool = False


def _with_declarations(settings: Settings) -> Settings:
    """The profile's accounts with what `privaudit mfa set` recorded applied."""
    from privaudit.tfa.declarations import apply_declarations, load_declarations  # noqa: PLC0415

    declared = load_declarations()
    if not declared:
        return settings
    return dataclasses.replace(settings, accounts=apply_declarations(declared, settings.accounts))


def _tfa_directory(settings: Settings, *, demo: bool) -> tuple[Directory, str | None]:
    from privaudit.tfa.dataset import load_builtin  # noqa: PLC0415
    from privaudit.tfa.match import Directory  # noqa: PLC0415
    from privaudit.tfa.store import choose_dataset  # noqa: PLC0415

    if demo:  # the demo shows the same findings on every machine
        return Directory(load_builtin()), None
    dataset, notice = choose_dataset(settings.tfa)
    return Directory(dataset), notice


def _settings_for(opts: AuditOptions) -> tuple[Settings, tuple[str | Path, ...]]:
    """Defaults < config < environment < flags; the demo uses only its own profile."""
    from privaudit.config import load_settings, parse_config, read_toml  # noqa: PLC0415

    if opts.demo:
        from privaudit.demo import demo_file  # noqa: PLC0415

        # The demo ignores the user's own profile and environment so every run shows the same.
        demo_profile = demo_file("profile.toml")
        settings = parse_config(read_toml(demo_profile), demo_profile)
        exports: tuple[str | Path, ...] = (demo_file("vault.json"),)
        # Breach answers come from a tiny bundled corpus: the demo never uses the network.
        corpus = str(demo_file("breached-demo.txt"))
        settings = dataclasses.replace(
            settings, pwned=dataclasses.replace(settings.pwned, offline_corpus=corpus)
        )
        opts = dataclasses.replace(opts, offline=True)
        # Breach answers come from a tiny bundled corpus: the demo never uses the network.
        corpus = str(demo_file("breached-demo.txt"))
        demo_pwned = dataclasses.replace(settings.pwned, offline_corpus=corpus)
        settings = dataclasses.replace(settings, pwned=demo_pwned)
        opts = dataclasses.replace(opts, offline=True)
    else:
        settings = load_settings(opts.config)
        exports = opts.exports
        settings = _with_declarations(settings)
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
        settings,
        audit=audit,
        pwned=pwned_settings(
            settings, opts.pwned_api_url, opts.pwned_corpus, opts.allow_insecure_url
        ),
    )
    return settings, exports


def _check_usage(opts: AuditOptions, exports: tuple[str | Path, ...]) -> None:
    from privaudit.errors import UsageError  # noqa: PLC0415

    if opts.notify is not None:
        from privaudit.notify import check_url  # noqa: PLC0415

        check_url(opts.notify)
    if opts.demo and (opts.since_last or opts.notify):
        raise UsageError("demo runs are not recorded: --since-last and --notify need 'audit'")
    stdin_readers = [e for e in exports if str(e) == "-"]
    stdin_readers += ["-"] * (opts.password_stdin + opts.kdbx_password_stdin)
    if len(stdin_readers) > 1:
        raise UsageError(
            "stdin can feed only one of --accounts -, --password-stdin and --kdbx-password-stdin"
        )


def run_audit_command(opts: AuditOptions) -> int:
    from privaudit.checklists.audit import load_plan, registry_with  # noqa: PLC0415
    from privaudit.context import utc_now  # noqa: PLC0415
    from privaudit.pwned.factory import build_lookup  # noqa: PLC0415
    from privaudit.registry import load_registry  # noqa: PLC0415
    from privaudit.render import RenderOptions, get_renderer  # noqa: PLC0415
    from privaudit.runner import run_audit  # noqa: PLC0415
    from privaudit.session import build_context, gather_inputs  # noqa: PLC0415

    settings, exports = _settings_for(opts)
    audit = settings.audit
    renderer = get_renderer(audit.format)  # fail on a bad --format before any work
    _check_usage(opts, exports)
    password_lines = _password_lines() if opts.password_stdin else None

    with contextlib.ExitStack() as stack:
        history = None
        profile_id = scheduled.profile_name(settings.source_path)
        if not opts.demo:
            from privaudit.store.lock import profile_lock  # noqa: PLC0415

            # Before anything is written: a second run stops here with exit 3.
            stack.enter_context(profile_lock(profile_id))
        interactive = not opts.no_input and ui.stdin_is_interactive() and not opts.demo
        # The demo's plan holds its own pre-answered items: it never reads user data.
        plan = load_plan(settings, demo=opts.demo, now=utc_now())
        checks = registry_with(load_registry(), plan).select(audit.select, audit.skip)
        inputs = gather_inputs(
            settings,
            exports,
            source_format=opts.source_format,
            read_stdin=sys.stdin.buffer.read,
            password_lines=password_lines,
            remind_to_delete=not opts.demo,
            read_options=_read_options(opts, interactive),
        )
        if not opts.demo:
            from privaudit.store.history import History  # noqa: PLC0415

            # Only once the inputs are good: bad input exits 2 with nothing created.
            history = stack.enter_context(History.open())
        baseline = scheduled.load_baseline(history, profile_id)

        if interactive:
            from privaudit.cli.checklist import offer_checklists  # noqa: PLC0415

            plan = offer_checklists(plan, inputs.accounts)
        checks, checklists = plan.apply(checks, inputs.accounts, audit.select)
        pwned = build_lookup(settings.pwned, offline=audit.offline, use_cache=not opts.no_cache)
        ctx = build_context(
            settings, inputs, offline=audit.offline, interactive=interactive, pwned=pwned
        )
        tfa, tfa_notice = _tfa_directory(settings, demo=opts.demo)
        ctx = dataclasses.replace(ctx, tfa=tfa, checklists=checklists)
        show_progress = not opts.quiet and ui.isatty(sys.stderr)
        with ui.progress_bar(show_progress) as on_progress:
            report = run_audit(
                checks,
                ctx,
                inputs=inputs.summary(datasets={"2fa": tfa.label}),
                notices=(*inputs.notices, *([tfa_notice] if tfa_notice else [])),
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


def _password_lines() -> list[str]:
    from privaudit.errors import UsageError  # noqa: PLC0415

    try:
        return sys.stdin.buffer.read().decode("utf-8").splitlines()
    except UnicodeDecodeError:
        raise UsageError("--password-stdin: input is not UTF-8 text") from None


def _read_options(opts: AuditOptions, interactive: bool) -> ReadOptions:
    """What importers need beyond the bytes; the KDBX password is asked only if needed."""
    from privaudit.errors import UsageError  # noqa: PLC0415
    from privaudit.secret import Secret  # noqa: PLC0415
    from privaudit.sources import DEFAULT_MAX_BYTES, ReadOptions  # noqa: PLC0415
    from privaudit.sources.data import parse_size  # noqa: PLC0415
    from privaudit.sources.generic import parse_column_map  # noqa: PLC0415

    max_bytes = DEFAULT_MAX_BYTES
    if opts.max_input_size is not None:
        try:
            max_bytes = parse_size(opts.max_input_size)
        except ValueError:
            raise UsageError(
                f"--max-input-size {opts.max_input_size!r}: give a size such as 512M or 2G"
            ) from None
    column_map = parse_column_map(opts.column_map) if opts.column_map is not None else None

    def kdbx_password() -> Secret | None:
        if opts.kdbx_password_stdin:
            try:
                line = sys.stdin.buffer.readline().decode("utf-8")
            except UnicodeDecodeError:
                raise UsageError("--kdbx-password-stdin: input is not UTF-8 text") from None
            return Secret(line.rstrip("\r\n"))
        if interactive:
            import getpass  # noqa: PLC0415

            return Secret(getpass.getpass("KeePass database password (hidden): "))
        return None

    return ReadOptions(
        column_map=column_map,
        kdbx_password=kdbx_password,
        kdbx_keyfile=opts.kdbx_keyfile,
        max_bytes=max_bytes,
    )


def pwned_settings(
    settings: Settings, api_url: str | None, corpus: Path | None, allow_insecure: bool = False
) -> PwnedSettings:
    """The [pwned] settings with --pwned-api-url / --pwned-corpus / --allow-insecure-url
    applied, the URL checked before any work (plain http elsewhere needs consent)."""
    from privaudit.config import SECTIONS  # noqa: PLC0415
    from privaudit.errors import UsageError  # noqa: PLC0415
    from privaudit.pwned.factory import check_api_url  # noqa: PLC0415

    pwned = settings.pwned
    if api_url is not None:
        try:
            url = SECTIONS["pwned"]["api_url"].convert(api_url)
        except ValueError:
            raise UsageError("--pwned-api-url must be an http:// or https:// URL") from None
        pwned = dataclasses.replace(pwned, api_url=url)
    if corpus is not None:
        pwned = dataclasses.replace(pwned, offline_corpus=str(corpus))
    if allow_insecure:
        pwned = dataclasses.replace(pwned, allow_insecure_url=True)
    if api_url is not None and not pwned.offline_corpus:
        check_api_url(pwned)  # a configured URL is checked when the lookup is built
    return pwned
