"""What an audit does around the run itself: the baseline from history, --since-last
and --notify. The logic lives in privaudit.store and privaudit.trends; this joins them."""

from __future__ import annotations

import contextlib
import dataclasses
from dataclasses import dataclass
from pathlib import Path

from privaudit.errors import ServiceError
from privaudit.i18n import N_, _
from privaudit.model import Report, TrendPoint
from privaudit.notify import TIMEOUT_SECONDS, post_summary
from privaudit.runs import RunSummary
from privaudit.store.history import History
from privaudit.store.lock import profile_lock
from privaudit.store.profile_key import outbound_key, profile_secret
from privaudit.trends import new_problem_keys, notification_payload, notify_reasons

FIRST_RUN_NOTICE = N_(
    "This is the first recorded run of this profile: every problem is marked new."
)


def profile_name(source_path: str | None) -> str:
    """Runs are grouped (locked, compared, charted) per config file."""
    return str(Path(source_path).resolve()) if source_path else "default"


def lock_and_open_history(stack: contextlib.ExitStack[bool | None], profile: str) -> History:
    """Take the profile's lock, then open its history, both held until `stack` closes."""
    stack.enter_context(profile_lock(profile))
    return stack.enter_context(History.open())


@dataclass(frozen=True)
class Baseline:
    """The previous run of this profile, if any, and the earlier scores."""

    previous: RunSummary | None = None
    problem_keys: frozenset[str] | None = None
    """The previous run's problem keys; loaded only for --since-last and --notify."""
    trend: tuple[TrendPoint, ...] = ()


def load_baseline(history: History | None, profile: str, *, compare: bool = True) -> Baseline:
    """The previous run's summary and scores; its problem keys only when `compare`.

    A run of 50,000 logins stores 100,000+ results: reading them all on every
    audit cost seconds and hundreds of MB, for features most runs do not use.
    """
    if history is None:
        return Baseline()
    previous = history.last(profile)
    keys = history.problem_keys(previous.id) if previous and compare else None
    return Baseline(previous, keys, history.trend(profile))


def mark_new(report: Report, baseline: Baseline) -> Report:
    notices = report.notices
    if baseline.previous is None:
        notices = (*notices, _(FIRST_RUN_NOTICE))
    return dataclasses.replace(
        report, new_keys=new_problem_keys(report, baseline.problem_keys), notices=notices
    )


@dataclass(frozen=True)
class Delivery:
    """What became of --notify: `delivered` is False when the webhook was unreachable."""

    delivered: bool
    message: str
    warning: bool = False


def notify(url: str, report: Report, baseline: Baseline, *, profile: str) -> Delivery:
    """POST the summary when the score dropped or serious problems appeared.

    Finding keys go out keyed with the profile's secret (store/profile_key.py).
    """
    reasons = notify_reasons(report, baseline.previous, baseline.problem_keys)
    if not reasons:
        return Delivery(True, "privaudit: no notification: the score did not drop")
    secret = profile_secret(profile)
    payload = notification_payload(
        report,
        baseline.previous,
        reasons,
        new_problem_keys(report, baseline.problem_keys),
        lambda key: outbound_key(secret, key),
    )
    import httpx  # noqa: PLC0415  # only runs with --notify pay for httpx here

    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        try:
            post_summary(client, url, payload)
        except ServiceError as exc:
            return Delivery(False, f"privaudit: warning: {exc}", warning=True)
    return Delivery(True, f"privaudit: notification sent ({'; '.join(reasons)})")
