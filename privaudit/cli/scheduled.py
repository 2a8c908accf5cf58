"""What an audit does around the run itself: the profile lock, history, --since-last
and --notify. Wiring only; the logic lives in privaudit.store and privaudit.trends."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from privaudit.cli import ui
from privaudit.model import Report, TrendPoint

if TYPE_CHECKING:
    from privaudit.store.history import History, RunSummary

FIRST_RUN_NOTICE = "This is the first recorded run of this profile: every problem is marked new."


def profile_name(source_path: str | None) -> str:
    """Runs are grouped (locked, compared, charted) per config file."""
    from pathlib import Path  # noqa: PLC0415

    return str(Path(source_path).resolve()) if source_path else "default"


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
    from privaudit.trends import new_problem_keys  # noqa: PLC0415

    notices = report.notices
    if baseline.previous is None:
        notices = (*notices, FIRST_RUN_NOTICE)
    return dataclasses.replace(
        report, new_keys=new_problem_keys(report, baseline.problem_keys), notices=notices
    )


def notify(url: str, report: Report, baseline: Baseline, *, quiet: bool) -> bool:
    """POST the summary when the score dropped or serious problems appeared.

    Returns False when the webhook could not be reached (the caller exits 3).
    """
    import httpx  # noqa: PLC0415

    from privaudit.errors import ServiceError  # noqa: PLC0415
    from privaudit.notify import TIMEOUT_SECONDS, post_summary  # noqa: PLC0415
    from privaudit.trends import (  # noqa: PLC0415
        new_problem_keys,
        notification_payload,
        notify_reasons,
    )

    reasons = notify_reasons(report, baseline.previous, baseline.problem_keys)
    if not reasons:
        ui.info("privaudit: no notification: the score did not drop", quiet=quiet)
        return True
    payload = notification_payload(
        report, baseline.previous, reasons, new_problem_keys(report, baseline.problem_keys)
    )
    with httpx.Client(timeout=TIMEOUT_SECONDS, follow_redirects=False) as client:
        try:
            post_summary(client, url, payload)
        except ServiceError as exc:
            ui.info(f"privaudit: warning: {exc}")
            return False
    ui.info(f"privaudit: notification sent ({'; '.join(reasons)})", quiet=quiet)
    return True
