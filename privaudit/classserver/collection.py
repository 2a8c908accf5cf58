"""The documents of one class session: at most a "before" and an "after" per learner.

A learner's first document is their "before"; a later one is their "after"
(the class summary shows the change), and a later round still replaces that
"after", as `class summary` pairs a learner's first and last share. The same
result again (whatever its round), or an older round, is refused: one device never weighs more
than one learner, and a re-sent copy changes nothing.
"""

from __future__ import annotations

import enum
import json
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from privaudit.classserver.share import round_of

MAX_LEARNERS = 500
"""A room is at most about 60 devices; this bounds memory against a flood of tokens."""


class Outcome(enum.Enum):
    BEFORE = "before"
    AFTER = "after"
    DUPLICATE = "duplicate"
    """The same document again: nothing changes."""
    STALE = "stale"
    """Not a later round than the "after" already kept."""
    FULL = "full"


@dataclass
class _Learner:
    number: int
    before: Mapping[str, Any]
    after: Mapping[str, Any] | None = None


def canonical(doc: Mapping[str, Any]) -> str:
    """The content of a document, without its round: the same result shared again (each
    share from a device is its next round) is a copy, not an "after"."""
    content = {key: value for key, value in doc.items() if key != "round"}
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


Store = Callable[[str, Mapping[str, Any]], None]
"""Called with a file name (``learner-07-after.json``) and the document it keeps."""


@dataclass
class Collection:
    store: Store | None = None
    max_learners: int = MAX_LEARNERS
    _learners: dict[str, _Learner] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _closed: bool = False
    version: int = 0
    """Goes up with every document kept: the page is rendered again only then."""

    def close(self) -> None:
        """Refuse documents from now on; waits for one being written to finish."""
        with self._lock:
            self._closed = True

    def add(self, learner: str, doc: Mapping[str, Any]) -> Outcome:
        with self._lock:
            if self._closed:
                return Outcome.FULL
            known = self._learners.get(learner)
            if known is None:
                if len(self._learners) >= self.max_learners:
                    return Outcome.FULL
                known = _Learner(len(self._learners) + 1, doc)
                outcome = Outcome.BEFORE
            elif canonical(doc) in {canonical(d) for d in (known.before, known.after) if d}:
                return Outcome.DUPLICATE
            elif known.after is not None and round_of(doc) <= round_of(known.after):
                return Outcome.STALE
            else:
                outcome = Outcome.AFTER
            if (
                self.store is not None
            ):  # kept on disk first: a result acknowledged is a result saved
                self.store(f"learner-{known.number:02d}-{outcome.value}.json", doc)
            if outcome is Outcome.BEFORE:
                self._learners[learner] = known
            else:
                known.after = doc
            self.version += 1
            return outcome

    def documents(self) -> list[Mapping[str, Any]]:
        """Every document kept, in arrival order of the learners (befores, then afters)."""
        with self._lock:
            learners = list(self._learners.values())
        return [x.before for x in learners] + [x.after for x in learners if x.after is not None]

    def counts(self) -> tuple[int, int]:
        """(learners, of whom have shared an "after")."""
        with self._lock:
            return len(self._learners), sum(x.after is not None for x in self._learners.values())
