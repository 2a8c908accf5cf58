"""The audit command's wiring: a request in, the pipeline, the report out, an exit code."""

from __future__ import annotations

import getpass
import sys

from privaudit.cli import ui
from privaudit.cli.checklist import offer_checklists
from privaudit.exitcodes import ExitCode
from privaudit.model import Report
from privaudit.pipeline.audit import AuditIO, open_audit
from privaudit.pipeline.request import AuditRequest
from privaudit.pipeline.settings import audit_settings
from privaudit.policy import exit_code_for, policy_failures
from privaudit.render import RenderOptions, get_renderer
from privaudit.settings import AuditSettings


def run_audit_command(request: AuditRequest) -> int:
    settings, exports = audit_settings(request)
    audit = settings.audit
    renderer = get_renderer(audit.format)  # fail on a bad --format before any work
    io = AuditIO(
        stdin=sys.stdin.buffer,
        stdin_is_tty=ui.stdin_is_interactive(),
        ask_secret=getpass.getpass,
        offer_checklists=offer_checklists,
    )
    with open_audit(request, settings, exports, io) as run:
        show_progress = not request.quiet and ui.isatty(sys.stderr)
        with ui.progress_bar(show_progress) as on_progress:
            report = run.run(on_progress)
        to_terminal = request.output is None
        options = RenderOptions(
            width=ui.width_for(sys.stdout) if to_terminal else 100,
            color=to_terminal and ui.wants_color(sys.stdout),
            trend=run.baseline.trend,
        )
        ui.write_report(renderer(report, options), request.output)
        if request.output is not None:
            ui.info(f"report written to {request.output}", quiet=request.quiet)
        run.record(report)
        delivery = run.notify(report)
        if delivery is not None:
            ui.info(delivery.message, quiet=request.quiet and not delivery.warning)
    delivered = delivery is None or delivery.delivered
    return exit_code(report, audit, delivered=delivered, quiet=request.quiet)


def exit_code(report: Report, audit: AuditSettings, *, delivered: bool, quiet: bool) -> int:
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
