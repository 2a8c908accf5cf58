"""The services a run puts in its AuditContext, built in one place.

A new service (an exposure catalogue, a worker pool) is built here and given a
field in `AuditContext`, so checks receive it and never build it themselves.
"""

from __future__ import annotations

from privaudit.settings import Settings
from privaudit.strength import StrengthEstimator, ZxcvbnEstimator
from privaudit.tfa.dataset import load_builtin
from privaudit.tfa.match import Directory
from privaudit.tfa.store import choose_dataset


def strength_estimator() -> StrengthEstimator:
    return ZxcvbnEstimator()


def tfa_directory(settings: Settings, *, demo: bool) -> tuple[Directory, str | None]:
    """The 2FA support data and a notice about it (stale, or fell back to the built-in)."""
    if demo:  # the demo shows the same findings on every machine
        return Directory(load_builtin()), None
    dataset, notice = choose_dataset(settings.tfa)
    return Directory(dataset), notice
