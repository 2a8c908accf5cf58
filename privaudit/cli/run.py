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
from privaudit.render.common import AREA_NAMES
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
            details=request.details,
            group_by=request.group_by,
            links=to_terminal and ui.supports_links(sys.stdout),
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
    """The exit code, and one line on stderr saying why it is 1 or 3, even with --quiet:
    a scheduled job's log must say why it failed."""
    code = exit_code_for(report, fail_under=audit.fail_under, fail_on=audit.fail_on)
    reasons = policy_failures(report, fail_under=audit.fail_under, fail_on=audit.fail_on)
    if code is ExitCode.POLICY:
        ui.info(f"privaudit: exit 1, policy not met: {'; '.join(reasons)}", quiet=False)
    if code is ExitCode.INCOMPLETE:
        why = incomplete_reason(report, audit.fail_under)
        ui.info(f"privaudit: exit 3, audit incomplete: {why}", quiet=False)
    if not delivered and code is ExitCode.OK:
        # Monitoring relies on the webhook: a lost notification is not a clean run.
        code = ExitCode.INCOMPLETE
        ui.info("privaudit: exit 3, the --notify webhook was not delivered", quiet=False)
    return int(code)


def incomplete_reason(report: Report, fail_under: int | None) -> str:
    parts = []
    if report.score.errors:
        parts.append(f"{report.score.errors} result(s) could not be checked")
    if report.score.missing and fail_under is not None:
        missing = " and ".join(AREA_NAMES[m] for m in report.score.missing)
        parts.append(f"{missing} not checked, so --fail-under cannot be met")
    if report.score.value is None and not parts:
        parts.append("nothing could be scored, so --fail-under cannot be met")
    return "; ".join(parts) or "some results are unknown"
