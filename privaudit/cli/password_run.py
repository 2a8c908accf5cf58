"""`privaudit password check`'s wiring: passwords from stdin or a hidden prompt, the
pipeline's password checker, one line per result, an exit code."""

from __future__ import annotations

from privaudit.cli.env import Environment
from privaudit.cli.hidden import ask_hidden
from privaudit.errors import UsageError
from privaudit.exitcodes import ExitCode
from privaudit.i18n import _, ngettext
from privaudit.inputs import password_lines
from privaudit.model import Report, Status
from privaudit.pipeline.password import PasswordChecker
from privaudit.pipeline.request import PasswordCheckRequest
from privaudit.pipeline.settings import password_settings
from privaudit.render.labels import status_label


def run_password_check(
    env: Environment, request: PasswordCheckRequest, *, password_stdin: bool
) -> int:
    checker = PasswordChecker(request, password_settings(request))

    reports: list[Report] = []

    def run(passwords: list[str], first: int) -> int:
        report = checker.check(passwords, first=first)
        _print(env, report, first=first, count=len(passwords))
        reports.append(report)
        return exit_code(report)

    if password_stdin:
        lines = password_lines(env.stdin_bytes.read())
        if not lines:
            raise UsageError(_("--password-stdin: no password on stdin (one a line)"))
        code = run(lines, 1)
        env.echo(summary(reports, len(lines)))
        return code
    if not env.stdin_isatty:
        raise UsageError(_("no terminal to prompt on: pipe passwords with --password-stdin"))
    codes: list[int] = []
    number = 1
    while True:
        try:
            typed = ask_hidden(_("Password to check (empty to finish): "))
        except EOFError:
            # Ctrl-D is "I am done", like an empty line; the prompt's line is open.
            env.stderr.write("\n")
            break
        if not typed:
            break
        codes.append(run([typed], number))
        number += 1
    if not codes:
        raise UsageError(_("no password typed; nothing was checked"))
    env.echo(summary(reports, number - 1))
    return _worst(codes)


def exit_code(report: Report) -> int:
    """The audit's rule: a check that failed to run is 3; a check the user turned off
    (`--offline` without a corpus) is a SKIP, printed as such, and not an error."""
    statuses = {f.status for f in report.findings}
    if Status.FAIL in statuses:
        return int(ExitCode.POLICY)
    if Status.ERROR in statuses:
        return int(ExitCode.INCOMPLETE)
    return int(ExitCode.OK)


def summary(reports: list[Report], checked: int) -> str:
    """One closing line, so a long run ends with its verdict."""
    findings = [f for r in reports for f in r.findings]

    def count(check_id: str, status: Status) -> int:
        return sum(1 for f in findings if f.check_id == check_id and f.status is status)

    skipped = any(f.check_id == "BR101" and f.status is Status.SKIP for f in findings)
    # A skipped breach check never reads as "0 breached": it says it did not run.
    breached = count("BR101", Status.FAIL)
    parts = (
        [_("breach status not checked")]
        if skipped
        else [ngettext("{n} breached", "{n} breached", breached).format(n=breached)]
    )
    weak = count("PW101", Status.FAIL)
    parts.append(ngettext("{n} too weak", "{n} too weak", weak).format(n=weak))
    unknown = count("BR101", Status.ERROR)
    if unknown:
        parts.append(
            ngettext(
                "{n} with unknown breach status", "{n} with unknown breach status", unknown
            ).format(n=unknown)
        )
    head = ngettext("{n} password checked: {results}", "{n} passwords checked: {results}", checked)
    return head.format(n=checked, results=", ".join(parts))


def _worst(codes: list[int]) -> int:
    return ExitCode.POLICY if ExitCode.POLICY in codes else max(codes)


def _print(env: Environment, report: Report, *, first: int, count: int) -> None:
    labels = {"PW101": _("strength"), "BR101": _("breach")}
    order: dict[str, int] = {}
    for finding in report.findings:
        order.setdefault(finding.subject, len(order))
    for finding in sorted(report.findings, key=lambda f: order[f.subject]):
        what = labels.get(finding.check_id, finding.check_id)
        about = "" if finding.subject == report.meta(finding.check_id).title else finding.subject
        if about:
            who = _("password {which}").format(which=about)
        elif count == 1:  # one finding for the whole batch (a skipped breach check)
            who = _("password #{n}").format(n=first)
        else:
            who = _("passwords #{first}-#{last}").format(first=first, last=first + count - 1)
        status = status_label(finding.status).lower()
        env.echo(f"{who}: {what} {status}: {finding.message}")
