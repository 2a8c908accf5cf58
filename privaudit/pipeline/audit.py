"""An audit request turned into a complete AuditContext and a Report.

`open_audit` does, in this order: refuse bad usage (an --output that is not a
regular file or a new path included), read stdin passwords, probe the profile
lock (a second run stops here with exit 3, creating nothing), gather the inputs
(bad input exits 2 with nothing created, not even the lock file), take the
lock and open the history, and build the one context every check reads. The caller renders and
writes the report, then calls `record` and `notify`: the report first, then the
history, each write atomic on its own.
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from privaudit.accounts import Account
from privaudit.check import Check
from privaudit.checklists.audit import ChecklistPlan, load_plan
from privaudit.context import AuditContext, utc_now
from privaudit.demo import demo_accounts
from privaudit.errors import NothingToAudit, UsageError
from privaudit.i18n import N_, _, current_language
from privaudit.inputs import password_lines
from privaudit.model import Report
from privaudit.notify import check_url
from privaudit.pipeline import history as runs
from privaudit.pipeline.checks import in_scope, registry_for
from privaudit.pipeline.exposure import email_key, exposure_service
from privaudit.pipeline.inputs import GatheredInputs, gather_inputs
from privaudit.pipeline.reading import read_options
from privaudit.pipeline.request import AuditRequest
from privaudit.pipeline.services import strength_estimator, tfa_directory
from privaudit.pwned.factory import build_lookup
from privaudit.render.common import GROUP_BY
from privaudit.runner import ProgressCallback, run_audit
from privaudit.settings import Settings
from privaudit.store.atomic import check_output_path
from privaudit.store.history import History
from privaudit.store.lock import probe_lock
from privaudit.tfa.email import main_email
from privaudit.tfa.naming import with_service_names

NOTHING_TO_AUDIT = N_(
    "nothing to audit: give a password-manager export (--accounts FILE), list your"
    " accounts in a profile (--config FILE, see docs/configuration.md), or choose"
    " privacy checklists (privaudit checklist run PLATFORM)"
)

OfferChecklists = Callable[[ChecklistPlan, Sequence[Account]], ChecklistPlan]


@dataclass(frozen=True)
class AuditIO:
    """What the pipeline may read from the user: stdin and, when interactive, prompts."""

    stdin: BinaryIO
    stdin_is_tty: bool = False
    ask_secret: Callable[[str], str] | None = None
    offer_checklists: OfferChecklists | None = None
    say: Callable[[str], None] = lambda _line: None
    """Status lines for the user (stderr), e.g. that email lookups are under way."""


@dataclass(frozen=True)
class AuditRun:
    """Everything one run needs, built once: the checks, the context, the baseline."""

    request: AuditRequest
    checks: tuple[Check, ...]
    context: AuditContext
    inputs: GatheredInputs
    notices: tuple[str, ...]
    datasets: dict[str, str]
    baseline: runs.Baseline = field(default_factory=runs.Baseline)
    history: History | None = None
    profile: str = "default"

    def run(self, on_progress: ProgressCallback | None = None) -> Report:
        report = run_audit(
            self.checks,
            self.context,
            inputs=self.inputs.summary(datasets=self.datasets),
            notices=self.notices,
            on_progress=on_progress,
            demo=self.request.demo,
        )
        if self.request.since_last:
            report = runs.mark_new(report, self.baseline)
        return report

    def record(self, report: Report) -> None:
        if self.history is not None:
            self.history.append(report, self.profile)

    def notify(self, report: Report) -> runs.Delivery | None:
        if self.request.notify is None:
            return None
        return runs.notify(self.request.notify, report, self.baseline, profile=self.profile)


def check_usage(request: AuditRequest, exports: Sequence[str | Path]) -> None:
    if request.group_by not in GROUP_BY:
        raise UsageError(
            _("--group-by {value!r}: choose one of {choices}").format(
                value=request.group_by, choices=", ".join(GROUP_BY)
            )
        )
    if request.notify is not None:
        check_url(request.notify)
    if request.output is not None:
        check_output_path(request.output)  # a device or FIFO is refused before any work
    if request.demo and (request.since_last or request.notify):
        raise UsageError(_("demo runs are not recorded: --since-last and --notify need 'audit'"))
    stdin_readers = [e for e in exports if str(e) == "-"]
    stdin_readers += ["-"] * (request.password_stdin + request.kdbx_password_stdin)
    if len(stdin_readers) > 1:
        raise UsageError(
            _("stdin can feed only one of --accounts -, --password-stdin and --kdbx-password-stdin")
        )


@contextlib.contextmanager
def open_audit(
    request: AuditRequest, settings: Settings, exports: Sequence[str | Path], io: AuditIO
) -> Iterator[AuditRun]:
    """The run for `request` (settings from `pipeline.settings.audit_settings`)."""
    audit = settings.audit
    check_usage(request, exports)
    lines = password_lines(io.stdin.read(), "--password-stdin") if request.password_stdin else None
    with contextlib.ExitStack() as stack:
        profile = runs.profile_name(settings.source_path)
        if not request.demo:
            probe_lock(profile)  # a second run stops here (exit 3), creating nothing
        interactive = not request.no_input and io.stdin_is_tty and not request.demo
        # The demo's plan holds its own pre-answered items: it never reads user data.
        plan = load_plan(
            settings,
            demo=request.demo,
            now=utc_now(),
            lang=request.lang,
            default=current_language(),
        )
        checks = registry_for(plan).select(audit.select, audit.skip)
        api_key = email_key(request, io.ask_secret if interactive else None)
        inputs = gather_inputs(
            settings,
            exports,
            source_format=request.source_format,
            read_stdin=io.stdin.read,
            password_lines=lines,
            remind_to_delete=not request.demo,
            read_options=read_options(request, io.stdin, io.ask_secret if interactive else None),
        )
        if request.demo:
            inputs = dataclasses.replace(inputs, accounts=demo_accounts(inputs.accounts))
        # Email lookups before the lock and history: a rejected HIBP key exits 2 with
        # nothing created.
        exposure, exposure_notices = exposure_service(
            request, settings, inputs.accounts, api_key, stack, io.say
        )
        # Only once the inputs are good: bad input exits 2 with nothing created, not
        # even the lock file.
        history = None if request.demo else runs.lock_and_open_history(stack, profile)
        if interactive and io.offer_checklists is not None:
            plan = io.offer_checklists(plan, inputs.accounts)
        checks, checklists = in_scope(plan, checks, inputs.accounts, audit.select)
        pwned = build_lookup(settings.pwned, offline=audit.offline, use_cache=not request.no_cache)
        if not inputs.accounts and not checklists.scope:
            # Before any history row: an empty report that exits 0 would read as "all good".
            raise NothingToAudit(_(NOTHING_TO_AUDIT))
        tfa, tfa_notice = tfa_directory(settings, demo=request.demo)
        # One name per account everywhere: "X", not the "x.com" a browser exported.
        inputs = dataclasses.replace(inputs, accounts=with_service_names(inputs.accounts, tfa))
        email = main_email(inputs.accounts, tfa)
        if email is not None:
            checklists = dataclasses.replace(checklists, main_email=frozenset({email.subject}))
        context = AuditContext(
            accounts=inputs.accounts,
            settings=settings,
            offline=audit.offline,
            interactive=interactive,
            strength=strength_estimator(),
            tfa=tfa,
            checklists=checklists,
            pwned=pwned,
            exposure=exposure,
        )
        yield AuditRun(
            request=request,
            checks=tuple(checks),
            context=context,
            inputs=inputs,
            notices=(*inputs.notices, *([tfa_notice] if tfa_notice else []), *exposure_notices),
            datasets={"2fa": tfa.label, **exposure.labels},
            baseline=runs.load_baseline(
                history, profile, compare=request.since_last or request.notify is not None
            ),
            history=history,
            profile=profile,
        )
