"""The workshop's wiring: the language, the audit (the learner's data or the demo's)
through the pipeline, the terminal, the session, and the deck file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from privaudit.checklists.lang import pick_lang
from privaudit.classroom.output import check_share_request
from privaudit.cli.env import Environment
from privaudit.cli.hidden import ask_hidden
from privaudit.cli.lang import explicit
from privaudit.cli.workshop_end import offer
from privaudit.errors import NothingToAudit, UsageError
from privaudit.exitcodes import ExitCode
from privaudit.i18n import SUPPORTED, Domain, set_language
from privaudit.model import Report, Status
from privaudit.pipeline.audit import AuditIO, open_audit
from privaudit.pipeline.password import PasswordChecker
from privaudit.pipeline.request import AuditRequest, PasswordCheckRequest
from privaudit.pipeline.services import strength_estimator
from privaudit.pipeline.settings import audit_settings, password_settings
from privaudit.store.atomic import check_output_path, write_atomic
from privaudit.workshop.deck import render_deck
from privaudit.workshop.figures import from_report, practice_figures
from privaudit.workshop.session import Setup, Verdict, run_session

_ = Domain("workshop").gettext


@dataclass(frozen=True)
class SessionRequest:
    lang: str | None = None
    practice: bool = False
    exports: tuple[str, ...] = ()
    config: Path | None = None
    offline: bool = True
    """The workshop is offline unless the learner asks (--online): a room may have no
    network, and a lesson must not wait on one."""
    pwned_corpus: Path | None = None
    share: Path | None = None
    code: str | None = None


def choose_language(env: Environment, flag: str | None) -> str:
    flag = flag or explicit()  # `privaudit --lang es workshop` as well
    lang = pick_lang(flag, None, env.environ)
    if lang not in SUPPORTED:
        if flag:
            raise UsageError(
                _("--lang {lang}: the workshop speaks {choices}; choose one of them").format(
                    lang=flag, choices=", ".join(SUPPORTED)
                )
            )
        lang = "en"  # a locale we have no lesson for: English, as everywhere else
    set_language(lang)
    return lang


class CliTerminal:
    """The learner's terminal: lines on stdout, answers from stdin, secrets hidden."""

    def __init__(self, env: Environment) -> None:
        self.env = env
        self.width = env.width()

    def say(self, text: str = "") -> None:
        self.env.echo(text)

    def ask(self, prompt: str) -> str:
        self.env.stdout.write(prompt)
        self.env.stdout.flush()
        line = self.env.stdin.readline()
        if not line:
            raise EOFError
        return line.rstrip("\r\n")

    def ask_hidden(self, prompt: str) -> str:
        return ask_hidden(prompt)


def demo_report(env: Environment) -> Report:
    """The demo audit, exactly as `privaudit demo` runs it (offline, bundled data)."""
    request = AuditRequest(demo=True, no_input=True, quiet=True)
    settings, exports = audit_settings(request)
    with open_audit(request, settings, exports, AuditIO(stdin=env.stdin_bytes)) as run:
        return run.run()


def learner_report(env: Environment, request: SessionRequest) -> Report:
    audit = AuditRequest(
        exports=request.exports,
        config=request.config,
        offline=request.offline,
        pwned_corpus=request.pwned_corpus,
        no_input=True,
        quiet=True,
    )
    settings, exports = audit_settings(audit)
    io = AuditIO(stdin=env.stdin_bytes, say=env.info)
    try:
        with open_audit(audit, settings, exports, io) as run:
            # One line in the learner's language instead of the audit's progress bar.
            env.echo(_("Looking at your data, on this computer…"))
            return run.run()
    except NothingToAudit:
        # The message is translated, so the kind of error says what happened.
        raise UsageError(
            _(
                "the workshop has nothing of yours to look at: give your password-manager"
                " export (--accounts FILE) or a profile (--config FILE), or practise on"
                " fake data with --practice"
            )
        ) from None


def password_checker(request: SessionRequest) -> PasswordChecker:
    check = PasswordCheckRequest(
        config=request.config, offline=request.offline, pwned_corpus=request.pwned_corpus
    )
    return PasswordChecker(check, password_settings(check))


def verdict_of(report: Report) -> Verdict:
    """The one-password result as the session shows it: unknown is never "not found"."""
    score, log10, seen, status = 0, 0.0, None, Status.ERROR
    for f in report.findings:
        if f.check_id == "PW101":
            status = f.status
            score = int(f.details.get("zxcvbn_score", 0) or 0)
            log10 = float(f.details.get("guesses_log10", 0.0) or 0.0)
        elif f.check_id == "BR101" and f.status in (Status.PASS, Status.FAIL):
            count = f.details.get("breach_count")
            seen = int(count) if isinstance(count, int) else 0
    return Verdict(score=score, guesses_log10=log10, seen=seen, status=status)


def run_workshop(env: Environment, request: SessionRequest) -> int:
    choose_language(env, request.lang)
    if request.practice and (request.exports or request.config or request.share):
        raise UsageError(
            _(
                "--practice uses only the bundled fake data: leave out --accounts, --config"
                " and --share"
            )
        )
    if request.share is not None or request.code is not None:
        check_share_request(request.share, request.code)  # before any work
    if not env.stdin_isatty:
        raise UsageError(
            _(
                "the workshop goes at your pace and needs a terminal; for a room, write the"
                " slides with `privaudit workshop deck --output deck.html`"
            )
        )
    if request.practice:
        report = demo_report(env)
        setup = Setup(practice_figures(report, strength_estimator()), practice=True)
    else:
        report = learner_report(env, request)
        checker = password_checker(request)
        setup = Setup(
            from_report(report),
            practice=False,
            incomplete=report.incomplete,
            check_password=lambda typed: verdict_of(checker.check([typed])),
            finish=offer(report, request.share, request.code),
        )
    run_session(CliTerminal(env), setup)  # stopping is a choice, not a failure: exit 0
    return int(ExitCode.OK)


def write_deck(env: Environment, output: Path, lang: str | None) -> int:
    choose_language(env, lang)
    check_output_path(output)
    figures = practice_figures(demo_report(env), strength_estimator())
    write_atomic(output, render_deck(figures).encode("utf-8"))
    env.info(_("Slide deck written to {path}").format(path=output))
    return int(ExitCode.OK)
