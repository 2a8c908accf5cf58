"""The audit command's wiring: a request in, the pipeline, the report out, an exit code."""

from __future__ import annotations

from privaudit.cli import ui
from privaudit.cli.checklist import offer_checklists
from privaudit.cli.env import Environment
from privaudit.cli.hidden import ask_hidden
from privaudit.cli.lang import choose_configured
from privaudit.cli.share_to import deliver, share_target
from privaudit.exitcodes import ExitCode
from privaudit.i18n import _, ngettext
from privaudit.model import Report
from privaudit.pipeline.audit import AuditIO, open_audit
from privaudit.pipeline.request import AuditRequest
from privaudit.pipeline.settings import audit_settings
from privaudit.policy import exit_code_for, policy_failures
from privaudit.render import get_renderer
from privaudit.render.common import missing_areas
from privaudit.settings import AuditSettings


def run_audit_command(env: Environment, request: AuditRequest) -> int:
    settings, exports = audit_settings(request)
    audit = settings.audit
    choose_configured(env, audit.lang)
    renderer = get_renderer(audit.format)  # fail on a bad --format before any work
    target = share_target(request, audit)  # and on a bad --share-to or its --code
    if request.share is not None or (request.code is not None and target is None):
        from privaudit.classroom.output import check_share_request  # noqa: PLC0415

        check_share_request(request.share, request.code, output=request.output)
    io = AuditIO(
        stdin=env.stdin_bytes,
        stdin_is_tty=env.stdin_isatty,
        ask_secret=ask_hidden,
        offer_checklists=lambda plan, accounts: offer_checklists(env, plan, accounts),
        say=lambda line: env.info(line, quiet=request.quiet),
    )
    with open_audit(request, settings, exports, io) as run:
        with ui.progress_bar(env, not request.quiet) as on_progress:
            report = run.run(on_progress)
        to_terminal = request.output is None
        options = ui.render_options(
            env,
            to_terminal=to_terminal,
            trend=run.baseline.trend,
            details=request.details,
            group_by=request.group_by,
        )
        ui.write_report(env, renderer(report, options), request.output)
        if request.output is not None:
            written = _("report written to {path}").format(path=request.output)
            env.info(written, quiet=request.quiet)
        shared_doc = None
        if request.share is not None or target is not None:
            from privaudit.classroom import output  # noqa: PLC0415

            # One document (one round of the learner token) for the file and the server.
            shared_doc = output.share_document(report, request.code)
            if request.share is not None:
                output.write_share(request.share, shared_doc)
                line = output.share_written(request.share, shared_doc["day"])
                env.info(line, quiet=request.quiet)
        run.record(report)
        delivery = run.notify(report)
        if delivery is not None:
            env.info(delivery.message, quiet=request.quiet and not delivery.warning)
    delivered = delivery is None or delivery.delivered
    code = exit_code(env, report, audit, delivered=delivered)
    if target is not None and shared_doc is not None:
        from privaudit.classroom.share import dumps  # noqa: PLC0415

        shared = deliver(target, dumps(shared_doc))
        env.info(shared.message, quiet=request.quiet and shared.delivered)
        if code == ExitCode.OK and not shared.delivered:
            code = int(shared.exit_code)  # a result that did not reach the class is not a clean run
    return code


def exit_code(env: Environment, report: Report, audit: AuditSettings, *, delivered: bool) -> int:
    """The exit code, and one line on stderr saying why it is 1 or 3, even with --quiet:
    a scheduled job's log must say why it failed."""
    code = exit_code_for(report, fail_under=audit.fail_under, fail_on=audit.fail_on)
    reasons = policy_failures(report, fail_under=audit.fail_under, fail_on=audit.fail_on)
    if code is ExitCode.POLICY:
        env.info(
            _("privaudit: exit 1, policy not met: {reasons}").format(reasons="; ".join(reasons))
        )
    if code is ExitCode.INCOMPLETE:
        why = incomplete_reason(report, audit.fail_under)
        env.info(_("privaudit: exit 3, audit incomplete: {why}").format(why=why))
    if not delivered and code is ExitCode.OK:
        # Monitoring relies on the webhook: a lost notification is not a clean run.
        code = ExitCode.INCOMPLETE
        env.info(_("privaudit: exit 3, the --notify webhook was not delivered"))
    return int(code)


def incomplete_reason(report: Report, fail_under: int | None) -> str:
    parts = []
    if n := report.score.errors:
        parts.append(
            ngettext(
                "{n} result could not be checked", "{n} results could not be checked", n
            ).format(n=n)
        )
    if report.score.missing and fail_under is not None:
        parts.append(
            _("{areas} not checked, so --fail-under cannot be met").format(
                areas=missing_areas(report)
            )
        )
    if report.score.value is None and not parts:
        parts.append(_("nothing could be scored, so --fail-under cannot be met"))
    return "; ".join(parts) or _("some results are unknown")
