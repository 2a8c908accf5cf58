"""What an audit does around the run itself: the profile lock, history, --since-last
and --notify. Wiring only; the logic lives in privaudit.store and privaudit.trends."""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from privaudit.cli import ui
from privaudit.model import Report, TrendPoint

if TYPE_CHECKING:
    from privaudit.store.history import History, RunResult, RunSummary

FIRST_RUN_NOTICE = "This is the first recorded run of this profile: every problem is marked new."


def profile_name(source_path: str | None) -> str:
    """Runs are grouped (locked, compared, charted) per config file."""
    from pathlib import Path  # noqa: PLC0415

    return str(Path(source_path).resolve()) if source_path else "default"


def lock_and_open_history(stack: contextlib.ExitStack[bool | None], profile: str) -> History:
    """Take the profile's lock, then open its history, both held until `stack` closes."""
    from privaudit.store.history import History  # noqa: PLC0415
    from privaudit.store.lock import profile_lock  # noqa: PLC0415

    stack.enter_context(profile_lock(profile))
    return stack.enter_context(History.open())


@dataclass(frozen=True)
class Baseline:
    """The previous run of this profile, if any, and the earlier scores."""

    previous: RunSummary | None = None
    results: tuple[RunResult, ...] | None = None
    trend: tuple[TrendPoint, ...] = ()


def load_baseline(history: History | None, profile: str) -> Baseline:
    if history is None:
        return Baseline()
    previous = history.last(profile)
    results = tuple(history.results(previous.id)) if previous else None
    return Baseline(previous, results, history.trend(profile))


def mark_new(report: Report, baseline: Baseline) -> Report:
    from privaudit.trends import new_problem_keys  # noqa: PLC0415

    notices = report.notices
    if baseline.previous is None:
        notices = (*notices, FIRST_RUN_NOTICE)
    return dataclasses.replace(
        report, new_keys=new_problem_keys(report, baseline.results), notices=notices
    )


def notify(url: str, report: Report, baseline: Baseline, *, profile: str, quiet: bool) -> bool:
    """POST the summary when the score dropped or serious problems appeared.

    Returns False when the webhook could not be reached (the caller exits 3).
    """
    import httpx  # noqa: PLC0415

    from privaudit.errors import ServiceError  # noqa: PLC0415
    from privaudit.notify import TIMEOUT_SECONDS, post_summary  # noqa: PLC0415
    from privaudit.store.profile_key import outbound_key, profile_secret  # noqa: PLC0415
    from privaudit.trends import (  # noqa: PLC0415
        new_problem_keys,
        notification_payload,
        notify_reasons,
    )

    reasons = notify_reasons(report, baseline.previous, baseline.results)
    if not reasons:
        ui.info("privaudit: no notification: the score did not drop", quiet=quiet)
        return True
    secret = profile_secret(profile)
    payload = notification_payload(
        report,
        baseline.previous,
        reasons,
        new_problem_keys(report, baseline.results),
        lambda key: outbound_key(secret, key),
    )
    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        try:
            post_summary(client, url, payload)
        except ServiceError as exc:
            ui.info(f"privaudit: warning: {exc}")
            return False
    ui.info(f"privaudit: notification sent ({'; '.join(reasons)})", quiet=quiet)
    return True
