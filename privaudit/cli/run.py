"""The audit command's wiring: a request in, the pipeline, the report out, an exit code."""

from __future__ import annotations

import getpass

from privaudit.cli import ui
from privaudit.cli.checklist import offer_checklists
from privaudit.cli.env import Environment
from privaudit.exitcodes import ExitCode
from privaudit.model import Report
from privaudit.pipeline.audit import AuditIO, open_audit
from privaudit.pipeline.request import AuditRequest
from privaudit.pipeline.settings import audit_settings
from privaudit.policy import exit_code_for, policy_failures
from privaudit.render import get_renderer
from privaudit.settings import AuditSettings


def run_audit_command(env: Environment, request: AuditRequest) -> int:
    settings, exports = audit_settings(request)
    audit = settings.audit
    renderer = get_renderer(audit.format)  # fail on a bad --format before any work
    io = AuditIO(
        stdin=env.stdin_bytes,
        stdin_is_tty=env.stdin_isatty,
        ask_secret=getpass.getpass,
        offer_checklists=lambda plan, accounts: offer_checklists(env, plan, accounts),
    )
    with open_audit(request, settings, exports, io) as run:
        with ui.progress_bar(env, not request.quiet) as on_progress:
            report = run.run(on_progress)
        options = ui.render_options(
            env, to_terminal=request.output is None, trend=run.baseline.trend
        )
        ui.write_report(env, renderer(report, options), request.output)
        if request.output is not None:
            env.info(f"report written to {request.output}", quiet=request.quiet)
        run.record(report)
        delivery = run.notify(report)
        if delivery is not None:
            env.info(delivery.message, quiet=request.quiet and not delivery.warning)
    delivered = delivery is None or delivery.delivered
    return exit_code(env, report, audit, delivered=delivered, quiet=request.quiet)


def exit_code(
    env: Environment, report: Report, audit: AuditSettings, *, delivered: bool, quiet: bool
) -> int:
    code = exit_code_for(report, fail_under=audit.fail_under, fail_on=audit.fail_on)
    for reason in policy_failures(report, fail_under=audit.fail_under, fail_on=audit.fail_on):
        env.info(f"privaudit: policy not met: {reason}", quiet=quiet)
    if code is ExitCode.INCOMPLETE:
        env.info(
            f"privaudit: audit incomplete: {report.score.errors} result(s) could not be checked",
            quiet=quiet,
        )
    if not delivered and code is ExitCode.OK:
        # Monitoring relies on the webhook: a lost notification is not a clean run.
        code = ExitCode.INCOMPLETE
    return int(code)
