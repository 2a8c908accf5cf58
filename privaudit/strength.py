"""Password strength: zxcvbn, bounded so no password and no vault takes long.

zxcvbn's result dict contains the password and every matched token; only an
allowlist of harmless fields leaves this module. Passwords longer than
`MAX_ANALYSED` are rated on their first `MAX_ANALYSED` characters: characters
added to a password never make it easier to guess, so the rating is a lower
bound (a long password is at worst under-rated, never over-rated), and it keeps
zxcvbn's worst case, which grows steeply with length, well under a second.
"""

from __future__ import annotations

import functools
import gettext
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass
from typing import Any, Protocol

MAX_ANALYSED = 32
"""Code points given to zxcvbn (its own limit is 72; cost grows steeply with length)."""

PARALLEL_THRESHOLD = 300
"""Below this many distinct passwords a worker pool costs more than it saves."""


@dataclass(frozen=True, slots=True)
class Strength:
    """What privaudit keeps of a zxcvbn result: nothing that can rebuild the password."""

    score: int
    guesses_log10: float
    crack_time: str
    warning: str
    suggestions: tuple[str, ...]
    length: int
    truncated: bool


class StrengthEstimator(Protocol):
    def estimate_many(self, items: Sequence[tuple[str, tuple[str, ...]]]) -> list[Strength]: ...


def _keep_allowlisted(result: dict[str, Any], length: int, truncated: bool) -> Strength:
    feedback = result.get("feedback") or {}
    times = result.get("crack_times_display") or {}
    return Strength(
        score=int(result["score"]),
        guesses_log10=round(float(result["guesses_log10"]), 2),
        crack_time=str(times.get("offline_slow_hashing_1e4_per_second", "")),
        warning=str(feedback.get("warning") or ""),
        suggestions=tuple(str(s) for s in feedback.get("suggestions") or ()),
        length=length,
        truncated=truncated,
    )


# zxcvbn keeps the user's words in a module-level dict for the duration of a
# call, so two threads estimating at once would see each other's words.
_ZXCVBN_LOCK = threading.Lock()


def prepare_zxcvbn() -> Callable[..., dict[str, Any]]:
    from zxcvbn import matching, scoring, zxcvbn  # noqa: PLC0415  # heavy, only when needed

    from privaudit import zxcvbn_scoring  # noqa: PLC0415
    from privaudit.zxcvbn_accel import install  # noqa: PLC0415

    install(matching)
    zxcvbn_scoring.install(scoring, matching)
    _remember_feedback_texts()
    return zxcvbn  # type: ignore[no-any-return]


def _remember_feedback_texts() -> None:
    """zxcvbn's feedback calls the standard gettext for each text, which looks for
    .mo files on disk every time (~20 us, a few times a password). privaudit
    translates the English texts itself (checks/strength_text.py); the answer
    cannot change while it runs, so it is remembered."""
    from zxcvbn import feedback  # noqa: PLC0415

    if feedback._ is gettext.gettext:
        feedback._ = functools.lru_cache(maxsize=256)(gettext.gettext)


def estimate(password: str, user_inputs: Iterable[str] = ()) -> Strength:
    length = len(password)
    if not password:  # zxcvbn itself fails on an empty string
        return Strength(0, 0.0, "less than a second", "", (), 0, False)
    zxcvbn = prepare_zxcvbn()
    analysed = password[:MAX_ANALYSED]
    inputs = [u[:MAX_ANALYSED] for u in user_inputs if u]
    with _ZXCVBN_LOCK:
        result = zxcvbn(analysed, user_inputs=inputs, max_length=MAX_ANALYSED)
    return _keep_allowlisted(result, length, length > MAX_ANALYSED)


def _estimate_chunk(chunk: Sequence[tuple[str, tuple[str, ...]]]) -> list[Strength]:
    return [estimate(pw, inputs) for pw, inputs in chunk]


def estimate_rows(chunk: Sequence[tuple[str, tuple[str, ...]]]) -> list[tuple[Any, ...]]:
    """`_estimate_chunk` as plain tuples: what a worker process sends back."""
    prepare_zxcvbn()
    return [astuple(s) for s in _estimate_chunk(chunk)]


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


class ZxcvbnEstimator:
    """The reference estimator; spreads large vaults over worker processes."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers if workers is not None else max(1, _cores())

    def estimate_many(self, items: Sequence[tuple[str, tuple[str, ...]]]) -> list[Strength]:
        unique = list(dict.fromkeys(items))
        if len(unique) < PARALLEL_THRESHOLD or self.workers < 2:
            results = _estimate_chunk(unique)
        else:
            results = self._parallel(unique)
        by_item = dict(zip(unique, results, strict=True))
        return [by_item[item] for item in items]

    def _parallel(self, unique: list[tuple[str, tuple[str, ...]]]) -> list[Strength]:
        """Rate in one worker process per core; this process only hands out chunks.

        The main interpreter runs the event loop (breach lookups), so it rates
        nothing itself: zxcvbn is pure Python and would hold the GIL against it.
        Small chunks keep both workers busy to the end.
        """
        from privaudit.workerpool import run_in_workers  # noqa: PLC0415

        size = max(8, min(64, len(unique) // (self.workers * 8)))
        chunks = [unique[i : i + size] for i in range(0, len(unique), size)]
        try:
            parts = run_in_workers(chunks, self.workers)
        except OSError:
            # No worker processes here (a sandbox): same answer, in this process.
            return _estimate_chunk(unique)
        return [Strength(*row) for part in parts for row in part]
