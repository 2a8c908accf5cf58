"""`privaudit password check`'s wiring: passwords from stdin or a hidden prompt, the
pipeline's password checker, one line per result, an exit code."""

from __future__ import annotations

import getpass

from privaudit.cli.env import Environment
from privaudit.errors import UsageError
from privaudit.exitcodes import ExitCode
from privaudit.inputs import password_lines
from privaudit.model import Report, Status
from privaudit.pipeline.password import PasswordChecker
from privaudit.pipeline.request import PasswordCheckRequest
from privaudit.pipeline.settings import password_settings


def run_password_check(
    env: Environment, request: PasswordCheckRequest, *, password_stdin: bool
) -> int:
    checker = PasswordChecker(request, password_settings(request))

    def run(passwords: list[str], first: int) -> int:
        report = checker.check(passwords, first=first)
        _print(env, report)
        return exit_code(report)

    if password_stdin:
        lines = password_lines(env.stdin_bytes.read())
        if not lines:
            raise UsageError("--password-stdin: no password on stdin (one a line)")
        return run(lines, 1)
    if not env.stdin_isatty:
        raise UsageError("no terminal to prompt on: pipe passwords with --password-stdin")
    codes: list[int] = []
    number = 1
    while True:
        # getpass, not typer.prompt: click prints the prompt before turning echo
        # off, so a password typed or pasted quickly could be echoed.
        typed = getpass.getpass("Password to check (empty to finish): ")
        if not typed:
            break
        codes.append(run([typed], number))
        number += 1
    if not codes:
        raise UsageError("no password typed; nothing was checked")
    return _worst(codes)


def exit_code(report: Report) -> int:
    statuses = {f.status for f in report.findings}
    if Status.FAIL in statuses:
        return int(ExitCode.POLICY)
    if Status.ERROR in statuses or Status.SKIP in statuses:
        return int(ExitCode.INCOMPLETE)  # a skipped breach check is an unknown, not a pass
    return int(ExitCode.OK)


def _worst(codes: list[int]) -> int:
    return ExitCode.POLICY if ExitCode.POLICY in codes else max(codes)


def _print(env: Environment, report: Report) -> None:
    labels = {"PW101": "strength", "BR101": "breach"}
    order: dict[str, int] = {}
    for finding in report.findings:
        order.setdefault(finding.subject, len(order))
    for finding in sorted(report.findings, key=lambda f: order[f.subject]):
        what = labels.get(finding.check_id, finding.check_id)
        about = "" if finding.subject == report.meta(finding.check_id).title else finding.subject
        who = f"password {about}: " if about else ""
        env.echo(f"{who}{what} {finding.status.value}: {finding.message}")
