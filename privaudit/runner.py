"""Run checks over a context and assemble the Report.

Checks run concurrently: async checks on the event loop, plain ones in worker
threads, so a slow network check never waits for a CPU-bound one. Whatever a
check raises becomes an ERROR finding and the run goes on.
"""

from __future__ import annotations

import asyncio
import inspect
import traceback
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import assert_never

from privaudit import __version__
from privaudit.check import Check
from privaudit.checks.lang import title_ref, untranslated_notices
from privaudit.context import AuditContext
from privaudit.errors import PrivauditError
from privaudit.i18n import _, current_language
from privaudit.model import Finding, InputSummary, Need, Report, Status
from privaudit.policy import apply_ignores
from privaudit.scoring import compute_score


@dataclass(frozen=True, slots=True)
class ProgressEvent:
    check_id: str
    title: str
    done: int
    total: int
    finished: bool


ProgressCallback = Callable[[ProgressEvent], None]


def crash_reason(exc: BaseException, what: str | None = None) -> str:
    """Name the exception and where it happened, never its message.

    Messages of arbitrary exceptions can carry data (a KeyError shows its key),
    so only privaudit's own errors, whose messages are written to be shown, are
    quoted.
    """
    if isinstance(exc, PrivauditError):
        return str(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    what = what or _("the check")
    if not frames:
        message = _("{what} crashed ({error}); please report this")
        return message.format(what=what, error=type(exc).__name__)
    last = frames[-1]
    place = f"{Path(last.filename).name}:{last.lineno}"
    message = _("{what} crashed ({error} at {place}); please report this")
    return message.format(what=what, error=type(exc).__name__, place=place)


def _unmet_need(check: Check, ctx: AuditContext) -> str | None:
    """The first declared need this run cannot meet (in Need's order), if any."""
    for need in Need:
        if need in check.meta.needs:
            reason = _unmet(need, ctx)
            if reason:
                return reason
    return None


def _unmet(need: Need, ctx: AuditContext) -> str | None:
    match need:
        case Need.ACCOUNTS:
            if not ctx.accounts:
                return _("no accounts to check: add them to your profile or pass --accounts EXPORT")
        case Need.PASSWORDS:
            if not ctx.with_passwords:
                return _(
                    "no passwords to check: import an export (--accounts) or use --password-stdin"
                )
        case Need.NETWORK:
            if ctx.offline:
                return _("needs the network, and this run is offline (--offline)")
        case Need.ANSWERS:
            if ctx.checklists is None:
                return _(
                    "no checklist answers in this run: answer them with 'privaudit checklist run'"
                )
        case _:
            assert_never(need)
    return None


async def _run_one(check: Check, ctx: AuditContext) -> list[Finding]:
    meta = check.meta
    unmet = _unmet_need(check, ctx)
    if unmet:
        return [meta.finding(Status.SKIP, meta.title, unmet, ref=title_ref(check))]
    try:
        if inspect.iscoroutinefunction(check.run):
            items = list(await check.run(ctx))
        else:
            # Plain checks run in a thread; one that hands back an awaitable (a
            # wrapper around an async check) is awaited here on the loop.
            outcome = await asyncio.to_thread(_collect, check, ctx)
            items = list(await outcome) if inspect.isawaitable(outcome) else outcome
        findings = _validated(meta.id, items)
    except (KeyboardInterrupt, asyncio.CancelledError):
        raise
    except BaseException as exc:  # noqa: BLE001  # fail closed: any crash is an ERROR result
        return [meta.finding(Status.ERROR, meta.title, crash_reason(exc), ref=title_ref(check))]
    if not findings:
        return [meta.finding(Status.SKIP, meta.title, _("nothing to check"), ref=title_ref(check))]
    return findings


def _validated(check_id: str, items: Iterable[object]) -> list[Finding]:
    findings: list[Finding] = []
    for item in items:
        if not isinstance(item, Finding):
            raise TypeError(f"check {check_id} yielded a {type(item).__name__}, not a Finding")
        if item.check_id != check_id:
            raise ValueError(f"check {check_id} yielded a finding for {item.check_id}")
        findings.append(item)
    return findings


def _collect(check: Check, ctx: AuditContext) -> list[Finding] | Awaitable[Iterable[Finding]]:
    result = check.run(ctx)
    if inspect.isawaitable(result):
        return result
    return list(result)


async def run_checks(
    checks: Sequence[Check],
    ctx: AuditContext,
    on_progress: ProgressCallback | None = None,
) -> list[Finding]:
    """Run every check; return their findings in check order (deterministic)."""
    total = len(checks)
    done = 0

    async def tracked(check: Check) -> list[Finding]:
        nonlocal done
        if on_progress:
            on_progress(ProgressEvent(check.meta.id, check.meta.title, done, total, False))
        findings = await _run_one(check, ctx)
        done += 1
        if on_progress:
            on_progress(ProgressEvent(check.meta.id, check.meta.title, done, total, True))
        return findings

    tasks: list[Awaitable[list[Finding]]] = [tracked(c) for c in checks]
    results = await asyncio.gather(*tasks)
    return [finding for findings in results for finding in findings]


def run_audit(
    checks: Sequence[Check],
    ctx: AuditContext,
    *,
    inputs: InputSummary | None = None,
    notices: Iterable[str] = (),
    on_progress: ProgressCallback | None = None,
    demo: bool = False,
) -> Report:
    started = ctx.clock()
    findings = asyncio.run(run_checks(checks, ctx, on_progress))
    findings, ignore_notices = apply_ignores(findings, checks, ctx.settings.ignore, started.date())
    # Read once, in the run's language: the report keeps what the user was shown.
    shown = tuple(c.meta for c in checks)
    metas = {m.id: m for m in shown}
    inputs = inputs or InputSummary(accounts=len(ctx.accounts))
    return Report(
        tool_version=__version__,
        started_at=started,
        finished_at=ctx.clock(),
        inputs=inputs,
        checks=shown,
        findings=tuple(findings),
        score=compute_score(findings, metas, inputs.accounts),
        notices=(*notices, *ignore_notices, *untranslated_notices(shown)),
        demo=demo,
        lang=current_language(),
    )
